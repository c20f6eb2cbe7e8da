import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors } from '../../format.js';
import { axesCode, TO_PX, type Window } from './lib/axes.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const MOTION = ['Physics Diagrams', 'Mechanics', 'Motion Graphs'];
const AREA = [...MOTION, 'Displacement as area under a velocity-time graph'];
const SPLIT = [...AREA, 'Area split into triangles, rectangles and trapezoids'];
const COMPARE = [...AREA, 'Comparing distances over two time intervals'];

const SHADES = ['rgba(31,119,180,0.35)', 'rgba(255,127,14,0.4)'];

type Params = {
  seed: number;
  /** Velocity (m/s) at t = 0, 2, 4, ..., 12 s; the graph is straight between them. */
  vs: number[];
  /** Time intervals whose distance is asked (the second one from a parallel expansion). */
  spans: [number, number][];
  choice: boolean;
};

const WINDOW: Window = { xMin: 0, xMax: 12, yMin: 0, yMax: 12, xStep: 1, yStep: 1, xLabel: 't (s)', yLabel: 'v (m/s)' };

const ts = (p: Params) => p.vs.map((_, i) => 2 * i);

/** Corners of the region under the graph between a and b, in (t, v). */
function region(p: Params, [a, b]: [number, number]): [number, number][] {
  const t = ts(p);
  const v = (x: number) => {
    const i = Math.min(t.length - 2, Math.floor(x / 2));
    return p.vs[i]! + ((p.vs[i + 1]! - p.vs[i]!) * (x - t[i]!)) / 2;
  };
  return [[a, 0], [a, v(a)], ...t.filter((x) => x > a && x < b).map((x): [number, number] => [x, v(x)]), [b, v(b)], [b, 0]];
}

/** Shoelace area of the shaded polygon. */
function shoelace(pts: [number, number][]): number {
  let s = 0;
  pts.forEach(([x, y], i) => {
    const [u, w] = pts[(i + 1) % pts.length]!;
    s += x * w - u * y;
  });
  return Math.abs(s) / 2;
}

export const velocityTimeArea = defineBlueprint<Params>({
  id: 'velocity-time-area',
  title: 'Displacement as the shaded area under a velocity-time graph',
  domain: 'Physics Diagrams',
  knowledge: [AREA],
  related: [SPLIT, COMPARE],
  tools: ['shade region', 'draw reference line'],
  newTools: ['shade area under a graph between two times'],
  expansions: ['parallel'],

  params(rng, difficulty) {
    for (;;) {
      const vs = [rng.int(0, 4)];
      while (vs.length < 7) vs.push(Math.max(0, Math.min(12, vs.at(-1)! + rng.pick(difficulty === 'easy' ? [-4, 0, 0, 4] : [-4, -2, 0, 2, 4, 6]))));
      const len = difficulty === 'easy' ? 4 : difficulty === 'medium' ? 5 : 7;
      const a = difficulty === 'easy' ? 2 * rng.int(0, 4) : rng.int(0, 12 - len);
      const p: Params = { seed: instanceSeed(rng), vs, spans: [[a, a + len]], choice: difficulty === 'hard' };
      if (shoelace(region(p, p.spans[0]!)) >= 8) return p;
    }
  },

  build(p) {
    const pts = ts(p).map((t, i) => `[${t}, ${p.vs[i]}]`).join(', ');
    const figureCode = lines(
      axesCode(WINDOW),
      `vt.polyline([${pts}].map(([t, v]) => ax.toPx(t, v)), { color: '#1f3a93', width: 3 });`,
      'vt.export({ O, U });',
    );
    const areas = p.spans.map((s) => shoelace(region(p, s)));
    const interactions = p.spans.map((s, k) => ({
      description: `Shade the area under the graph between t = ${s[0]} s and t = ${s[1]} s, with vertical reference lines at both times`,
      code: lines(
        TO_PX,
        `const corners = ${JSON.stringify(region(p, s).map(([t, v]) => [t, Number(num(v, 3))]))};`,
        `vt.shade(corners.map(([t, v]) => toPx(t, v)), { fill: '${SHADES[k]}' });`,
        `vt.segment(toPx(${s[0]}, 0), toPx(${s[0]}, ${num(region(p, s)[1]![1], 3)}), vt.aux);`,
        `vt.segment(toPx(${s[1]}, 0), toPx(${s[1]}, ${num(region(p, s).at(-2)![1], 3)}), vt.aux);`,
      ),
    }));
    const describe = (s: [number, number], area: number) =>
      `The shaded area between t = ${s[0]} s and t = ${s[1]} s splits at the grid corners into trapezoids (${region(p, s)
        .slice(1, -1)
        .slice(1)
        .map(([t, v], i) => {
          const [t0, v0] = region(p, s)[i + 1]!;
          return `(${num(v0)} + ${num(v)}) / 2 × ${num(t - t0)}`;
        })
        .join(' + ')}) = ${num(area)} m.`;
    const steps = p.spans.map((s, i) => describe(s, areas[i]!));
    let value = areas[0]!;
    let q = `The graph shows the velocity of a cart over 12 seconds. How far does the cart travel between t = ${p.spans[0]![0]} s and t = ${p.spans[0]![1]} s, in metres?`;
    if (p.spans.length > 1) {
      const [s1, s2] = p.spans as [[number, number], [number, number]];
      value = areas[0]! - areas[1]!;
      steps.push(`The difference is ${num(areas[0]!)} - ${num(areas[1]!)} = ${num(value)} m.`);
      q = `The graph shows the velocity of a cart over 12 seconds. How much farther does the cart travel between t = ${s1[0]} s and t = ${s1[1]} s than between t = ${s2[0]} s and t = ${s2[1]} s, in metres?`;
    }
    const answer = p.choice ? multipleChoice(`${num(value)} m`, numericDistractors(value, { step: 4, unit: ' m' }), p.seed, 'area') : fillIn(`${num(value)} m`);
    return {
      knowledge: [AREA, p.spans.length > 1 ? COMPARE : SPLIT],
      tools: ['shade region', 'draw reference line', 'shade area under a graph between two times'],
      ...answer,
      figureCode,
      question: q,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    // Integrate the velocity numerically in quarter-second trapezoids (exact for straight pieces).
    const v = (x: number) => {
      const i = Math.min(5, Math.floor(x / 2));
      return p.vs[i]! + ((p.vs[i + 1]! - p.vs[i]!) * (x - 2 * i)) / 2;
    };
    const dist = ([a, b]: [number, number]) => {
      let s = 0;
      for (let x = a; x < b; x += 0.25) s += ((v(x) + v(x + 0.25)) / 2) * 0.25;
      return s;
    };
    const [s1, s2] = p.spans;
    return `${num(s2 ? dist(s1!) - dist(s2) : dist(s1!))} m`;
  },

  expand(p, mode, rng) {
    if (mode !== 'parallel' || p.spans.length > 1) return null;
    const first = p.spans[0]!;
    const len = first[1] - first[0];
    const options = Array.from({ length: 12 }, (_, a) => a)
      .flatMap((a) => [1, 2, 3, 4].filter((l) => l < len).map((l): [number, number] => [a, a + l]))
      .filter(([a, b]) => b <= 12 && (b <= first[0] || a >= first[1]));
    const ok = options.filter((s) => shoelace(region(p, s)) >= 2 && shoelace(region(p, s)) < shoelace(region(p, first)));
    return ok.length ? { ...p, spans: [first, rng.pick(ok)] } : null;
  },
});
