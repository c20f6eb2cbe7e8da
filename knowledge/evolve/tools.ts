import type { Tool } from '../../src/schemas/tool.js';
import type { CandidateResolution } from '../../src/store/candidates.js';
import { toolId, type ToolInput } from '../../src/store/tools.js';
import { cutAt } from '../cluster/dendrogram.js';
import { averageLinkageTree } from '../cluster/tree.js';
import { nameKey } from '../normalise.js';
import { dot } from '../vector-index.js';
import type { VectorMemo } from './vectors.js';

export interface ToolCandidate {
  id: number;
  name: string;
  description?: string;
}

export interface ToolStep {
  resolutions: CandidateResolution[];
  /** New tools, and existing tools with new aliases (upsertTools merges aliases of existing ones). */
  writes: ToolInput[];
  added: { id: string; name: string; aliases: string[] }[];
  merged: number;
}

const MAX_DESCRIPTION = 2000;

interface Proposal {
  key: string;
  names: string[];
  candidates: ToolCandidate[];
}

/**
 * Tools: exact matches (by name key, over names and aliases) merge first; the rest merge into an existing
 * tool at least `threshold` similar; what is left is consolidated as the paper does at the end, by average
 * linkage cut at distance 1 − threshold (0.3), each cluster becoming one tool named by its best-supported
 * member, with the others as aliases and the category of the nearest existing tool.
 */
export async function evolveTools(existing: readonly Tool[], candidates: readonly ToolCandidate[], vectors: VectorMemo, threshold: number, round: number): Promise<ToolStep> {
  const step: ToolStep = { resolutions: [], writes: [], added: [], merged: 0 };
  const byKey = new Map<string, Tool>();
  for (const t of existing) for (const n of [t.name, ...t.aliases]) if (!byKey.has(nameKey(n))) byKey.set(nameKey(n), t);
  const newAliases = new Map<Tool, Set<string>>();
  const mergeInto = (t: Tool, names: string[], cands: ToolCandidate[], note: string) => {
    let set = newAliases.get(t);
    if (!set) newAliases.set(t, (set = new Set()));
    const known = new Set([t.name, ...t.aliases].map(nameKey));
    for (const n of names) if (!known.has(nameKey(n))) set.add(n);
    for (const c of cands) step.resolutions.push({ id: c.id, status: 'merged', nodeId: t.id, reason: null, note });
    step.merged += cands.length;
  };

  const proposals = new Map<string, Proposal>();
  for (const c of candidates) {
    const key = nameKey(c.name);
    const known = byKey.get(key);
    if (known) {
      mergeInto(known, [c.name], [c], `same name as "${known.name}"`);
      continue;
    }
    const p = proposals.get(key) ?? { key, names: [], candidates: [] };
    if (!p.names.includes(c.name)) p.names.push(c.name);
    p.candidates.push(c);
    proposals.set(key, p);
  }
  const open = [...proposals.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  if (open.length === 0) return finish(step, newAliases);

  // An existing tool is as near as its name or any of its aliases.
  const known = existing.flatMap((t) => [t.name, ...t.aliases].map((text) => ({ tool: t, text })));
  const [openVecs, knownVecs] = await Promise.all([vectors.get(open.map((p) => p.names[0]!)), vectors.get(known.map((k) => k.text))]);
  const nearest = (v: Float32Array) => {
    let tool: Tool | undefined;
    let sim = -Infinity;
    knownVecs.forEach((kv, j) => {
      const s = dot(v, kv);
      if (s > sim) {
        sim = s;
        tool = known[j]!.tool;
      }
    });
    return { tool, sim };
  };
  const fresh: { p: Proposal; vec: Float32Array }[] = [];
  for (const [i, p] of open.entries()) {
    const near = nearest(openVecs[i]!);
    if (near.tool && near.sim >= threshold) mergeInto(near.tool, p.names, p.candidates, `similar to "${near.tool.name}" (${near.sim.toFixed(2)})`);
    else fresh.push({ p, vec: openVecs[i]! });
  }
  if (fresh.length === 0) return finish(step, newAliases);

  const groups = fresh.length === 1 ? [[0]] : cutAt(averageLinkageTree(fresh.map((f) => f.vec)), 1 - threshold);
  for (const g of groups) {
    const members = g.map((i) => fresh[i]!);
    const lead = [...members].sort((a, b) => b.p.candidates.length - a.p.candidates.length || (a.p.key < b.p.key ? -1 : 1))[0]!;
    const name = lead.p.names[0]!;
    const aliases = [...new Set(members.flatMap((m) => m.p.names).filter((n) => n !== name))];
    const cands = members.flatMap((m) => m.p.candidates).sort((a, b) => a.id - b.id);
    const description = cands.find((c) => c.description)?.description?.slice(0, MAX_DESCRIPTION) ?? `Visual tool "${name}", proposed by accepted samples of round ${round}.`;
    const category = nearest(lead.vec).tool?.category;
    const id = toolId(name);
    step.writes.push({ name, description, aliases, source: 'generated', roundAdded: round, ...(category ? { category } : {}) });
    step.added.push({ id, name, aliases });
    for (const [i, c] of cands.entries()) {
      step.resolutions.push({ id: c.id, status: i === 0 ? 'added' : 'merged', nodeId: id, reason: null, note: i === 0 ? null : `consolidated into new tool "${name}"` });
    }
    step.merged += cands.length - 1;
  }
  return finish(step, newAliases);
}

function finish(step: ToolStep, newAliases: Map<Tool, Set<string>>): ToolStep {
  for (const [t, set] of newAliases) {
    if (set.size) step.writes.push({ name: t.name, description: t.description, aliases: [...set], source: t.source, roundAdded: t.roundAdded });
  }
  return step;
}
