import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importSeeds, loadSeeds } from '../../seeds/load.js';
import { importWeMath2, parseWeMath2 } from '../../seeds/wemath2.js';
import { openDb } from '../../src/store/db.js';
import { countNodes, getNodeByPath, listLeaves } from '../../src/store/knowledge.js';
import { countTools } from '../../src/store/tools.js';
import { FlywheelError } from '../../src/errors.js';
import { REPO_ROOT } from '../support/cli.js';
import { tmpDir } from '../support/tmp.js';

const WEMATH = path.join(REPO_ROOT, 'tests/fixtures/wemath2-names.json');
const REQUIRED_DOMAINS = [
  'Plane Geometry', 'Solid Geometry', 'Functions and Graphs', 'Statistics and Charts', 'Probability and Counting',
  'Graph Theory and Logic Puzzles', 'Physics Diagrams', 'Maps and Orientation',
];
const REQUIRED_TOOLS = [
  'construct perpendicular line', 'construct parallel line', 'construct angle bisector', 'connect midpoints', 'draw symmetry axis',
  'construct tangent line', 'mark point', 'add label', 'shade region', 'draw circle', 'extend segment', 'connect points', 'draw grid',
  'measure length', 'crop region', 'zoom in', 'rotate image', 'flip image', 'highlight region',
];

describe('shipped seeds', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('validate and cover the required domains and tools', () => {
    const { knowledge, tools } = loadSeeds();
    expect(knowledge.points.length).toBeGreaterThanOrEqual(150);
    const domains = new Set(knowledge.points.map((p) => p.path[0]));
    expect(domains.size).toBeGreaterThanOrEqual(8);
    for (const d of REQUIRED_DOMAINS) expect(domains, d).toContain(d);
    expect(tools.tools.length).toBeGreaterThanOrEqual(30);
    const names = new Set(tools.tools.map((t) => t.name));
    for (const n of REQUIRED_TOOLS) expect(names, n).toContain(n);
  });

  it('import into the store idempotently, every point a leaf', () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const seeds = loadSeeds();
    const db = openDb(path.join(t.dir, 'f.db'));
    const first = importSeeds(db, seeds);
    expect(first.toolsCreated).toBe(seeds.tools.tools.length);
    expect(importSeeds(db, seeds)).toEqual({ nodesCreated: 0, toolsCreated: 0 });
    expect(listLeaves(db)).toHaveLength(seeds.knowledge.points.length);
    expect(countNodes(db).total).toBe(first.nodesCreated);
    expect(countTools(db).total).toBe(seeds.tools.tools.length);
    db.close();
  });

  it('reject a malformed seed file with its path and field, and a missing one', () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    fs.copyFileSync(path.join(REPO_ROOT, 'seeds/tools.json'), path.join(t.dir, 'tools.json'));
    fs.writeFileSync(path.join(t.dir, 'knowledge.json'), JSON.stringify({ version: 1, points: [{ path: ['Only'] }, { path: ['A', ''] }] }));
    const err = (() => {
      try {
        loadSeeds(t.dir);
      } catch (e) {
        return e as FlywheelError;
      }
      throw new Error('expected failure');
    })();
    expect(err).toBeInstanceOf(FlywheelError);
    expect(err.where).toBe(path.join(t.dir, 'knowledge.json'));
    expect(err.message).toMatch(/points\.0\.path: a knowledge point needs at least a domain and a name/);
    expect(err.message).toMatch(/points\.1\.path\.1: must not be empty/);
    fs.rmSync(path.join(t.dir, 'knowledge.json'));
    expect(() => loadSeeds(t.dir)).toThrow(/seed file is missing/);
  });
});

describe('We-Math 2.0 import', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('imports 490 knowledge points and 1,819 principles under their L1-L4 paths, idempotently', () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const rows = parseWeMath2(JSON.parse(fs.readFileSync(WEMATH, 'utf8')), WEMATH);
    const db = openDb(path.join(t.dir, 'f.db'));
    const r = importWeMath2(db, rows);
    expect(r).toMatchObject({ rows: 1819, knowledgePoints: 490, principles: 1819 });
    expect(listLeaves(db)).toHaveLength(1819);
    const counts = countNodes(db);
    expect(counts.total).toBe(r.nodesCreated);
    expect(Object.keys(counts.byDomain).sort()).toEqual(['Algebra', 'Fundamental Mathematical Skills', 'Geometry', 'Probability and Statistics']);
    expect(importWeMath2(db, rows).nodesCreated).toBe(0);
    expect(countNodes(db).total).toBe(counts.total);
    const first = rows[0]!;
    const principle = getNodeByPath(db, [first.l1_en, first.l2_en, first.kp_en, first.principle_en])!;
    expect(principle.aliases).toEqual([first.principle_cn]);
    expect(getNodeByPath(db, [first.l1_en])!.aliases).toEqual([first.l1_cn]);
    db.close();
  });

  it('rejects a file that is not the flat taxonomy, naming the row and field', () => {
    expect(() => parseWeMath2([{ l1_en: 'Geometry' }], 'x.json')).toThrow(/row 0\.l1_cn/);
    expect(() => parseWeMath2({}, 'x.json')).toThrow(/not a We-Math 2.0 flat taxonomy/);
  });
});
