import { agnes, Cluster } from 'ml-hclust';
import { averageLinkage, cosineDistanceMatrix } from './linkage.js';
import { fromMerges } from './dendrogram.js';

/**
 * Up to this many points go to ml-hclust's agnes (about 30 ms here); larger groups use the O(n²)
 * nearest-neighbour chain, which builds the same tree. Every agnes call stays bounded by this.
 */
export const AGNES_MAX_POINTS = 200;

export function packVectors(vectors: readonly Float32Array[], dim: number): Float32Array {
  const packed = new Float32Array(vectors.length * dim);
  vectors.forEach((v, i) => packed.set(v, i * dim));
  return packed;
}

/** Average-linkage dendrogram of L2-normalised vectors under cosine distance. */
export function averageLinkageTree(vectors: readonly Float32Array[]): Cluster {
  const n = vectors.length;
  if (n === 0) throw new RangeError('cannot cluster zero points');
  const dim = vectors[0]!.length;
  const dist = cosineDistanceMatrix(packVectors(vectors, dim), n, dim);
  if (n <= AGNES_MAX_POINTS) {
    const rows = Array.from({ length: n }, (_, i) => Array.from(dist.subarray(i * n, (i + 1) * n)));
    return agnes(rows, { method: 'average', isDistanceMatrix: true });
  }
  return fromMerges(averageLinkage(dist, n), n);
}
