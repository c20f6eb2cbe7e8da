/** Exact top-k cosine search over L2-normalised vectors packed in one Float32Array. */

export interface Hit {
  index: number;
  sim: number;
}

const BLOCK = 8;

function insertHit(hits: Hit[], k: number, index: number, sim: number): void {
  if (hits.length === k && sim <= hits[k - 1]!.sim) return;
  let at = hits.length;
  while (at > 0 && hits[at - 1]!.sim < sim) at--;
  hits.splice(at, 0, { index, sim });
  if (hits.length > k) hits.pop();
}

/**
 * The k most similar rows of `matrix` (n rows of `dim`) for each query, best first; ties keep the lower
 * row index. Queries go eight at a time so each row is read once per eight dot products.
 */
export function topK(matrix: Float32Array, n: number, dim: number, queries: readonly Float32Array[], k: number): Hit[][] {
  const out: Hit[][] = queries.map(() => []);
  if (n === 0 || k <= 0) return out;
  const q = new Float32Array(BLOCK * dim);
  const sims = new Float64Array(BLOCK);
  for (let start = 0; start < queries.length; start += BLOCK) {
    const count = Math.min(BLOCK, queries.length - start);
    q.fill(0);
    for (let b = 0; b < count; b++) q.set(queries[start + b]!, b * dim);
    for (let i = 0; i < n; i++) {
      const o = i * dim;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let t = 0; t < dim; t++) {
        const m = matrix[o + t]!;
        s0 += m * q[t]!;
        s1 += m * q[dim + t]!;
        s2 += m * q[2 * dim + t]!;
        s3 += m * q[3 * dim + t]!;
        s4 += m * q[4 * dim + t]!;
        s5 += m * q[5 * dim + t]!;
        s6 += m * q[6 * dim + t]!;
        s7 += m * q[7 * dim + t]!;
      }
      sims[0] = s0; sims[1] = s1; sims[2] = s2; sims[3] = s3; sims[4] = s4; sims[5] = s5; sims[6] = s6; sims[7] = s7;
      for (let b = 0; b < count; b++) insertHit(out[start + b]!, k, i, sims[b]!);
    }
  }
  return out;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
