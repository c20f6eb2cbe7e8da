import type { ClusterNamer } from '../contracts.js';
import type { KnowledgeSettings } from '../../src/config/sections/knowledge.js';
import { splitToSize } from '../cluster/dendrogram.js';
import { averageLinkageTree } from '../cluster/tree.js';
import { cleanName, nameKey } from '../normalise.js';
import { dot } from '../vector-index.js';
import { isDraft, type Drafts, type DraftNode, type Parent } from './drafts.js';
import type { KnowledgeTree } from './tree.js';
import type { VectorMemo } from './vectors.js';

export interface GroupingResult {
  intermediates: number;
  /** Names the namer could not give (it failed, or the name was invalid or taken): the central member's was used. */
  namerFallbacks: number;
  namerError?: string;
}

type Settings = Pick<KnowledgeSettings, 'maxChildren' | 'groupMinNew' | 'minGroupSize' | 'maxDepth'>;

/**
 * Keeps the tree balanced: when a parent would get more than `maxChildren` children and at least
 * `groupMinNew` of them are new leaves, those leaves are clustered (average linkage; the dendrogram is
 * split top-down until no group exceeds `maxChildren`) and each group of `minGroupSize` or more goes
 * under a new intermediate node, named by the namer from its members, most central first.
 */
export async function groupNewSiblings(drafts: Drafts, tree: KnowledgeTree, vectors: VectorMemo, namer: ClusterNamer, settings: Settings): Promise<GroupingResult> {
  const result: GroupingResult = { intermediates: 0, namerFallbacks: 0 };
  for (const parent of drafts.parents()) {
    if (parent === null || drafts.levelOf(parent) + 2 > settings.maxDepth) continue;
    const kids = [...drafts.kidsOf(parent).values()];
    const storedCount = isDraft(parent) ? 0 : parent.children.length;
    const leaves = kids.filter((k) => k.kids.size === 0 && !k.intermediate).sort((a, b) => (a.key < b.key ? -1 : 1));
    if (leaves.length < settings.groupMinNew || storedCount + kids.length <= settings.maxChildren) continue;
    const vecs = await vectors.get(leaves.map((l) => l.name));
    const groups = splitToSize(averageLinkageTree(vecs), settings.maxChildren).filter((g) => g.length >= settings.minGroupSize);
    // A single group holding every new leaf would only add a level without separating anything.
    if (groups.length === 1 && groups[0]!.length === leaves.length) continue;
    const taken = new Set([...(isDraft(parent) ? [] : tree.children(parent)).map((n) => nameKey(n.name)), ...drafts.kidsOf(parent).keys()]);
    for (const g of groups) {
      const members = byCentrality(g.map((i) => ({ node: leaves[i]!, vec: vecs[i]! })));
      for (const m of members) taken.delete(m.key);
      const name = await chooseName(namer, members, drafts.pathOf(parent as Exclude<Parent, null>), taken, result);
      taken.add(nameKey(name));
      drafts.group(parent, name, members);
      result.intermediates++;
    }
  }
  return result;
}

function byCentrality(members: { node: DraftNode; vec: Float32Array }[]): DraftNode[] {
  const score = members.map((m) => members.reduce((s, o) => s + dot(m.vec, o.vec), 0));
  return members
    .map((m, i) => ({ node: m.node, score: score[i]! }))
    .sort((a, b) => b.score - a.score || (a.node.key < b.node.key ? -1 : 1))
    .map((x) => x.node);
}

async function chooseName(namer: ClusterNamer, members: DraftNode[], parentPath: string[], taken: Set<string>, result: GroupingResult): Promise<string> {
  let proposed: string | undefined;
  try {
    const cleaned = cleanName(await namer.name(members.map((m) => m.name), parentPath));
    if (cleaned.ok && !taken.has(nameKey(cleaned.name))) proposed = cleaned.name;
  } catch (err) {
    result.namerError = (err as Error).message;
  }
  if (proposed !== undefined) return proposed;
  result.namerFallbacks++;
  const base = members[0]!.name;
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    if (!taken.has(nameKey(name))) return name;
  }
}
