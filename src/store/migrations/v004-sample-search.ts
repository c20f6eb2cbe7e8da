import type { Migration } from './types.js';

/** The knowledge paths of a sample's draft as one searchable text ("Geometry > Triangles ; Algebra > ..."). */
const KNOWLEDGE_TEXT = (row: string) => `(SELECT group_concat(p.text, ' ; ') FROM (
    SELECT (SELECT group_concat(n.value, ' > ' ORDER BY n.key) FROM json_each(k.value) n) AS text
    FROM json_each(${row}.draft_json, '$.knowledge') k ORDER BY k.key) p)`;

/**
 * Version 4: full-text search over sample questions and knowledge paths (dashboard search). The index
 * shares the samples' rowids and is kept in step by triggers, so every writer keeps it current for free.
 */
export const v004: Migration = {
  version: 4,
  name: 'sample text search',
  sql: `
      CREATE VIRTUAL TABLE samples_fts USING fts5(question, knowledge, tokenize = 'unicode61 remove_diacritics 2');

      INSERT INTO samples_fts (rowid, question, knowledge) SELECT s.rowid, s.question, ${KNOWLEDGE_TEXT('s')} FROM samples s;

      CREATE TRIGGER samples_fts_insert AFTER INSERT ON samples BEGIN
        INSERT INTO samples_fts (rowid, question, knowledge) VALUES (new.rowid, new.question, ${KNOWLEDGE_TEXT('new')});
      END;

      CREATE TRIGGER samples_fts_update AFTER UPDATE OF question, draft_json ON samples BEGIN
        DELETE FROM samples_fts WHERE rowid = old.rowid;
        INSERT INTO samples_fts (rowid, question, knowledge) VALUES (new.rowid, new.question, ${KNOWLEDGE_TEXT('new')});
      END;

      CREATE TRIGGER samples_fts_delete AFTER DELETE ON samples BEGIN
        DELETE FROM samples_fts WHERE rowid = old.rowid;
      END;
    `,
};
