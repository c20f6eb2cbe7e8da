import type { Migration } from './types.js';

/**
 * Version 5: the store stage remembers which jobs it has written, so a job redelivered after a crash
 * between the SQLite commit and the queue acknowledgement is not written twice; rounds keep a snapshot
 * of their per-stage progress for `flywheel status`; a usage row records which share of a call it
 * accounts for (one author call is split over the problems it returned).
 */
export const v005: Migration = {
  version: 5,
  name: 'processed jobs and round progress',
  sql: `
    CREATE TABLE processed_jobs (
      job_id TEXT PRIMARY KEY,
      round INTEGER NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX processed_jobs_round ON processed_jobs(round);
    ALTER TABLE rounds ADD COLUMN progress_json TEXT;
    ALTER TABLE llm_usage ADD COLUMN share REAL NOT NULL DEFAULT 1;
  `,
};
