import type { Db } from './db.js';
import { knowledgeJson } from './dashboard-search.js';
import { PATH_SEPARATOR, pathKey } from './knowledge.js';
import type { KnowledgeNode } from '../schemas/knowledge.js';

/** Read-only knowledge-tree query for the dashboard. */

export interface TreeNode {
  id: string;
  name: string;
  path: string[];
  parentId: string | null;
  level: number;
  source: KnowledgeNode['source'];
  roundAdded: number;
  children: number;
  /** Accepted samples whose knowledge includes this node or a node below it (each sample counted once). */
  accepted: number;
}

/** Accepted samples per node id, each sample counted once per node of its paths' prefixes (matched by pathKey). */
function acceptedPerNode(db: Db, idByKey: Map<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  const source = knowledgeJson(db);
  const rows = db.prepare<[], { k: string | null }>(`SELECT ${source.column} k FROM samples s ${source.join} WHERE s.status = 'accepted'`).iterate();
  for (const { k } of rows) {
    const paths = k === null ? [] : (JSON.parse(k) as unknown);
    if (!Array.isArray(paths)) continue;
    const nodes = new Set<string>();
    for (const p of paths) {
      if (!Array.isArray(p)) continue;
      // pathKey normalises each segment and joins them, so a prefix's key is a prefix of the joined keys.
      let key = '';
      for (const segment of p) {
        key = key ? `${key}${PATH_SEPARATOR}${pathKey([String(segment)])}` : pathKey([String(segment)]);
        const id = idByKey.get(key);
        if (id) nodes.add(id);
      }
    }
    for (const id of nodes) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Every node in path order, with its number of children and of accepted samples in its subtree. */
export function knowledgeTree(db: Db): TreeNode[] {
  const rows = db
    .prepare<[], { id: string; name: string; path_key: string; path_json: string; parent_id: string | null; level: number; source: TreeNode['source']; round_added: number; children: number }>(
      `SELECT n.id, n.name, n.path_key, n.path_json, n.parent_id, n.level, n.source, n.round_added,
              (SELECT count(*) FROM knowledge_nodes c WHERE c.parent_id = n.id) children
       FROM knowledge_nodes n ORDER BY n.path_key`,
    )
    .all();
  const accepted = acceptedPerNode(db, new Map(rows.map((r) => [r.path_key, r.id])));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    path: JSON.parse(r.path_json) as string[],
    parentId: r.parent_id,
    level: r.level,
    source: r.source,
    roundAdded: r.round_added,
    children: r.children,
    accepted: accepted.get(r.id) ?? 0,
  }));
}
