import { Cluster } from 'ml-hclust';
import type { Merge } from './linkage.js';

/** A dendrogram of ml-hclust Cluster objects from height-ordered merges (union-find over the points). */
export function fromMerges(merges: readonly Merge[], n: number): Cluster {
  const parent = new Int32Array(n);
  const top: Cluster[] = [];
  for (let i = 0; i < n; i++) {
    parent[i] = i;
    const leaf = new Cluster();
    leaf.isLeaf = true;
    leaf.index = i;
    top.push(leaf);
  }
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const m of merges) {
    const ra = find(m.a);
    const rb = find(m.b);
    const c = new Cluster();
    c.children = [top[ra]!, top[rb]!];
    c.height = m.height;
    c.size = top[ra]!.size + top[rb]!.size;
    parent[rb] = ra;
    top[ra] = c;
  }
  return top[find(0)]!;
}

/** Indices of the points under a cluster, ascending. */
export function leafIndices(c: Cluster): number[] {
  const out: number[] = [];
  const stack = [c];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.isLeaf) out.push(x.index);
    else stack.push(...x.children);
  }
  return out.sort((p, q) => p - q);
}

/** Every inner node as "sorted leaf indices" → height: two trees are the same when these maps agree. */
export function partitions(root: Cluster): Map<string, number> {
  const out = new Map<string, number>();
  const stack = [root];
  while (stack.length) {
    const c = stack.pop()!;
    if (c.isLeaf) continue;
    out.set(leafIndices(c).join(','), c.height);
    stack.push(...c.children);
  }
  return out;
}

const byFirstLeaf = (groups: number[][]) => groups.sort((p, q) => p[0]! - q[0]!);

/** The groups of points joined at or below `threshold` (a flat cut of the dendrogram). */
export function cutAt(root: Cluster, threshold: number): number[][] {
  const groups: number[][] = [];
  const stack = [root];
  while (stack.length) {
    const c = stack.pop()!;
    if (c.isLeaf || c.height <= threshold) groups.push(leafIndices(c));
    else stack.push(...c.children);
  }
  return byFirstLeaf(groups);
}

/** Splits clusters top-down until every group has at most `maxSize` points. */
export function splitToSize(root: Cluster, maxSize: number): number[][] {
  const groups: number[][] = [];
  const stack = [root];
  while (stack.length) {
    const c = stack.pop()!;
    if (c.isLeaf || c.size <= maxSize) groups.push(leafIndices(c));
    else stack.push(...c.children);
  }
  return byFirstLeaf(groups);
}
