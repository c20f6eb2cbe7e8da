import { agnes, type Cluster } from 'ml-hclust';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/offline/rng.js';
import { cutAt, fromMerges, partitions, splitToSize } from '../../knowledge/cluster/dendrogram.js';
import { averageLinkage, cosineDistanceMatrix } from '../../knowledge/cluster/linkage.js';
import { AGNES_MAX_POINTS, averageLinkageTree, packVectors } from '../../knowledge/cluster/tree.js';

function expectSameTree(a: Cluster, b: Cluster): void {
  const pa = partitions(a);
  const pb = partitions(b);
  expect([...pb.keys()].sort()).toEqual([...pa.keys()].sort());
  for (const [k, h] of pa) expect(Math.abs(pb.get(k)! - h)).toBeLessThan(1e-5);
}

function randomUnitVectors(seed: string, n: number, dim: number): Float32Array[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const v = Float32Array.from({ length: dim }, () => rng.float(-1, 1));
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

describe('nearest-neighbour-chain average linkage', () => {
  it('builds the same tree as ml-hclust agnes (same partitions, heights within 1e-5) on random inputs', () => {
    for (const [seed, n, dim] of [['a', 12, 3], ['b', 40, 8], ['c', 90, 16], ['d', 140, 5]] as const) {
      const rng = createRng(seed);
      const pts = Array.from({ length: n }, () => Array.from({ length: dim }, () => rng.next()));
      const dist = new Float32Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dist[i * n + j] = Math.hypot(...pts[i]!.map((x, k) => x - pts[j]![k]!));
      const rows = Array.from({ length: n }, (_, i) => Array.from(dist.subarray(i * n, (i + 1) * n)));
      const reference = agnes(rows, { method: 'average', isDistanceMatrix: true });
      const ours = fromMerges(averageLinkage(dist.slice(), n), n);
      expect(ours.size).toBe(n);
      expectSameTree(reference, ours);
    }
  });

  it('matches agnes under cosine distance too, and averageLinkageTree switches to it above the agnes bound', () => {
    const vecs = randomUnitVectors('cos', 60, 24);
    const dist = cosineDistanceMatrix(packVectors(vecs, 24), 60, 24);
    const rows = Array.from({ length: 60 }, (_, i) => Array.from(dist.subarray(i * 60, (i + 1) * 60)));
    expectSameTree(agnes(rows, { method: 'average', isDistanceMatrix: true }), fromMerges(averageLinkage(dist, 60), 60));

    const big = randomUnitVectors('big', AGNES_MAX_POINTS + 30, 8);
    const n = big.length;
    const bigDist = cosineDistanceMatrix(packVectors(big, 8), n, 8);
    const bigRows = Array.from({ length: n }, (_, i) => Array.from(bigDist.subarray(i * n, (i + 1) * n)));
    expectSameTree(agnes(bigRows, { method: 'average', isDistanceMatrix: true }), averageLinkageTree(big));
  });

  it('cuts and splits dendrograms into groups that cover every point once', () => {
    const vecs = randomUnitVectors('cut', 50, 6);
    const tree = averageLinkageTree(vecs);
    for (const groups of [cutAt(tree, 0.2), cutAt(tree, 0.6), splitToSize(tree, 7)]) {
      expect(groups.flat().sort((a, b) => a - b)).toEqual(vecs.map((_, i) => i));
    }
    expect(splitToSize(tree, 7).every((g) => g.length <= 7)).toBe(true);
    expect(cutAt(tree, 10)).toHaveLength(1);
    expect(cutAt(tree, -1)).toHaveLength(50);
  });
});
