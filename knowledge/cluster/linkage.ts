/**
 * Average linkage (UPGMA) by the nearest-neighbour chain algorithm over a full Float32 distance matrix:
 * O(n²) time and memory, where ml-hclust's agnes is O(n³) (25 s at 2,000 points, hours at 25,000).
 * It yields the same merges as agnes (tests/knowledge/linkage.test.ts) because average linkage is
 * reducible: merging a reciprocal nearest pair never makes another cluster closer.
 */

/** One merge of two clusters, each named by any of its original points; `height` is their distance. */
export interface Merge {
  a: number;
  b: number;
  height: number;
}

/** Cosine distances (1 − dot) of L2-normalised row vectors packed in `vectors` (n rows of `dim`). */
export function cosineDistanceMatrix(vectors: Float32Array, n: number, dim: number): Float32Array {
  if (n * n > 2 ** 32 - 1) throw new RangeError(`a full distance matrix of ${n} points does not fit in one array`);
  const d = new Float32Array(n * n);
  const put = (i: number, j: number, dot: number) => {
    const v = dot >= 1 ? 0 : 1 - dot;
    d[i * n + j] = v;
    d[j * n + i] = v;
  };
  let i = 0;
  // Four rows at a time: each vector j is read once per four dot products.
  for (; i + 4 <= n; i += 4) {
    const a0 = i * dim;
    const a1 = a0 + dim;
    const a2 = a1 + dim;
    const a3 = a2 + dim;
    for (let j = i; j < n; j++) {
      const b = j * dim;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < dim; k++) {
        const x = vectors[b + k]!;
        s0 += vectors[a0 + k]! * x;
        s1 += vectors[a1 + k]! * x;
        s2 += vectors[a2 + k]! * x;
        s3 += vectors[a3 + k]! * x;
      }
      put(i, j, s0);
      put(i + 1, j, s1);
      put(i + 2, j, s2);
      put(i + 3, j, s3);
    }
  }
  for (; i < n; i++) {
    const a = i * dim;
    for (let j = i; j < n; j++) {
      const b = j * dim;
      let s = 0;
      for (let k = 0; k < dim; k++) s += vectors[a + k]! * vectors[b + k]!;
      put(i, j, s);
    }
  }
  for (let k = 0; k < n; k++) d[k * n + k] = 0;
  return d;
}

/**
 * Average-linkage merges of n points from their symmetric distance matrix (overwritten: rows of merged
 * clusters are reused). Returned in order of height, children before parents, like agnes builds them.
 */
export function averageLinkage(dist: Float32Array, n: number): Merge[] {
  if (dist.length !== n * n) throw new RangeError(`expected a ${n}×${n} distance matrix, got ${dist.length} values`);
  const size = new Float64Array(n).fill(1);
  const active = new Int32Array(n);
  const where = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    active[k] = k;
    where[k] = k;
  }
  let nActive = n;
  const chain = new Int32Array(n);
  let chainLen = 0;
  const merges: Merge[] = [];
  while (nActive > 1) {
    if (chainLen === 0) chain[chainLen++] = active[0]!;
    const a = chain[chainLen - 1]!;
    const prev = chainLen > 1 ? chain[chainLen - 2]! : -1;
    const row = a * n;
    // Ties go to the previous chain element, which is what makes the chain terminate.
    let b = prev;
    let best = prev >= 0 ? dist[row + prev]! : Infinity;
    for (let t = 0; t < nActive; t++) {
      const j = active[t]!;
      if (j === a) continue;
      const v = dist[row + j]!;
      if (v < best) {
        best = v;
        b = j;
      }
    }
    if (b !== prev) {
      chain[chainLen++] = b;
      continue;
    }
    chainLen -= 2;
    merges.push({ a, b, height: best });
    // The merged cluster lives on in slot `keep`; `gone` leaves the active set.
    const keep = Math.min(a, b);
    const gone = Math.max(a, b);
    const nk = size[keep]!;
    const ng = size[gone]!;
    const wk = nk / (nk + ng);
    const wg = ng / (nk + ng);
    const rk = keep * n;
    const rg = gone * n;
    for (let t = 0; t < nActive; t++) {
      const j = active[t]!;
      if (j === keep || j === gone) continue;
      const v = wk * dist[rk + j]! + wg * dist[rg + j]!;
      dist[rk + j] = v;
      dist[j * n + keep] = v;
    }
    size[keep] = nk + ng;
    const hole = where[gone]!;
    const last = active[nActive - 1]!;
    active[hole] = last;
    where[last] = hole;
    nActive--;
  }
  // Stable: a child found before its parent stays before it when their heights are equal.
  return merges.map((m, i) => ({ m, i })).sort((x, y) => x.m.height - y.m.height || x.i - y.i).map((x) => x.m);
}
