import type { Migration } from './types.js';

const KNOWLEDGE = (row: string) => `json_extract(${row}.draft_json, '$.knowledge')`;

/**
 * Version 4: full-text search over sample questions and knowledge paths (the paths as their JSON text,
 * which also lets the dashboard read every sample's knowledge without touching the large sample rows),
 * and indexes for the dashboard's per-round aggregates and gallery order. The search index shares the
 * samples' rowids and is kept in step by triggers, so every writer keeps it current.
 */
export const v004: Migration = {
  version: 4,
  name: 'sample text search and dashboard indexes',
  sql: `
      CREATE VIRTUAL TABLE samples_fts USING fts5(question, knowledge, tokenize = 'unicode61 remove_diacritics 2');

      INSERT INTO samples_fts (rowid, question, knowledge) SELECT s.rowid, s.question, ${KNOWLEDGE('s')} FROM samples s;

      CREATE TRIGGER samples_fts_insert AFTER INSERT ON samples BEGIN
        INSERT INTO samples_fts (rowid, question, knowledge) VALUES (new.rowid, new.question, ${KNOWLEDGE('new')});
      END;

      CREATE TRIGGER samples_fts_update AFTER UPDATE OF question, draft_json ON samples BEGIN
        DELETE FROM samples_fts WHERE rowid = old.rowid;
        INSERT INTO samples_fts (rowid, question, knowledge) VALUES (new.rowid, new.question, ${KNOWLEDGE('new')});
      END;

      CREATE TRIGGER samples_fts_delete AFTER DELETE ON samples BEGIN
        DELETE FROM samples_fts WHERE rowid = old.rowid;
      END;

      CREATE INDEX samples_gallery ON samples(round DESC, id);
      CREATE INDEX samples_round_shape ON samples(round, kind, depth, status);
      CREATE INDEX samples_score ON samples(score_min);
      CREATE INDEX verdicts_pass ON verdicts(sample_id, checker, pass);
    `,
};
