import path from 'node:path';
import { openDb, type Db } from '../../src/store/db.js';
import { KnowledgeSettings } from '../../src/config/sections/knowledge.js';
import { cachedEmbedder, createOfflineEmbedder, createOfflineNamer, evolve, type GrowthReport } from '../../knowledge/index.js';
import { tmpDir } from '../support/tmp.js';

/** A fresh store in a temporary output folder. */
export function freshStore(): { db: Db; dir: string; cleanup: () => void } {
  const t = tmpDir('flywheel-knowledge-');
  const db = openDb(path.join(t.dir, 'flywheel.db'));
  return {
    db,
    dir: t.dir,
    cleanup: () => {
      db.close();
      t.cleanup();
    },
  };
}

export const settings = (over: Partial<KnowledgeSettings> = {}): KnowledgeSettings => KnowledgeSettings.parse(over);

/** Evolves a round with the offline embedder (cached in the store) and the offline namer. */
export function evolveOffline(db: Db, round: number, over: Partial<KnowledgeSettings> = {}): Promise<GrowthReport> {
  const s = settings(over);
  return evolve(db, { round, embedder: cachedEmbedder(db, createOfflineEmbedder(s)), namer: createOfflineNamer(), settings: s });
}
