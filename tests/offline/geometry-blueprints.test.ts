import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderSettings } from '../../src/config/sections/render.js';
import { launchRenderPool, type RenderPool } from '../../src/render/index.js';
import { geometryBlueprints } from '../../src/offline/blueprints/geometry/index.js';
import { CUBE_NETS, foldNet, inLinePairs } from '../../src/offline/blueprints/geometry/lib/cube-net.js';
import { DIFFICULTIES, checkBlueprintsStatically, expansions, instance } from '../support/blueprint-harness.js';
import { renderAndCheck } from '../support/blueprint-render.js';

const DOMAINS = ['Plane Geometry', 'Solid Geometry', 'Analytic Geometry', 'Transformations and Symmetry'];

describe('geometry blueprints', () => {
  it('pass the static checks, cover the geometry domains, and at least half of them expand', () => {
    const { instances, expanded } = checkBlueprintsStatically(geometryBlueprints);
    expect(geometryBlueprints.length).toBeGreaterThanOrEqual(15);
    for (const b of geometryBlueprints) expect(DOMAINS, b.id).toContain(b.domain);
    expect(new Set(geometryBlueprints.map((b) => b.domain)).size).toBeGreaterThanOrEqual(3);
    const expandable = geometryBlueprints.filter((b) => b.expand && b.expansions.length > 0);
    expect(expandable.length).toBeGreaterThanOrEqual(Math.max(8, geometryBlueprints.length / 2));
    expect(new Set(expandable.flatMap((b) => b.expansions))).toEqual(new Set(['parallel', 'sequential']));
    expect(instances).toBeGreaterThan(geometryBlueprints.length * 36);
    expect(expanded).toBeGreaterThan(expandable.length * 36);
  });

  it('mixes multiple-choice and fill-in problems and ends figures with an image operation where the figure is turned', () => {
    const drafts = geometryBlueprints.flatMap((b) => DIFFICULTIES.map((d) => instance(b, 7, d).draft));
    const types = new Set(drafts.map((d) => d.problemType));
    expect(types).toEqual(new Set(['multiple-choice', 'fill-in-the-blank']));
    const turned = drafts.filter((d) => /vt\.(rotate|flip)\(/.test(d.figureCode));
    expect(turned.length).toBeGreaterThan(0);
    for (const d of turned) {
      expect(d.figureCode.trimEnd()).toMatch(/vt\.(rotate|flip)\([^)]*\);$/);
      expect(d.interactions[0]!.code).toMatch(/vt\.(rotate|flip)\(/);
    }
  });

  it('cube nets fold into cubes, and faces two apart in a straight run fold onto opposite faces', () => {
    for (const net of CUBE_NETS) {
      const faces = foldNet(net);
      expect([...faces].sort()).toEqual([0, 1, 2, 3, 4, 5]);
      const pairs = inLinePairs(net);
      expect(pairs.length).toBeGreaterThanOrEqual(2);
      for (const [a, b] of pairs) expect(faces[a]! ^ 1).toBe(faces[b]);
    }
    // A 2-2-2 staircase is a net too, but has no straight run of three.
    const staircase: [number, number][] = [[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [3, 2]];
    expect([...foldNet(staircase)].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(inLinePairs(staircase)).toEqual([]);
  });

  describe('in the real sandbox', () => {
    let pool: RenderPool;
    beforeAll(async () => {
      pool = await launchRenderPool(RenderSettings.parse({}));
    }, 60_000);
    afterAll(async () => {
      await pool?.close();
    });

    for (const b of geometryBlueprints) {
      it(`${b.id}: three instances, each at its deepest expansion, render and pass the rule checks and offline judges`, async () => {
        // The deepest expansion replays the figure and every earlier interaction byte for byte, so rendering it
        // exercises the whole chain; the shorter drafts differ only in text, which the static checks cover.
        const jobs = DIFFICULTIES.map((difficulty, k) => {
          const inst = instance(b, 101 + 37 * k, difficulty);
          return [inst, ...expansions(inst)].at(-1)!;
        });
        await Promise.all(jobs.map((x) => renderAndCheck(pool, x.draft, `${b.id} seed ${x.seed} ${x.difficulty} (${x.draft.interactions.length} interactions)`)));
      });
    }
  });
});
