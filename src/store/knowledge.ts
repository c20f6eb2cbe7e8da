import crypto from 'node:crypto';
import type { Db } from './db.js';
import { blobToVector, vectorToBlob } from './vectors.js';
import type { KnowledgeNode } from '../schemas/knowledge.js';

type Source = KnowledgeNode['source'];

export const PATH_SEPARATOR = ' > ';

/** Case- and space-insensitive key of a path: two paths with the same key are the same node. */
export function pathKey(path: readonly string[]): string {
  return path.map((s) => s.trim().replace(/\s+/g, ' ').toLowerCase()).join(PATH_SEPARATOR);
}

/** Deterministic node id, the same on every machine for the same path. */
export function nodeId(path: readonly string[]): string {
  return `k_${crypto.createHash('sha1').update(pathKey(path)).digest('hex').slice(0, 16)}`;
}

export interface PointInput {
  path: string[];
  description?: string;
  aliases?: string[];
  source: Source;
  roundAdded: number;
}

interface NodeRow {
  id: string;
  name: string;
  path_json: string;
  parent_id: string | null;
  level: number;
  domain: string;
  source: Source;
  round_added: number;
  aliases_json: string;
  description: string | null;
  embedding: Buffer | null;
}

function toNode(r: NodeRow): KnowledgeNode {
  const node: KnowledgeNode = {
    id: r.id,
    name: r.name,
    path: JSON.parse(r.path_json) as string[],
    parentId: r.parent_id,
    level: r.level,
    domain: r.domain,
    source: r.source,
    roundAdded: r.round_added,
    aliases: JSON.parse(r.aliases_json) as string[],
  };
  if (r.description !== null) node.description = r.description;
  if (r.embedding) node.embedding = blobToVector(r.embedding);
  return node;
}

/**
 * Inserts knowledge points and every missing prefix node of their paths, in one transaction.
 * Existing nodes keep their data; new aliases are added and a missing description is filled in.
 */
export function upsertPoints(db: Db, points: readonly PointInput[]): { created: number; updated: number } {
  const find = db.prepare<[string], NodeRow>('SELECT * FROM knowledge_nodes WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO knowledge_nodes (id, name, path_key, path_json, parent_id, level, domain, source, round_added, aliases_json, description)
     VALUES (@id, @name, @pathKey, @pathJson, @parentId, @level, @domain, @source, @roundAdded, @aliases, @description)`,
  );
  const update = db.prepare('UPDATE knowledge_nodes SET aliases_json = ?, description = ? WHERE id = ?');
  let created = 0;
  let updated = 0;
  db.transaction(() => {
    for (const p of points) {
      for (let level = 1; level <= p.path.length; level++) {
        const prefix = p.path.slice(0, level);
        const id = nodeId(prefix);
        const isPoint = level === p.path.length;
        const existing = find.get(id);
        if (!existing) {
          insert.run({
            id,
            name: prefix[level - 1]!,
            pathKey: pathKey(prefix),
            pathJson: JSON.stringify(prefix),
            parentId: level === 1 ? null : nodeId(p.path.slice(0, level - 1)),
            level,
            domain: prefix[0]!,
            source: p.source,
            roundAdded: p.roundAdded,
            aliases: JSON.stringify(isPoint ? (p.aliases ?? []) : []),
            description: isPoint ? (p.description ?? null) : null,
          });
          created++;
        } else if (isPoint) {
          const aliases = JSON.parse(existing.aliases_json) as string[];
          const merged = [...new Set([...aliases, ...(p.aliases ?? [])])];
          const description = existing.description ?? p.description ?? null;
          if (merged.length !== aliases.length || description !== existing.description) {
            update.run(JSON.stringify(merged), description, id);
            updated++;
          }
        }
      }
    }
  })();
  return { created, updated };
}

export function getNode(db: Db, id: string): KnowledgeNode | undefined {
  const row = db.prepare<[string], NodeRow>('SELECT * FROM knowledge_nodes WHERE id = ?').get(id);
  return row && toNode(row);
}

export function getNodeByPath(db: Db, path: readonly string[]): KnowledgeNode | undefined {
  return getNode(db, nodeId(path));
}

export function listNodes(db: Db, filter: { domain?: string; maxLevel?: number } = {}): KnowledgeNode[] {
  const rows = db
    .prepare<[string | null, string | null, number | null, number | null], NodeRow>(
      `SELECT * FROM knowledge_nodes
       WHERE (? IS NULL OR lower(domain) = lower(?)) AND (? IS NULL OR level <= ?)
       ORDER BY path_key`,
    )
    .all(filter.domain ?? null, filter.domain ?? null, filter.maxLevel ?? null, filter.maxLevel ?? null);
  return rows.map(toNode);
}

export function childrenOf(db: Db, parentId: string | null): KnowledgeNode[] {
  const rows =
    parentId === null
      ? db.prepare<[], NodeRow>('SELECT * FROM knowledge_nodes WHERE parent_id IS NULL ORDER BY path_key').all()
      : db.prepare<[string], NodeRow>('SELECT * FROM knowledge_nodes WHERE parent_id = ? ORDER BY path_key').all(parentId);
  return rows.map(toNode);
}

/** Nodes with no children: the knowledge points the planner draws from. */
export function listLeaves(db: Db): KnowledgeNode[] {
  return db
    .prepare<[], NodeRow>(
      `SELECT * FROM knowledge_nodes n
       WHERE NOT EXISTS (SELECT 1 FROM knowledge_nodes c WHERE c.parent_id = n.id)
       ORDER BY path_key`,
    )
    .all()
    .map(toNode);
}

export function setNodeEmbeddings(db: Db, rows: readonly { id: string; vector: Float32Array }[]): void {
  const stmt = db.prepare('UPDATE knowledge_nodes SET embedding = ? WHERE id = ?');
  db.transaction(() => {
    for (const r of rows) stmt.run(vectorToBlob(r.vector), r.id);
  })();
}

/** Aggregates of the knowledge tree (status, growth reports, stats). */
export interface KnowledgeCounts {
  total: number;
  /** Nodes without children: the knowledge points. */
  leaves: number;
  maxLevel: number;
  domains: number;
  byLevel: Record<string, number>;
  byDomain: Record<string, number>;
  bySource: Record<string, number>;
}

export function countNodes(db: Db): KnowledgeCounts {
  const group = (col: string) => {
    const out: Record<string, number> = {};
    for (const r of db.prepare<[], { k: string; n: number }>(`SELECT ${col} k, count(*) n FROM knowledge_nodes GROUP BY ${col} ORDER BY ${col}`).all()) out[String(r.k)] = r.n;
    return out;
  };
  const byLevel = group('level');
  const byDomain = group('domain');
  const leaves = db
    .prepare<[], { n: number }>('SELECT count(*) n FROM knowledge_nodes p WHERE NOT EXISTS (SELECT 1 FROM knowledge_nodes c WHERE c.parent_id = p.id)')
    .get()!.n;
  const levels = Object.keys(byLevel).map(Number);
  return {
    total: Object.values(byLevel).reduce((a, b) => a + b, 0),
    leaves,
    maxLevel: levels.length ? Math.max(...levels) : 0,
    domains: Object.keys(byDomain).length,
    byLevel,
    byDomain,
    bySource: group('source'),
  };
}
