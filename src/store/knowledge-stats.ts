import type { Db } from './db.js';

/** Leaves, and leaves with at least one accepted sample resolved to them. */
export function leafCoverage(db: Db): { leaves: number; covered: number } {
  const row = db
    .prepare<[], { leaves: number; covered: number }>(
      `SELECT count(*) leaves,
              sum(EXISTS (SELECT 1 FROM knowledge_candidates c WHERE c.node_id = p.id AND c.kind = 'knowledge' AND c.status IN ('added','merged'))) covered
       FROM knowledge_nodes p WHERE NOT EXISTS (SELECT 1 FROM knowledge_nodes c WHERE c.parent_id = p.id)`,
    )
    .get()!;
  return { leaves: row.leaves, covered: row.covered ?? 0 };
}
