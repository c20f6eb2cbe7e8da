import type { Db } from './db.js';

/** Aggregates of the knowledge tree for growth reports, stats and the planner. */

export interface TreeTotals {
  total: number;
  leaves: number;
  maxLevel: number;
  domains: number;
  byLevel: Record<string, number>;
  byDomain: Record<string, number>;
}

export function treeTotals(db: Db): TreeTotals {
  const byLevel: Record<string, number> = {};
  for (const r of db.prepare<[], { level: number; n: number }>('SELECT level, count(*) n FROM knowledge_nodes GROUP BY level ORDER BY level').all()) byLevel[String(r.level)] = r.n;
  const byDomain: Record<string, number> = {};
  for (const r of db.prepare<[], { domain: string; n: number }>('SELECT domain, count(*) n FROM knowledge_nodes GROUP BY domain ORDER BY domain').all()) byDomain[r.domain] = r.n;
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
  };
}

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
