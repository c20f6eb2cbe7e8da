import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSeeds, loadSeeds } from '../../seeds/load.js';
import { PlanItem } from '../../src/pipeline/payloads.js';
import { addCandidates, listCandidates, resolveCandidates } from '../../src/store/candidates.js';
import { listLeaves, listNodes, upsertPoints } from '../../src/store/knowledge.js';
import type { Db } from '../../src/store/db.js';
import { planRound } from '../../knowledge/index.js';
import { freshStore } from './support.js';

function tally(plan: PlanItem[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const item of plan) if (item.mode === 'knowledge') for (const p of item.points) n.set(p.id, (n.get(p.id) ?? 0) + 1);
  return n;
}
const mean = (ids: readonly string[], counts: Map<string, number>) => ids.reduce((s, id) => s + (counts.get(id) ?? 0), 0) / ids.length;

describe('planRound', () => {
  let store: ReturnType<typeof freshStore>;
  let db: Db;
  beforeEach(() => {
    store = freshStore();
    db = store.db;
    importSeeds(db, loadSeeds());
  });
  afterEach(() => store.cleanup());

  it('is reproducible from the seed and respects the budget, the tool share and the item shapes', () => {
    const opts = { round: 1, seed: 42, perRound: 60, toolDrivenShare: 0.25 };
    const plan = planRound(db, opts);
    expect(planRound(db, opts)).toEqual(plan);
    expect(planRound(db, { ...opts, seed: 43 })).not.toEqual(plan);
    expect(PlanItem.array().parse(plan)).toEqual(plan);
    expect(plan).toHaveLength(60);

    const tools = plan.filter((i) => i.mode === 'tool');
    expect(tools).toHaveLength(15);
    for (const item of tools) {
      expect(item.tools.length).toBeGreaterThanOrEqual(1);
      expect(item.tools.length).toBeLessThanOrEqual(3);
      expect(new Set(item.tools.map((x) => x.id)).size).toBe(item.tools.length);
    }

    const leaves = new Map(listLeaves(db).map((n) => [n.id, n]));
    const knowledge = plan.filter((i) => i.mode === 'knowledge');
    const combos = knowledge.filter((i) => i.points.length > 1);
    expect(combos.length).toBeGreaterThan(0);
    expect(combos.length).toBeLessThan(knowledge.length);
    for (const item of knowledge) {
      expect(item.points.length).toBeLessThanOrEqual(3);
      const nodes = item.points.map((p) => leaves.get(p.id)!);
      expect(nodes.every((n) => n !== undefined && n.level > 1)).toBe(true);
      expect(item.points.map((p) => p.path)).toEqual(nodes.map((n) => n.path));
      // Related (one domain) but distinct branches (no two under one parent).
      expect(new Set(nodes.map((n) => n.domain)).size).toBe(1);
      expect(new Set(nodes.map((n) => n.parentId)).size).toBe(nodes.length);
    }
  });

  it('favours points with few accepted samples and points added recently', () => {
    const leaves = listLeaves(db);
    const saturated = leaves.filter((_, i) => i % 2 === 0).map((n) => n.id);
    const fresh = leaves.filter((_, i) => i % 2 === 1).map((n) => n.id);
    // Nine accepted samples for every other leaf, recorded the way evolve records them.
    addCandidates(db, saturated.flatMap((id) => Array.from({ length: 9 }, (_, s) => ({ round: 1, kind: 'knowledge' as const, name: id, sampleId: `${id}-${s}` }))));
    const byName = new Map(listCandidates(db).map((c) => [c.id, c.name]));
    resolveCandidates(db, [...byName].map(([id, nodeId]) => ({ id, status: 'merged', nodeId, reason: null, note: null })));

    const opts = { round: 2, seed: 7, perRound: 3000, toolDrivenShare: 0, settings: { compositionalShare: 0 } };
    const counts = tally(planRound(db, opts));
    expect(mean(fresh, counts)).toBeGreaterThan(4 * mean(saturated, counts));

    upsertPoints(db, [
      { path: ['Plane Geometry', 'Circles', 'Tangents', 'Recent point A'], source: 'generated', roundAdded: 2 },
      { path: ['Plane Geometry', 'Circles', 'Tangents', 'Recent point B'], source: 'generated', roundAdded: 2 },
    ]);
    const recent = listNodes(db).filter((n) => n.roundAdded === 2).map((n) => n.id);
    const boosted = tally(planRound(db, { ...opts, round: 3, settings: { compositionalShare: 0, recentBoost: 3, recentRounds: 2 } }));
    const later = tally(planRound(db, { ...opts, round: 9, settings: { compositionalShare: 0, recentBoost: 3, recentRounds: 2 } }));
    expect(mean(recent, boosted)).toBeGreaterThan(2 * mean(fresh, boosted));
    expect(mean(recent, later)).toBeLessThan(1.5 * mean(fresh, later));
  });

  it('plans from tools alone when there is no knowledge, and refuses an empty system', () => {
    db.exec('DELETE FROM knowledge_nodes');
    const plan = planRound(db, { round: 1, seed: 1, perRound: 5, toolDrivenShare: 0.2 });
    expect(plan.map((i) => i.mode)).toEqual(['tool', 'tool', 'tool', 'tool', 'tool']);
    db.exec('DELETE FROM tools');
    expect(() => planRound(db, { round: 1, seed: 1, perRound: 5, toolDrivenShare: 0.2 })).toThrow(/knowledge system is empty/);
  });
});
