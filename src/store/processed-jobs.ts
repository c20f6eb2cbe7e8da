import type { Db } from './db.js';

/** True when the store stage has already written this job. */
export function jobProcessed(db: Db, jobId: string): boolean {
  return db.prepare<[string], { n: number }>('SELECT 1 n FROM processed_jobs WHERE job_id = ?').get(jobId) !== undefined;
}

/** Records a written job; call inside the transaction that writes its data. */
export function markJobProcessed(db: Db, jobId: string, round: number): void {
  db.prepare('INSERT OR IGNORE INTO processed_jobs (job_id, round, created_at) VALUES (?, ?, ?)').run(jobId, round, new Date().toISOString());
}
