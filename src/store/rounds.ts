import type { Db } from './db.js';

export type RoundStatus = 'planned' | 'running' | 'evolving' | 'done' | 'failed' | 'interrupted';

export interface RoundRecord {
  id: number;
  status: RoundStatus;
  seed: number;
  plan: unknown;
  config: unknown;
  report: unknown;
  /** Per-stage jobs added and done, as last seen by the round controller. */
  progress: Record<string, { added: number; done: number }> | null;
  startedAt: string | null;
  finishedAt: string | null;
}

interface RoundRow {
  id: number;
  status: RoundStatus;
  seed: number;
  plan_json: string | null;
  config_json: string | null;
  report_json: string | null;
  progress_json: string | null;
  started_at: string | null;
  finished_at: string | null;
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

function toRound(r: RoundRow): RoundRecord {
  return {
    id: r.id,
    status: r.status,
    seed: r.seed,
    plan: parse(r.plan_json),
    config: parse(r.config_json),
    report: parse(r.report_json),
    progress: parse(r.progress_json) as RoundRecord['progress'],
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/** Creates the round if it does not exist yet; returns it either way. */
export function ensureRound(db: Db, id: number, seed: number, plan: unknown, config: unknown): RoundRecord {
  db.prepare(
    `INSERT INTO rounds (id, status, seed, plan_json, config_json, started_at) VALUES (?, 'planned', ?, ?, ?, ?)
     ON CONFLICT(id) DO NOTHING`,
  ).run(id, seed, JSON.stringify(plan), JSON.stringify(config), new Date().toISOString());
  return getRound(db, id)!;
}

export function getRound(db: Db, id: number): RoundRecord | undefined {
  const row = db.prepare<[number], RoundRow>('SELECT * FROM rounds WHERE id = ?').get(id);
  return row && toRound(row);
}

export function listRounds(db: Db): RoundRecord[] {
  return db.prepare<[], RoundRow>('SELECT * FROM rounds ORDER BY id').all().map(toRound);
}

export function latestRound(db: Db): RoundRecord | undefined {
  const row = db.prepare<[], RoundRow>('SELECT * FROM rounds ORDER BY id DESC LIMIT 1').get();
  return row && toRound(row);
}

export function setRoundStatus(db: Db, id: number, status: RoundStatus): void {
  const finished = status === 'done' || status === 'failed' ? new Date().toISOString() : null;
  db.prepare('UPDATE rounds SET status = ?, finished_at = coalesce(?, finished_at) WHERE id = ?').run(status, finished, id);
}

export function setRoundReport(db: Db, id: number, report: unknown): void {
  db.prepare('UPDATE rounds SET report_json = ? WHERE id = ?').run(JSON.stringify(report), id);
}

export function setRoundProgress(db: Db, id: number, progress: Record<string, { added: number; done: number }>): void {
  db.prepare('UPDATE rounds SET progress_json = ? WHERE id = ?').run(JSON.stringify(progress), id);
}
