import type { Db } from './db.js';

export interface UsageRow {
  round: number | null;
  sampleId: string | null;
  role: string;
  model: string;
  usage: { promptTokens: number; completionTokens: number; cost: number };
  cached: boolean;
  /** The part of one call this row accounts for (a call split over the samples it produced); default 1. */
  share?: number;
}

export interface UsageTotal {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** USD. */
  cost: number;
  cachedCalls: number;
}

export interface UsageTotals {
  total: UsageTotal;
  byRole: Record<string, UsageTotal>;
  byModel: Record<string, UsageTotal>;
}

export interface UsageFilter {
  round?: number;
  sampleId?: string;
}

/** Records LLM calls (one row each); joins the caller's transaction when there is one. */
export function recordUsage(db: Db, rows: readonly UsageRow[]): void {
  if (rows.length === 0) return;
  const stmt = db.prepare(
    `INSERT INTO llm_usage (round, sample_id, role, model, prompt_tokens, completion_tokens, cost, cached, share, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const r of rows) {
      stmt.run(r.round, r.sampleId, r.role, r.model, r.usage.promptTokens, r.usage.completionTokens, r.usage.cost, r.cached ? 1 : 0, r.share ?? 1, now);
    }
  })();
}

const SUMS = `round(coalesce(sum(share), 0), 6) calls, coalesce(sum(prompt_tokens), 0) promptTokens, coalesce(sum(completion_tokens), 0) completionTokens,
  coalesce(sum(cost), 0) cost, round(coalesce(sum(cached * share), 0), 6) cachedCalls`;
const WHERE = `(@round IS NULL OR round = @round) AND (@sampleId IS NULL OR sample_id = @sampleId)`;

function params(f: UsageFilter) {
  return { round: f.round ?? null, sampleId: f.sampleId ?? null };
}

function grouped(db: Db, column: 'role' | 'model' | 'sample_id', f: UsageFilter): Record<string, UsageTotal> {
  const rows = db
    .prepare<unknown[], UsageTotal & { k: string | number | null }>(`SELECT ${column} k, ${SUMS} FROM llm_usage WHERE ${WHERE} GROUP BY ${column} ORDER BY ${column}`)
    .all(params(f));
  return Object.fromEntries(rows.filter((r) => r.k !== null).map(({ k, ...t }) => [String(k), t]));
}

/** Totals of recorded calls, overall and per role and per model (optionally for one round or one sample). */
export function usageTotals(db: Db, filter: UsageFilter = {}): UsageTotals {
  const total = db.prepare<unknown[], UsageTotal>(`SELECT ${SUMS} FROM llm_usage WHERE ${WHERE}`).get(params(filter))!;
  return { total, byRole: grouped(db, 'role', filter), byModel: grouped(db, 'model', filter) };
}

/** Totals per sample (calls not tied to a sample, e.g. failed author calls, are left out). */
export function usageBySample(db: Db, filter: { round?: number } = {}): Record<string, UsageTotal> {
  return grouped(db, 'sample_id', filter);
}
