import type { Db } from './db.js';
import { blobToVector, vectorToBlob } from './vectors.js';

/** Cached vectors of `texts` under `model` (the embedder's space id), by text; texts never embedded are absent. */
export function getCachedVectors(db: Db, model: string, texts: readonly string[]): Map<string, Float32Array> {
  const stmt = db.prepare<[string, string], { vector: Buffer }>('SELECT vector FROM embedding_cache WHERE model = ? AND text = ?');
  const out = new Map<string, Float32Array>();
  for (const t of texts) {
    const row = stmt.get(model, t);
    if (row) out.set(t, blobToVector(row.vector));
  }
  return out;
}

export function putCachedVectors(db: Db, model: string, rows: readonly { text: string; vector: Float32Array }[]): void {
  const stmt = db.prepare('INSERT OR REPLACE INTO embedding_cache (model, text, vector) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const r of rows) stmt.run(model, r.text, vectorToBlob(r.vector));
  })();
}

export function countCachedVectors(db: Db, model: string): number {
  return db.prepare<[string], { n: number }>('SELECT count(*) n FROM embedding_cache WHERE model = ?').get(model)!.n;
}
