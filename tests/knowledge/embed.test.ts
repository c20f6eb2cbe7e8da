import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../knowledge/contracts.js';
import { cachedEmbedder, createOfflineEmbedder } from '../../knowledge/index.js';
import { cleanName, nameKey } from '../../knowledge/normalise.js';
import { dot } from '../../knowledge/vector-index.js';
import { countCachedVectors } from '../../src/store/knowledge-embeddings.js';
import { freshStore } from './support.js';

describe('offline embeddings', () => {
  it('are deterministic, L2-normalised, of the configured dimension, with the space in the model id', async () => {
    const e = createOfflineEmbedder({ embeddingDim: 128 });
    expect(e.model).toMatch(/^offline-ngram-v1\/128\/[0-9a-f]{8}$/);
    expect(createOfflineEmbedder({ embeddingDim: 64 }).model).not.toBe(e.model);
    const [a, b] = await e.embed(['Isosceles triangle base angles', 'Isosceles triangle base angles']);
    expect(a).toHaveLength(128);
    expect(Array.from(a!)).toEqual(Array.from(b!));
    expect(dot(a!, a!)).toBeCloseTo(1, 5);
  });

  it('put spelling variants and related names closer than unrelated ones', async () => {
    const e = createOfflineEmbedder({ embeddingDim: 256 });
    const [base, plural, related, unrelated] = await e.embed(['Isosceles triangle', 'isosceles triangles', 'Equilateral triangle', 'Probability of drawing a red ball']);
    expect(dot(base!, plural!)).toBeGreaterThan(0.99);
    expect(dot(base!, related!)).toBeGreaterThan(dot(base!, unrelated!) + 0.2);
  });

  it('are cached in SQLite per (model, text): a text is embedded once per model', async () => {
    const store = freshStore();
    try {
      const inner = createOfflineEmbedder({ embeddingDim: 64 });
      const seen: string[] = [];
      const counting: Embedder = { model: inner.model, dim: inner.dim, embed: (texts) => (seen.push(...texts), inner.embed(texts)) };
      const first = await cachedEmbedder(store.db, counting).embed(['alpha', 'beta', 'alpha']);
      const second = await cachedEmbedder(store.db, counting).embed(['beta', 'gamma']);
      expect(seen).toEqual(['alpha', 'beta', 'gamma']);
      expect(Array.from(second[0]!)).toEqual(Array.from(first[1]!));
      expect(countCachedVectors(store.db, inner.model)).toBe(3);
      expect(countCachedVectors(store.db, 'another-model')).toBe(0);
    } finally {
      store.cleanup();
    }
  });
});

describe('name normalisation', () => {
  it('cleans names for display and rejects what cannot be a name, with a reason', () => {
    expect(cleanName('  "Isosceles   triangle."  ')).toEqual({ ok: true, name: 'Isosceles triangle' });
    expect(cleanName(' ... ')).toEqual({ ok: false, reason: 'empty-name' });
    expect(cleanName('x'.repeat(201))).toEqual({ ok: false, reason: 'name-too-long' });
    expect(cleanName('tab\there')).toEqual({ ok: false, reason: 'control-characters' });
    expect(cleanName('x'.repeat(200))).toEqual({ ok: true, name: 'x'.repeat(200) });
  });

  it('gives spelling variants one key: case, punctuation, plurals, a leading article', () => {
    expect(nameKey('The Isosceles Triangles')).toBe(nameKey('isosceles-triangle'));
    expect(nameKey('Properties of vertices')).toBe(nameKey('property of vertex'));
    expect(nameKey('Statistics')).toBe('statistics');
    expect(nameKey('等腰三角形')).toBe('等腰三角形');
    expect(nameKey('Circle')).not.toBe(nameKey('Circles and arcs'));
  });
});
