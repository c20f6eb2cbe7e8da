import type { Db } from './db.js';

/** Growth reports of the knowledge system, one per round (their shape belongs to knowledge/report.ts). */

export function saveGrowthReport(db: Db, round: number, report: unknown): void {
  db.prepare('INSERT OR REPLACE INTO growth_reports (round, report_json, created_at) VALUES (?, ?, ?)').run(round, JSON.stringify(report), new Date().toISOString());
}

export function getGrowthReport(db: Db, round: number): unknown {
  const row = db.prepare<[number], { report_json: string }>('SELECT report_json FROM growth_reports WHERE round = ?').get(round);
  return row ? JSON.parse(row.report_json) : undefined;
}

export function listGrowthReports(db: Db): { round: number; report: unknown }[] {
  return db
    .prepare<[], { round: number; report_json: string }>('SELECT round, report_json FROM growth_reports ORDER BY round')
    .all()
    .map((r) => ({ round: r.round, report: JSON.parse(r.report_json) }));
}

export interface GrowthRow {
  round: number;
  knowledgeAdded: number;
  /** Knowledge nodes in the system once the round was done (round 0: seeds and imports). */
  knowledgeTotal: number;
  toolsAdded: number;
  toolsTotal: number;
}

/** Size of the knowledge system and tool set round by round, from the round each node and tool was added. */
export function growthByRound(db: Db): GrowthRow[] {
  const perRound = (sql: string) => new Map(db.prepare<[], { round: number; n: number }>(sql).all().map((r) => [r.round, r.n]));
  const nodes = perRound('SELECT round_added round, count(*) n FROM knowledge_nodes GROUP BY round_added');
  const tools = perRound('SELECT round_added round, count(*) n FROM tools GROUP BY round_added');
  const roundIds = db.prepare<[], { id: number }>('SELECT id FROM rounds').all().map((r) => r.id);
  const last = Math.max(0, ...roundIds, ...nodes.keys(), ...tools.keys());
  const out: GrowthRow[] = [];
  let knowledgeTotal = 0;
  let toolsTotal = 0;
  for (let round = 0; round <= last; round++) {
    const knowledgeAdded = nodes.get(round) ?? 0;
    const toolsAdded = tools.get(round) ?? 0;
    knowledgeTotal += knowledgeAdded;
    toolsTotal += toolsAdded;
    out.push({ round, knowledgeAdded, knowledgeTotal, toolsAdded, toolsTotal });
  }
  return out;
}
