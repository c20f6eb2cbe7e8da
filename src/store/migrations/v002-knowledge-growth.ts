import type { Migration } from './types.js';

/**
 * Version 2: per-round growth reports of the knowledge system, and candidate provenance: which node each
 * candidate ended up in (indexed, for per-node accepted-sample counts) and a note on how it was repaired
 * or merged.
 */
export const v002: Migration = {
  version: 2,
  name: 'knowledge growth',
  sql: `
      CREATE TABLE growth_reports (
        round INTEGER PRIMARY KEY,
        report_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      ALTER TABLE knowledge_candidates ADD COLUMN note TEXT;
      CREATE INDEX candidates_node ON knowledge_candidates(node_id, status);
    `,
};
