import type { Db } from './db.js';
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

/** Lower-cased (ASCII, as SQLite's lower()) path text, the same form for nodes and sample drafts. */
const PATH_TEXT = (json: string, upTo?: string) =>
  `(SELECT lower(group_concat(q.value, ' > ' ORDER BY q.key)) FROM json_each(${json}) q${upTo ? ` WHERE q.key <= ${upTo}` : ''})`;

/** Every node in path order, with its number of children and of accepted samples in its subtree. */
export function knowledgeTree(db: Db): TreeNode[] {
  const accepted = new Map(
    db
      .prepare<[], { id: string; n: number }>(
        `WITH node_keys AS (SELECT n.id, ${PATH_TEXT('n.path_json')} AS key FROM knowledge_nodes n),
              sample_paths AS (
                SELECT s.id AS sid, k.value AS path FROM samples s, json_each(s.draft_json, '$.knowledge') k WHERE s.status = 'accepted'),
              prefixes AS (SELECT DISTINCT sp.sid, ${PATH_TEXT('sp.path', 'e.key')} AS key FROM sample_paths sp, json_each(sp.path) e)
         SELECT nk.id, count(*) n FROM prefixes p JOIN node_keys nk ON nk.key = p.key GROUP BY nk.id`,
      )
      .all()
      .map((r) => [r.id, r.n]),
  );
  return db
    .prepare<[], { id: string; name: string; path_json: string; parent_id: string | null; level: number; source: TreeNode['source']; round_added: number; children: number }>(
      `SELECT n.id, n.name, n.path_json, n.parent_id, n.level, n.source, n.round_added,
              (SELECT count(*) FROM knowledge_nodes c WHERE c.parent_id = n.id) children
       FROM knowledge_nodes n ORDER BY n.path_key`,
    )
    .all()
    .map((r) => ({
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
