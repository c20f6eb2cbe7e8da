import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gallery } from '../../src/store/dashboard-samples.js';
import { knowledgeTree } from '../../src/store/dashboard-knowledge.js';
import { hasSearchIndex } from '../../src/store/dashboard-search.js';
import { openDb, type Db } from '../../src/store/db.js';
import { v004 } from '../../src/store/migrations/v004-sample-search.js';
import { getSample, saveSamples } from '../../src/store/samples.js';
import { tmpDir } from '../support/tmp.js';
import { buildDatabase, HOSTILE_ID, PATHS } from './fixture.js';

/**
 * The dashboard opens databases read-only and never migrates them: one without migration 4's search
 * index must give the same answers through the fallback queries. Migration 4 must index the samples
 * already stored, and its triggers must keep the index in step with later writes.
 */
let t: ReturnType<typeof tmpDir>;
let withIndex: Db;
let withoutIndex: Db;
let reindexed: Db;

/** Undoes migration 4 on a copy (the store's other functions need the rest of the latest schema). */
function stripSearchIndex(file: string): void {
  const raw = new Database(file);
  raw.exec(`DROP TRIGGER samples_fts_insert; DROP TRIGGER samples_fts_update; DROP TRIGGER samples_fts_delete; DROP TABLE samples_fts;
            DROP INDEX samples_gallery; DROP INDEX samples_round_shape; DROP INDEX samples_score; DROP INDEX verdicts_pass;`);
  raw.close();
}

beforeAll(() => {
  t = tmpDir('flywheel-dashboard-queries-');
  const file = (name: string) => path.join(t.dir, name);
  const db = openDb(file('latest.db'));
  buildDatabase(db, t.dir);
  db.close();
  fs.copyFileSync(file('latest.db'), file('stripped.db'));
  stripSearchIndex(file('stripped.db'));
  fs.copyFileSync(file('stripped.db'), file('reindexed.db'));
  const raw = new Database(file('reindexed.db'));
  raw.exec(v004.sql);
  raw.close();
  withIndex = openDb(file('latest.db'), { readonly: true });
  withoutIndex = openDb(file('stripped.db'), { readonly: true });
  reindexed = openDb(file('reindexed.db'), { readonly: true });
});

afterAll(() => {
  for (const db of [withIndex, withoutIndex, reindexed]) db?.close();
  t?.cleanup();
});

const ids = (db: Db, f: Parameters<typeof gallery>[1]) => gallery(db, f).items.map((s) => s.id);
const page = { limit: 100, offset: 0 };

describe('dashboard queries', () => {
  it('search, knowledge filter and tree counts agree with, without and after re-adding the search index', () => {
    expect(hasSearchIndex(withIndex)).toBe(true);
    expect(hasSearchIndex(withoutIndex)).toBe(false);
    const cases = [
      { words: ['glide', 'reflect'] },
      { words: ['zebracorn'] },
      { words: ['transversal'], status: 'accepted' as const },
      { knowledgePath: ['plane geometry'] },
      { knowledgePath: PATHS.newRound2 },
      { knowledgePath: PATHS.parallel.slice(0, 3), minScore: 9 },
    ];
    for (const c of cases) {
      const found = ids(withIndex, { ...c, ...page });
      expect(found.length, JSON.stringify(c)).toBeGreaterThan(0);
      expect(ids(withoutIndex, { ...c, ...page }), JSON.stringify(c)).toEqual(found);
      expect(ids(reindexed, { ...c, ...page }), JSON.stringify(c)).toEqual(found);
    }
    expect(knowledgeTree(withoutIndex)).toEqual(knowledgeTree(withIndex));
  });

  it('the search index follows later writes of a sample', () => {
    const t2 = tmpDir('flywheel-dashboard-triggers-');
    try {
      const db = openDb(path.join(t2.dir, 'f.db'));
      buildDatabase(db, t2.dir);
      const hostile = getSample(db, HOSTILE_ID)!;
      saveSamples(db, [{ ...hostile, draft: { ...hostile.draft, question: 'Is this a unicornfish?', knowledge: [PATHS.vertical] } }]);
      expect(ids(db, { words: ['zebracorn'], ...page })).toEqual([]);
      expect(ids(db, { words: ['unicornfish'], ...page })).toEqual([HOSTILE_ID]);
      expect(ids(db, { knowledgePath: PATHS.newRound2, ...page })).not.toContain(HOSTILE_ID);
      expect(ids(db, { knowledgePath: PATHS.vertical, ...page })).toContain(HOSTILE_ID);
      db.close();
    } finally {
      t2.cleanup();
    }
  });
});
