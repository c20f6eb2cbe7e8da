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
