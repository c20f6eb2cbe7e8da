import { nearest } from '../vector-index.js';
import { packVectors } from '../cluster/tree.js';
import type { KnowledgeTree, TreeNode } from './tree.js';
import type { VectorMemo } from './vectors.js';

export interface Placement {
  /** The most similar node, and its similarity. */
  nearest: TreeNode;
  sim: number;
  /** Where a new node for the text goes: chosen by a similarity-weighted vote of the nearest nodes. */
  parent: TreeNode;
}

/** Vote weight: similarity cubed, so one very close neighbour outweighs several loose ones. */
const VOTE_POWER = 3;

/**
 * Places texts in the tree by embedding similarity. Each of the k nearest nodes votes for where a new
 * sibling of it would go: a leaf for its parent, an inner node for itself. `sim` is the best similarity.
 */
export async function placeBySimilarity(tree: KnowledgeTree, vectors: VectorMemo, texts: readonly string[], k: number): Promise<Placement[]> {
  if (texts.length === 0) return [];
  const nodes = tree.nodes;
  const [nodeVecs, queryVecs] = await Promise.all([vectors.get(nodes.map((n) => n.name)), vectors.get(texts)]);
  const dim = queryVecs[0]!.length;
  const hits = nearest(packVectors(nodeVecs, dim), nodes.length, dim, queryVecs, k);
  return hits.map((h) => {
    const best = h[0]!;
    const top = nodes[best.index]!;
    const votes = new Map<TreeNode, number>();
    for (const hit of h) {
      const n = nodes[hit.index]!;
      const target = n.children.length > 0 || !n.parent ? n : n.parent;
      votes.set(target, (votes.get(target) ?? 0) + Math.max(hit.sim, 0) ** VOTE_POWER);
    }
    let parent = top.children.length > 0 || !top.parent ? top : top.parent;
    let weight = -1;
    for (const [t, w] of votes) {
      if (w > weight || (w === weight && t.order < parent.order)) {
        parent = t;
        weight = w;
      }
    }
    return { nearest: top, sim: best.sim, parent };
  });
}
