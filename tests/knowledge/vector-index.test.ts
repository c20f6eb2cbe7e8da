import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../knowledge/index.js';
import { packVectors } from '../../knowledge/cluster/tree.js';
import { EXACT_MAX_ROWS, nearest, topK } from '../../knowledge/vector-index.js';
import { createRng } from '../../src/offline/rng.js';
import { REPO_ROOT } from '../support/cli.js';

describe('vector search', () => {
  it('topK returns the k best rows in order, ties to the lower row', () => {
    const rows = [[1, 0], [0, 1], [0.6, 0.8], [1, 0], [-1, 0]].map((r) => Float32Array.from(r));
    const hits = topK(packVectors(rows, 2), rows.length, 2, [Float32Array.from([1, 0]), Float32Array.from([0, 1])], 3);
    expect(hits[0]!.map((h) => h.index)).toEqual([0, 3, 2]);
    expect(hits[1]!.map((h) => [h.index, Number(h.sim.toFixed(2))])).toEqual([[1, 1], [2, 0.8], [0, 0]]);
  });

  it('nearest on a large matrix finds (almost always) the exact top 5 through its folded shortlist', async () => {
    const names = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/wemath2-names.json'), 'utf8')) as { kp_en: string; principle_en: string }[]).flatMap((r) => [r.kp_en, r.principle_en]);
    const rng = createRng('nearest');
    const qualifiers = ['in coordinates', 'on a grid', 'by symmetry', 'with vectors', 'as a ratio'];
    const texts = Array.from({ length: EXACT_MAX_ROWS + 1000 }, (_, i) => `${names[i % names.length]} ${rng.pick(qualifiers)} ${Math.floor(i / names.length)}`);
    const embedder = createOfflineEmbedder({ embeddingDim: 256 });
    const matrix = packVectors(await embedder.embed(texts), 256);
    const queries = await embedder.embed(Array.from({ length: 40 }, () => `${rng.pick(names)} ${rng.pick(qualifiers)}`));
    const exact = topK(matrix, texts.length, 256, queries, 5);
    const approx = nearest(matrix, texts.length, 256, queries, 5);
    let found = 0;
    exact.forEach((e, i) => {
      const got = new Set(approx[i]!.map((h) => h.index));
      found += e.filter((h) => got.has(h.index)).length;
    });
    expect(found / (5 * queries.length)).toBeGreaterThanOrEqual(0.95);
    expect(approx.every((list) => list.length === 5 && list.every((h, j) => j === 0 || h.sim <= list[j - 1]!.sim))).toBe(true);
  });
});
