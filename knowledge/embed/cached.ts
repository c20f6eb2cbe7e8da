import type { Embedder } from '../contracts.js';
import type { Db } from '../../src/store/db.js';
import { getCachedVectors, putCachedVectors } from '../../src/store/knowledge-embeddings.js';

/** Sends at most this many texts per call to the wrapped embedder (endpoints cap a request's inputs). */
const BATCH = 512;

/**
 * Wraps any Embedder (offline or an endpoint) with the SQLite cache, keyed by (model, text): each
 * distinct text is embedded once per model, ever. The cache is written in its own small transactions,
 * never inside the tree's. The dimension is the inner embedder's, or that of the vectors returned so far
 * (an endpoint may only learn its dimension from a reply, and a fully cached call makes none).
 */
export function cachedEmbedder(db: Db, inner: Embedder): Embedder {
  let seen: number | undefined;
  return {
    model: inner.model,
    get dim() {
      return seen ?? inner.dim;
    },
    async embed(texts) {
      const unique = [...new Set(texts)];
      const found = getCachedVectors(db, inner.model, unique);
      const missing = unique.filter((t) => !found.has(t));
      for (let i = 0; i < missing.length; i += BATCH) {
        const batch = missing.slice(i, i + BATCH);
        const vectors = await inner.embed(batch);
        if (vectors.length !== batch.length) throw new Error(`embedder ${inner.model} returned ${vectors.length} vectors for ${batch.length} texts`);
        const rows = batch.map((text, j) => ({ text, vector: vectors[j]! }));
        putCachedVectors(db, inner.model, rows);
        for (const r of rows) found.set(r.text, r.vector);
      }
      const out = texts.map((t) => found.get(t)!);
      const dims = new Set(out.map((v) => v.length));
      if (dims.size > 1) throw new Error(`embedder ${inner.model} gave vectors of several dimensions (${[...dims].join(', ')}): its cached vectors belong to another space`);
      seen ??= out[0]?.length;
      return out;
    },
  };
}
