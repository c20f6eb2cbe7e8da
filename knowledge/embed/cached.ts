import type { Embedder } from '../contracts.js';
import type { Db } from '../../src/store/db.js';
import { getCachedVectors, putCachedVectors } from '../../src/store/knowledge-embeddings.js';

/** Sends at most this many texts per call to the wrapped embedder (endpoints cap a request's inputs). */
const BATCH = 512;

/**
 * Wraps any Embedder with the SQLite cache, keyed by (model, text): each distinct text is embedded once
 * per model, ever. The cache is written in its own small transactions, never inside the tree's.
 */
export function cachedEmbedder(db: Db, inner: Embedder): Embedder {
  return {
    model: inner.model,
    dim: inner.dim,
    async embed(texts) {
      const unique = [...new Set(texts)];
      const found = getCachedVectors(db, inner.model, unique, inner.dim);
      const missing = unique.filter((t) => !found.has(t));
      for (let i = 0; i < missing.length; i += BATCH) {
        const batch = missing.slice(i, i + BATCH);
        const vectors = await inner.embed(batch);
        if (vectors.length !== batch.length || vectors.some((v) => v.length !== inner.dim)) {
          throw new Error(`embedder ${inner.model} returned ${vectors.length} vectors for ${batch.length} texts (or the wrong dimension)`);
        }
        const rows = batch.map((text, j) => ({ text, vector: vectors[j]! }));
        putCachedVectors(db, inner.model, rows);
        for (const r of rows) found.set(r.text, r.vector);
      }
      return texts.map((t) => found.get(t)!);
    },
  };
}
