import type { ClusterNamer } from '../contracts.js';
import type { KnowledgeSettings } from '../../src/config/sections/knowledge.js';
import type { CandidateResolution } from '../../src/store/candidates.js';
import { nodeId, type PointInput } from '../../src/store/knowledge.js';
import { Drafts, isDraft, type DraftNode, type Target } from './drafts.js';
import { groupNewSiblings } from './group.js';
import { placeBySimilarity } from './place.js';
import { resolvePath, type Repair } from './resolve.js';
import { mergeNearDuplicates } from './siblings.js';
import type { KnowledgeTree } from './tree.js';
import type { VectorMemo } from './vectors.js';

export interface KnowledgeCandidate {
  id: number;
  segments: string[];
  description?: string;
}

export interface KnowledgeStep {
  resolutions: CandidateResolution[];
  /** New nodes parent-first, then stored nodes that gained aliases (upsertPoints merges those). */
  points: PointInput[];
  repairs: { candidate: number; repairs: Repair[] }[];
  rejected: { candidate: number; code: string; detail: string }[];
  added: number;
  newPoints: number;
  newIntermediate: number;
  newDomains: string[];
  merged: number;
  namerFallbacks: number;
  namerError?: string;
  newPointIds: { id: string; path: string[] }[];
}

const show = (path: readonly string[]) => path.join(' > ');

/**
 * Decides, in memory, where every knowledge candidate of the round goes: resolve its path by names,
 * place the unanchored ones by similarity, merge near-duplicates, group crowded new siblings. Nothing is
 * written here; the caller writes the result in the round's single transaction.
 */
export async function evolveKnowledge(
  tree: KnowledgeTree,
  candidates: readonly KnowledgeCandidate[],
  vectors: VectorMemo,
  namer: ClusterNamer,
  settings: KnowledgeSettings,
  round: number,
): Promise<KnowledgeStep> {
  const drafts = new Drafts(tree, settings.maxDepth);
  const targets = new Map<number, Target>();
  const notes = new Map<number, string[]>();
  const step: KnowledgeStep = { resolutions: [], points: [], repairs: [], rejected: [], added: 0, newPoints: 0, newIntermediate: 0, newDomains: [], merged: 0, namerFallbacks: 0, newPointIds: [] };
  const note = (id: number, text: string) => notes.set(id, [...(notes.get(id) ?? []), text]);
  const repaired = (id: number, repairs: Repair[]) => {
    if (repairs.length === 0) return;
    step.repairs.push({ candidate: id, repairs });
    for (const r of repairs) note(id, `${r.code}: ${r.detail}`);
  };
  const addChain = (c: KnowledgeCandidate, parent: Parameters<Drafts['addChain']>[0], segments: readonly string[], earlier: Repair[]) => {
    const { target, repairs } = drafts.addChain(parent, segments, c.description);
    targets.set(c.id, target);
    repaired(c.id, [...earlier, ...repairs]);
  };

  const unanchored: { c: KnowledgeCandidate; repairs: Repair[] }[] = [];
  for (const c of candidates) {
    const r = resolvePath(tree, c.segments);
    if (r.kind === 'existing') {
      targets.set(c.id, r.node);
      repaired(c.id, r.repairs);
    } else if (r.kind === 'new') addChain(c, r.parent, r.segments, r.repairs);
    else unanchored.push({ c, repairs: r.repairs });
  }

  if (unanchored.length && tree.nodes.length === 0) {
    for (const u of unanchored) {
      if (u.c.segments.length > 1) addChain(u.c, null, u.c.segments, u.repairs);
      else step.rejected.push({ candidate: u.c.id, code: 'nowhere-to-attach', detail: 'the tree is empty, and a bare name has no domain' });
    }
  } else if (unanchored.length) {
    const placements = await placeBySimilarity(tree, vectors, unanchored.map((u) => u.c.segments.join(' ')), settings.neighbours);
    for (const [i, u] of unanchored.entries()) {
      const p = placements[i]!;
      const segs = u.c.segments;
      const sim = p.sim.toFixed(2);
      if (segs.length === 1 && p.sim >= settings.mergeThreshold) {
        targets.set(u.c.id, p.nearest);
        note(u.c.id, `same as "${show(p.nearest.path)}" by similarity (${sim})`);
      } else if (segs.length === 1) {
        addChain(u.c, p.parent, segs, u.repairs);
        note(u.c.id, `placed under "${show(p.parent.path)}" by similarity (nearest ${sim})`);
      } else if (p.sim < settings.newDomainSimilarity) {
        addChain(u.c, null, segs, u.repairs);
        note(u.c.id, `new domain "${segs[0]}": nothing in the tree is similar (nearest ${sim})`);
      } else {
        addChain(u.c, p.parent, segs.slice(-1), [
          ...u.repairs,
          { code: 'placed-by-similarity', detail: `no segment of the path is in the tree; placed under "${show(p.parent.path)}" (nearest ${sim}), dropping "${show(segs.slice(0, -1))}"` },
        ]);
      }
    }
  }

  await mergeNearDuplicates(drafts, tree, vectors, settings.mergeThreshold);
  const grouping = await groupNewSiblings(drafts, tree, vectors, namer, settings);
  step.namerFallbacks = grouping.namerFallbacks;
  if (grouping.namerError !== undefined) step.namerError = grouping.namerError;

  const ids = new Map<DraftNode, string>();
  for (const d of drafts.live()) {
    const path = drafts.pathOf(d);
    const id = nodeId(path);
    ids.set(d, id);
    step.points.push({ path, aliases: [...d.aliases], source: 'generated', roundAdded: round, ...(d.description ? { description: d.description } : {}) });
    step.added++;
    if (d.intermediate) step.newIntermediate++;
    else if (d.kids.size === 0) {
      step.newPoints++;
      step.newPointIds.push({ id, path });
    }
    if (d.parent === null) step.newDomains.push(d.name);
  }
  for (const [node, aliases] of drafts.storedAliases) step.points.push({ path: node.path, aliases: [...aliases], source: 'generated', roundAdded: round });

  const first = new Set<DraftNode>();
  for (const c of [...candidates].sort((a, b) => a.id - b.id)) {
    const initial = targets.get(c.id);
    if (!initial) continue;
    const final = drafts.final(initial);
    const fresh = isDraft(final) && !first.has(final);
    if (isDraft(final)) first.add(final);
    if (!fresh) step.merged++;
    if (final !== initial) note(c.id, `merged with "${show(drafts.pathOf(final))}" (near-duplicate name)`);
    else if (!isDraft(final)) note(c.id, `already in the tree as "${show(final.path)}"`);
    step.resolutions.push({
      id: c.id,
      status: fresh ? 'added' : 'merged',
      nodeId: isDraft(final) ? ids.get(final)! : final.id,
      reason: null,
      note: notes.get(c.id)?.join('; ') ?? null,
    });
  }
  return step;
}
