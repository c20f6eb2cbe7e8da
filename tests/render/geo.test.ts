import { describe, expect, it } from 'vitest';
import { createGeo } from '../../src/render/browser/geo.js';

const geo = createGeo();
const close = (p: { x: number; y: number }, q: { x: number; y: number }) => {
  expect(p.x).toBeCloseTo(q.x, 9);
  expect(p.y).toBeCloseTo(q.y, 9);
};

describe('vt.geo', () => {
  it('feet, reflections and rotations (counter-clockwise on screen, y down)', () => {
    close(geo.foot({ x: 3, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 }), { x: 3, y: 0 });
    close(geo.reflect({ x: 3, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 10 }), { x: 4, y: 3 });
    close(geo.rotate({ x: 10, y: 0 }, { x: 0, y: 0 }, 90), { x: 0, y: -10 });
    expect(geo.angle({ x: 10, y: 0 }, { x: 0, y: 0 }, { x: 0, y: -5 })).toBeCloseTo(90, 9);
    expect(geo.direction({ x: 0, y: 0 }, { x: 0, y: -1 })).toBeCloseTo(90, 9);
  });

  it('intersections of lines and circles', () => {
    close(geo.intersect({ x: 0, y: 0 }, { x: 2, y: 2 }, { x: 0, y: 2 }, { x: 2, y: 0 })!, { x: 1, y: 1 });
    expect(geo.intersect({ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 1 })).toBeNull();
    const lc = geo.lineCircle({ x: -10, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 0 }, 5);
    close(lc[0]!, { x: -5, y: 0 });
    close(lc[1]!, { x: 5, y: 0 });
    expect(geo.circleCircle({ x: 0, y: 0 }, 5, { x: 8, y: 0 }, 5).map((p) => Math.round(p.x * 1e9) / 1e9)).toEqual([4, 4]);
    expect(geo.circleCircle({ x: 0, y: 0 }, 1, { x: 8, y: 0 }, 1)).toEqual([]);
  });

  it('triangle centres, bisectors and tangents', () => {
    const cc = geo.circumcircle({ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 3 })!;
    close(cc.center, { x: 2, y: 1.5 });
    expect(cc.r).toBeCloseTo(2.5, 9);
    const ic = geo.incircle({ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 3 })!;
    close(ic.center, { x: 1, y: 1 });
    expect(ic.r).toBeCloseTo(1, 9);
    expect(geo.circumcircle({ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 })).toBeNull();
    close(geo.bisector({ x: 10, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 10 }), { x: Math.SQRT1_2, y: Math.SQRT1_2 });
    const [t1, t2] = geo.tangentPoints({ x: 10, y: 0 }, { x: 0, y: 0 }, 5);
    for (const t of [t1!, t2!]) {
      expect(Math.hypot(t.x, t.y)).toBeCloseTo(5, 9);
      expect(t.x * (10 - t.x) + t.y * (0 - t.y)).toBeCloseTo(0, 9);
    }
    expect(geo.tangentPoints({ x: 1, y: 0 }, { x: 0, y: 0 }, 5)).toEqual([]);
    expect(geo.polygonArea([{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 3 }])).toBe(6);
    close(geo.centroid([{ x: 0, y: 0 }, { x: 6, y: 0 }, { x: 0, y: 3 }]), { x: 2, y: 1 });
  });

  it('names what is wrong with an argument', () => {
    expect(() => geo.foot({ x: 1 } as never, { x: 0, y: 0 }, { x: 1, y: 0 })).toThrow(/vt\.geo\.foot: P must be a point/);
    expect(() => geo.along({ x: 0, y: 0 }, { x: 1, y: 1 }, NaN)).toThrow(/t must be a finite number/);
    expect(geo.midpoint([0, 0] as never, [4, 2] as never)).toEqual({ x: 2, y: 1 });
  });
});
