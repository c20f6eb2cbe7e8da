import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSeeds, loadSeeds } from '../../seeds/load.js';
import { addCandidates, listCandidates, type CandidateInput } from '../../src/store/candidates.js';
import { getGrowthReport, listGrowthReports } from '../../src/store/growth.js';
import { childrenOf, countNodes, getNode, getNodeByPath, listNodes, upsertPoints } from '../../src/store/knowledge.js';
import { getTool, listTools } from '../../src/store/tools.js';
import type { Db } from '../../src/store/db.js';
import { growthReportFile, writeKnowledgeViews } from '../../knowledge/index.js';
import { readJsonl } from '../../src/store/jsonl.js';
import path from 'node:path';
import { evolveOffline, freshStore, storeSnapshot, treeProblems } from './support.js';

const k = (round: number, sampleId: string, path: string[]): CandidateInput => ({ round, kind: 'knowledge', name: path.at(-1) ?? '', path, sampleId });
const t = (round: number, sampleId: string, name: string, description?: string): CandidateInput => ({ round, kind: 'tool', name, sampleId, ...(description ? { description } : {}) });
const TRI = ['Plane Geometry', 'Triangles', 'Angles in Triangles'];

describe('evolve', () => {
  let store: ReturnType<typeof freshStore>;
  let db: Db;
  beforeEach(() => {
    store = freshStore();
    db = store.db;
    importSeeds(db, loadSeeds());
  });
  afterEach(() => store.cleanup());

  it('grows the tree and the tool set over two rounds, merging duplicates and keeping provenance', async () => {
    const before = countNodes(db).total;
    addCandidates(db, [
      k(1, 's1', [...TRI, 'Triangle angle sum']),
      k(1, 's1', [...TRI, 'Exterior angle bisector theorem']),
      k(1, 's2', [...TRI, 'exterior angle bisector theorems']),
      k(1, 's3', [...TRI, 'Angle sum of a triangle with a parallel line']),
      k(1, 's4', ['Plane Geometry', 'Circles', 'Tangents', 'Common tangent of two circles', 'Length of the common external tangent']),
      k(1, 's5', ['Music Theory', 'Rhythm', 'Time signatures']),
      t(1, 's1', 'construct perpendicular line'),
      t(1, 's2', 'drop perpendicular'),
      t(1, 's3', 'shade the overlapping region', 'Shade where the two circles overlap.'),
      t(1, 's4', 'shade overlapping regions'),
    ]);
    const r1 = await evolveOffline(db, 1);
    expect(treeProblems(db)).toEqual([]);
    expect(listCandidates(db, { round: 1 }).filter((c) => c.status === 'pending')).toEqual([]);

    expect(r1.candidates).toMatchObject({ total: 10, knowledge: 6, tools: 4, rejected: 0 });
    expect(r1.knowledge.before.total).toBe(before);
    expect(r1.knowledge.after.total).toBe(countNodes(db).total);
    expect(r1.knowledge.after.total).toBeGreaterThan(before);
    expect(r1.knowledge.after.maxLevel).toBeLessThanOrEqual(7);
    expect(r1.knowledge.newDomains).toEqual(['Music Theory']);
    const bisector = getNodeByPath(db, [...TRI, 'Exterior angle bisector theorem'])!;
    expect(bisector).toMatchObject({ source: 'generated', roundAdded: 1, level: 4, domain: 'Plane Geometry' });
    const provenance = listCandidates(db, { nodeId: bisector.id });
    expect(provenance.map((c) => [c.sampleId, c.status])).toEqual([['s1', 'added'], ['s2', 'merged']]);
    expect(getNodeByPath(db, ['Plane Geometry', 'Circles', 'Tangents', 'Common tangent of two circles', 'Length of the common external tangent'])?.level).toBe(5);
    // Merged: the re-proposed seed point, the plural duplicate, two tools that exist, one tool variant.
    expect(r1.knowledge.merged).toBe(2);
    expect(r1.tools).toMatchObject({ added: 1, merged: 3, before: 37, after: 38 });
    // Equal support: the name whose key sorts first leads; the variant becomes an alias.
    const shade = getTool(db, 't_shade-overlapping-regions')!;
    expect(shade).toMatchObject({ source: 'generated', roundAdded: 1, aliases: ['shade the overlapping region'], description: 'Shade where the two circles overlap.' });
    expect(r1.candidates.mergeRate).toBeCloseTo(r1.candidates.merged / (r1.candidates.added + r1.candidates.merged), 10);
    expect(r1.candidates.merged).toBe(5);
    expect(r1.acceptedSamples.round).toEqual({ 'Music Theory': 1, 'Plane Geometry': 4 });
    expect(r1.coverage.covered).toBe(5);

    expect(JSON.parse(fs.readFileSync(growthReportFile(store.dir, 1), 'utf8'))).toEqual(r1);
    expect(getGrowthReport(db, 1)).toEqual(r1);

    addCandidates(db, [
      k(2, 's6', [...TRI, 'Exterior angle bisector theorem']),
      k(2, 's7', ['Music Theory', 'Rhythm', 'Syncopation']),
      k(2, 's8', ['Music Theory', 'Harmony', 'Chord inversions']),
      k(2, 's9', ['Solid Geometry', 'Polyhedra', 'Prisms and Pyramids', 'Frustum volume']),
      t(2, 's6', 'shade overlapping region'),
    ]);
    const r2 = await evolveOffline(db, 2);
    expect(treeProblems(db)).toEqual([]);
    expect(r2.knowledge.before).toEqual(r1.knowledge.after);
    expect(r2.knowledge.after.total).toBe(r1.knowledge.after.total + 4);
    expect(r2.knowledge.newPoints).toBe(3);
    expect(r2.knowledge.merged).toBe(1);
    expect(r2.tools).toMatchObject({ added: 0, merged: 1, after: 38 });
    expect(r2.acceptedSamples.total['Music Theory']).toBe(3);
    expect(r2.coverage.covered).toBe(r1.coverage.covered + 3);
    expect(listCandidates(db, { nodeId: bisector.id }).map((c) => c.round)).toEqual([1, 1, 2]);
    expect(listGrowthReports(db).map((r) => r.round)).toEqual([1, 2]);

    expect(writeKnowledgeViews(db, store.dir)).toEqual({ knowledge: r2.knowledge.after.total, tools: 38 });
    const views = readJsonl<{ id: string; path: string[]; acceptedSamples: number }>(path.join(store.dir, 'knowledge.jsonl'));
    expect(views.find((v) => v.id === bisector.id)).toMatchObject({ path: bisector.path, acceptedSamples: 3 });
    expect(readJsonl<Record<string, unknown>>(path.join(store.dir, 'tools.jsonl')).every((x) => typeof x.name === 'string' && !('embedding' in x))).toBe(true);
  });

  it('merges a name given in another language into the node that has it as an alias', async () => {
    upsertPoints(db, [{ path: ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Triangle angle sum'], aliases: ['三角形内角和'], source: 'seed', roundAdded: 0 }]);
    addCandidates(db, [k(1, 'cn1', ['平面几何', '三角形内角和']), k(1, 'cn2', ['三角形内角和'])]);
    const r = await evolveOffline(db, 1);
    const target = getNodeByPath(db, [...TRI, 'Triangle angle sum'])!;
    expect(listCandidates(db, { round: 1 }).map((c) => [c.status, c.nodeId])).toEqual([['merged', target.id], ['merged', target.id]]);
    expect(r.knowledge.added).toBe(0);
  });

  it('rejects or repairs bad candidates with a recorded reason and never corrupts the tree', async () => {
    const deep = ['Crafts', 'Paper', 'Origami', 'Folds', 'Valley folds', 'Squash folds', 'Petal folds', 'Crane base', 'Bird base'];
    addCandidates(db, [
      k(1, 'b1', ['Plane Geometry', '   ']),
      k(1, 'b2', ['Plane Geometry', 'x'.repeat(201)]),
      k(1, 'b3', ['Plane Geometry', 'Angles\u0000in\u0007triangles']),
      k(1, 'b4', ['Probability and Counting', 'Triangles', 'Obtuse triangle test']),
      k(1, 'b5', deep),
      k(1, 'b6', Array.from({ length: 25 }, (_, i) => `Level ${i}`)),
      t(1, 'b7', '\t'),
      t(1, 'b8', ''),
    ]);
    const r = await evolveOffline(db, 1);
    expect(treeProblems(db)).toEqual([]);
    const outcome = new Map(listCandidates(db, { round: 1 }).map((c) => [c.sampleId, c]));
    expect(outcome.get('b1')).toMatchObject({ status: 'rejected', nodeId: null, reason: expect.stringMatching(/^empty-name: segment 2/) });
    expect(outcome.get('b2')).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^name-too-long/) });
    expect(outcome.get('b3')).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^control-characters/) });
    expect(outcome.get('b6')).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^path-too-long/) });
    expect(outcome.get('b7')).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^control-characters/) });
    expect(outcome.get('b8')).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^empty-name/) });
    expect(r.rejected.byReason).toEqual({ 'empty-name': 2, 'name-too-long': 1, 'control-characters': 2, 'path-too-long': 1 });
    expect(r.candidates.rejected).toBe(6);

    const contradiction = outcome.get('b4')!;
    expect(contradiction.status).toBe('added');
    expect(contradiction.note).toMatch(/^path-contradicts-tree: /);
    expect(getNode(db, contradiction.nodeId!)!.path).toEqual(['Plane Geometry', 'Triangles', 'Obtuse triangle test']);

    const collapsed = getNode(db, outcome.get('b5')!.nodeId!)!;
    expect(collapsed.level).toBe(7);
    expect(collapsed.path).toEqual([...deep.slice(0, 6), 'Bird base']);
    expect(outcome.get('b5')!.note).toMatch(/collapsed-to-max-depth/);
    expect(r.repaired.byReason).toEqual({ 'path-contradicts-tree': 1, 'collapsed-to-max-depth': 1 });
    expect(r.candidates.repaired).toBe(2);
  });

  it('groups a crowd of new siblings under intermediate nodes named after their most central member', async () => {
    const parent = ['Plane Geometry', 'Circles', 'Tangents'];
    const names = [
      'Common external tangent of two circles',
      'Common internal tangent of two circles',
      'Number of common tangents of two circles',
      'Length of common external tangent',
      'Length of common internal tangent',
      'Two circles touching externally',
      'Tangent secant angle',
      'Tangent chord angle',
      'Secant secant angle outside a circle',
      'Power of a point with a secant',
      'Power of a point with a tangent',
      'Tangent secant length theorem',
    ];
    addCandidates(db, names.map((n, i) => k(1, `g${i}`, [...parent, n])));
    const r = await evolveOffline(db, 1, { maxChildren: 6, groupMinNew: 4, minGroupSize: 3 });
    expect(treeProblems(db)).toEqual([]);
    expect(r.knowledge.newIntermediate).toBeGreaterThan(0);
    expect(r.knowledge.newPoints).toBe(12);
    const tangents = getNodeByPath(db, parent)!;
    const groups = childrenOf(db, tangents.id).filter((c) => c.roundAdded === 1 && childrenOf(db, c.id).length > 0);
    expect(groups).toHaveLength(r.knowledge.newIntermediate);
    for (const g of groups) {
      const members = childrenOf(db, g.id);
      expect(members.length).toBeGreaterThanOrEqual(3);
      expect(members.length).toBeLessThanOrEqual(6);
      expect(members.map((m) => m.name)).toContain(g.name);
      expect(members.every((m) => m.level === 5)).toBe(true);
    }
    expect(childrenOf(db, tangents.id).length).toBeLessThan(3 + 12);
    expect(listNodes(db).filter((n) => n.roundAdded === 1 && n.level === 5)).toHaveLength(12 - (childrenOf(db, tangents.id).length - 3 - groups.length));
  });

  it('writes nothing when it fails midway: the tree, tools and candidates stay as they were', async () => {
    addCandidates(db, [k(1, 'f1', [...TRI, 'A new point']), k(1, 'f2', [...TRI, 'Explodes on insert']), t(1, 'f3', 'a brand new tool')]);
    db.exec(`CREATE TRIGGER fail_midway BEFORE INSERT ON knowledge_nodes WHEN NEW.name = 'Explodes on insert' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const before = storeSnapshot(db);
    await expect(evolveOffline(db, 1)).rejects.toThrow(/disk on fire/);
    expect(storeSnapshot(db)).toBe(before);
    expect(fs.existsSync(growthReportFile(store.dir, 1))).toBe(false);

    db.exec('DROP TRIGGER fail_midway');
    const r = await evolveOffline(db, 1);
    expect(r.knowledge.newPoints).toBe(2);
    expect(r.tools.added).toBe(1);
    expect(storeSnapshot(db)).not.toBe(before);
  });

  it('is idempotent: evolving a finished round again returns its report and changes nothing', async () => {
    addCandidates(db, [k(1, 'i1', [...TRI, 'Idempotent point'])]);
    const first = await evolveOffline(db, 1);
    const snapshot = storeSnapshot(db);
    fs.rmSync(growthReportFile(store.dir, 1));
    const again = await evolveOffline(db, 1);
    expect(again).toEqual(first);
    expect(storeSnapshot(db)).toBe(snapshot);
    expect(fs.existsSync(growthReportFile(store.dir, 1))).toBe(true);
    expect(listTools(db)).toHaveLength(37);
  });
});
