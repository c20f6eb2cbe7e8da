import { cutAt } from '../cluster/dendrogram.js';
import { averageLinkageTree } from '../cluster/tree.js';
import { dot } from '../vector-index.js';
import { isDraft, type Drafts, type DraftNode, type Parent } from './drafts.js';
import type { KnowledgeTree } from './tree.js';
import type { VectorMemo } from './vectors.js';

/**
 * Merges near-duplicate new nodes, parents before children: a new node at least `threshold` similar to
 * an existing sibling joins it; the remaining new siblings are clustered (average linkage, cut at
 * 1 − threshold) and each cluster keeps its best-supported member. Returns how many drafts were merged.
 */
export async function mergeNearDuplicates(drafts: Drafts, tree: KnowledgeTree, vectors: VectorMemo, threshold: number): Promise<number> {
  let merged = 0;
  const queue: Parent[] = drafts.parents().sort((a, b) => drafts.levelOf(a) - drafts.levelOf(b));
  const queued = new Set<Parent>(queue);
  for (let qi = 0; qi < queue.length; qi++) {
    const parent = queue[qi]!;
    queued.delete(parent);
    const kids = [...drafts.kidsOf(parent).values()].sort((a, b) => (a.key < b.key ? -1 : 1));
    if (kids.length === 0) continue;
    const stored = isDraft(parent) ? [] : tree.children(parent);
    const [kidVecs, storedVecs] = await Promise.all([vectors.get(kids.map((k) => k.name)), vectors.get(stored.map((s) => s.name))]);
    const remaining: { node: DraftNode; vec: Float32Array }[] = [];
    for (const [i, kid] of kids.entries()) {
      let best = -1;
      let bestSim = threshold;
      for (const [j, v] of storedVecs.entries()) {
        const sim = dot(kidVecs[i]!, v);
        if (sim >= bestSim && (best < 0 || sim > bestSim)) {
          best = j;
          bestSim = sim;
        }
      }
      if (best >= 0) {
        const into = stored[best]!;
        drafts.merge(kid, into);
        merged++;
        if (drafts.kidsOf(into).size > 0 && !queued.has(into)) {
          queue.push(into);
          queued.add(into);
        }
      } else remaining.push({ node: kid, vec: kidVecs[i]! });
    }
    if (remaining.length > 1) {
      const groups = cutAt(averageLinkageTree(remaining.map((r) => r.vec)), 1 - threshold);
      for (const g of groups) {
        if (g.length < 2) continue;
        const members = g.map((i) => remaining[i]!.node);
        const keep = [...members].sort((a, b) => b.support - a.support || (a.key < b.key ? -1 : 1))[0]!;
        for (const m of members) {
          if (m === keep) continue;
          drafts.merge(m, keep);
          merged++;
        }
      }
    }
    for (const kid of drafts.kidsOf(parent).values()) {
      if (kid.kids.size > 0 && !queued.has(kid)) {
        queue.push(kid);
        queued.add(kid);
      }
    }
  }
  return merged;
}
