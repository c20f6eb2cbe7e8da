import type { Db } from './db.js';

export interface FailureInput {
  round?: number | null;
  sampleId?: string | null;
  jobId?: string | null;
  stage: string;
  /** A short machine-readable reason (`timeout`, `schema`, `http-429`, ...); groups failures in `flywheel status`. */
  reason: string;
  message: string;
  attempt?: number;
  detail?: unknown;
}

export function recordFailures(db: Db, failures: readonly FailureInput[]): void {
  const stmt = db.prepare(
    `INSERT INTO failures (round, sample_id, job_id, stage, reason, message, attempt, detail_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const f of failures) {
      stmt.run(
        f.round ?? null,
        f.sampleId ?? null,
        f.jobId ?? null,
        f.stage,
        f.reason,
        f.message,
        f.attempt ?? 1,
        f.detail === undefined ? null : JSON.stringify(f.detail),
        now,
      );
    }
  })();
}

export interface FailureGroup {
  stage: string;
  reason: string;
  count: number;
  lastMessage: string;
}

export function failureSummary(db: Db, round?: number): FailureGroup[] {
  return db
    .prepare<unknown[], FailureGroup>(
      `SELECT stage, reason, count(*) count,
              (SELECT message FROM failures f2 WHERE f2.stage = f.stage AND f2.reason = f.reason ORDER BY id DESC LIMIT 1) lastMessage
       FROM failures f WHERE (@round IS NULL OR round = @round)
       GROUP BY stage, reason ORDER BY count DESC, stage, reason`,
    )
    .all({ round: round ?? null });
}

export interface FailureRecord extends Required<Omit<FailureInput, 'detail'>> {
  id: number;
  detail: unknown;
  createdAt: string;
}

export function listFailures(db: Db, filter: { round?: number; sampleId?: string; limit?: number } = {}): FailureRecord[] {
  return db
    .prepare<unknown[], Record<string, unknown>>(
      `SELECT * FROM failures WHERE (@round IS NULL OR round = @round) AND (@sampleId IS NULL OR sample_id = @sampleId)
       ORDER BY id DESC LIMIT @limit`,
    )
    .all({ round: filter.round ?? null, sampleId: filter.sampleId ?? null, limit: filter.limit ?? 100 })
    .map((r) => ({
      id: r.id as number,
      round: r.round as number | null,
      sampleId: r.sample_id as string | null,
      jobId: r.job_id as string | null,
      stage: r.stage as string,
      reason: r.reason as string,
      message: r.message as string,
      attempt: r.attempt as number,
      detail: r.detail_json ? JSON.parse(r.detail_json as string) : null,
      createdAt: r.created_at as string,
    }));
}
