import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { childrenOf, countNodes, getNodeByPath, listLeaves, nodeId, upsertPoints, setNodeEmbeddings } from '../../src/store/knowledge.js';
import { addToolUses, countTools, listTools, toolId, upsertTools } from '../../src/store/tools.js';
import { checkerPassRates, countSamples, getSample, listSampleIds, saveSamples } from '../../src/store/samples.js';
import { ensureRound, getRound, setRoundReport, setRoundStatus } from '../../src/store/rounds.js';
import { failureSummary, listFailures, recordFailures } from '../../src/store/failures.js';
import { hasImage, imageRelPath, putImage, readImage } from '../../src/store/images.js';
import { readJsonl, writeJsonlAtomic } from '../../src/store/jsonl.js';
import type { Sample } from '../../src/schemas/sample.js';
import { tmpDir } from '../support/tmp.js';

function sample(id: string, over: Partial<Sample> = {}): Sample {
  return {
    id,
    round: 1,
    parentId: null,
    kind: 'base',
    depth: 1,
    draft: {
      knowledge: [['Plane Geometry', 'Triangles', 'Triangle angle sum']],
      tools: ['construct parallel line'],
      difficulty: 'easy',
      problemType: 'multiple-choice',
      width: 512,
      height: 512,
      figureCode: 'vt.point(1,1)',
      question: 'What is angle C?',
      choices: ['30°', '40°', '50°', '60°'],
      answer: 'B',
      solution: 'Draw a parallel line through C ...',
      interactions: [{ description: 'parallel through C', code: 'vt.parallel(state.C, state.A, state.B)' }],
    },
    images: { original: 'a'.repeat(64), edited: ['b'.repeat(64)] },
    elements: [{ type: 'point', name: 'A', points: [{ x: 1, y: 2 }] }],
    verdicts: [
      { checker: 'rules', score: 10, pass: true, reasons: [] },
      { checker: 'qa-correctness', score: 4, pass: false, reasons: ['answer mismatch'] },
    ],
    status: 'rejected',
    provenance: { provider: 'offline', models: { author: 'blueprint' }, promptVersions: {}, usage: { promptTokens: 0, completionTokens: 0, cost: 0 }, attempts: 1 },
    recovery: [],
    ...over,
  };
}

describe('store repositories', () => {
  let db: Db;
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tmpDir());
    db = openDb(path.join(dir, 'f.db'));
  });
  afterEach(() => {
    db.close();
    cleanup();
  });

  it('knowledge points create every prefix node once, case-insensitively', () => {
    const r1 = upsertPoints(db, [
      { path: ['Plane Geometry', 'Triangles', 'Angle sum'], source: 'seed', roundAdded: 0, description: 'sum is 180' },
      { path: ['Plane Geometry', 'Triangles', 'Isosceles'], source: 'seed', roundAdded: 0 },
      { path: ['Physics Diagrams', 'Forces', 'Inclined plane'], source: 'seed', roundAdded: 0 },
    ]);
    expect(r1.created).toBe(7);
    const r2 = upsertPoints(db, [{ path: ['plane geometry', 'TRIANGLES', 'angle  sum'], source: 'generated', roundAdded: 2, aliases: ['angle sum theorem'] }]);
    expect(r2).toEqual({ created: 0, updated: 1 });
    const node = getNodeByPath(db, ['Plane Geometry', 'Triangles', 'Angle sum'])!;
    expect(node).toMatchObject({ level: 3, domain: 'Plane Geometry', parentId: nodeId(['Plane Geometry', 'Triangles']), aliases: ['angle sum theorem'], description: 'sum is 180', source: 'seed' });
    expect(countNodes(db)).toMatchObject({ total: 7, domains: 2, byLevel: { 1: 2, 2: 2, 3: 3 } });
    expect(childrenOf(db, null).map((n) => n.name)).toEqual(['Physics Diagrams', 'Plane Geometry']);
    expect(listLeaves(db).map((n) => n.name).sort()).toEqual(['Angle sum', 'Inclined plane', 'Isosceles']);
  });

  it('stores node embeddings as float32 blobs', () => {
    upsertPoints(db, [{ path: ['A', 'B'], source: 'seed', roundAdded: 0 }]);
    const v = new Float32Array([0.25, -1.5, 3]);
    setNodeEmbeddings(db, [{ id: nodeId(['A', 'B']), vector: v }]);
    expect(Array.from(getNodeByPath(db, ['A', 'B'])!.embedding!)).toEqual([0.25, -1.5, 3]);
  });

  it('tools upsert by normalised name and count uses', () => {
    upsertTools(db, [
      { name: 'Construct Perpendicular Line', description: 'drops a perpendicular', category: 'construction', source: 'seed', roundAdded: 0 },
      { name: 'shade region', description: 'fills a region', source: 'seed', roundAdded: 0 },
    ]);
    const again = upsertTools(db, [{ name: 'construct perpendicular line', description: 'x', aliases: ['perpendicular'], source: 'generated', roundAdded: 1 }]);
    expect(again).toEqual({ created: 0, updated: 1 });
    addToolUses(db, ['shade region', 'Shade Region', 'unknown tool']);
    const tools = listTools(db);
    expect(tools.map((t) => [t.id, t.uses])).toEqual([
      [toolId('construct perpendicular line'), 0],
      ['t_shade-region', 2],
    ]);
    expect(countTools(db)).toEqual({ total: 2, bySource: { seed: 2 } });
  });

  it('samples round-trip with verdicts, and re-saving replaces instead of duplicating', () => {
    ensureRound(db, 1, 7, { jobs: 1 }, {});
    saveSamples(db, [sample('s1'), sample('s2', { status: 'accepted', parentId: 's1', kind: 'expanded', depth: 2 })]);
    expect(getSample(db, 's1')).toEqual(sample('s1'));
    saveSamples(db, [sample('s1', { status: 'accepted', verdicts: [{ checker: 'rules', score: 9, pass: true, reasons: [] }] })]);
    expect(getSample(db, 's1')!.verdicts).toHaveLength(1);
    expect(countSamples(db, 1)).toEqual({ total: 2, byStatus: { accepted: 2 }, byKind: { base: 1, expanded: 1 }, byDepth: { 1: 1, 2: 1 } });
    expect(listSampleIds(db, { parentId: 's1' })).toEqual(['s2']);
    expect(checkerPassRates(db)).toEqual({ 'qa-correctness': { judged: 1, passed: 0 }, rules: { judged: 2, passed: 2 } });
  });

  it('rounds record status, finish time and report', () => {
    ensureRound(db, 1, 42, { n: 3 }, { perRound: 3 });
    expect(ensureRound(db, 1, 99, {}, {}).seed).toBe(42);
    setRoundStatus(db, 1, 'done');
    setRoundReport(db, 1, { accepted: 5 });
    expect(getRound(db, 1)).toMatchObject({ status: 'done', seed: 42, plan: { n: 3 }, report: { accepted: 5 } });
    expect(getRound(db, 1)!.finishedAt).not.toBeNull();
  });

  it('failures group by stage and reason', () => {
    recordFailures(db, [
      { round: 1, stage: 'render', reason: 'timeout', message: 'took 2s' },
      { round: 1, stage: 'render', reason: 'timeout', message: 'took 3s', attempt: 2 },
      { round: 1, stage: 'generate', reason: 'schema', message: 'bad json', detail: { raw: '{' } },
    ]);
    expect(failureSummary(db, 1)).toEqual([
      { stage: 'render', reason: 'timeout', count: 2, lastMessage: 'took 3s' },
      { stage: 'generate', reason: 'schema', count: 1, lastMessage: 'bad json' },
    ]);
    expect(listFailures(db, { round: 1 })[0]).toMatchObject({ stage: 'generate', detail: { raw: '{' } });
  });

  it('images are content-addressed and written once', () => {
    const png = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const h = putImage(dir, png);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(putImage(dir, png)).toBe(h);
    expect(hasImage(dir, h)).toBe(true);
    expect([...readImage(dir, h)]).toEqual([...png]);
    expect(fs.readdirSync(path.join(dir, path.dirname(imageRelPath(h))))).toEqual([`${h}.png`]);
  });

  it('JSONL views are replaced atomically and leave no temp files', () => {
    const file = path.join(dir, 'views', 'samples.jsonl');
    writeJsonlAtomic(file, [{ a: 1 }, { a: 2 }]);
    function* failing() {
      yield { a: 3 };
      throw new Error('boom');
    }
    expect(() => writeJsonlAtomic(file, failing())).toThrow('boom');
    expect(readJsonl(file)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['samples.jsonl']);
  });
});
