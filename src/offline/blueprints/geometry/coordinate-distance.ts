import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { lines } from './lib/code.js';
import { type Plane, planeCode, planeScale, planeToPx } from './lib/plane.js';
import { dist, shoelace, vec } from './lib/vec.js';
import { firstFit } from './lib/retry.js';

type Params = AnswerStyle & {
  /** Lattice vertices of triangle ABC. */
  A: [number, number];
  B: [number, number];
  C: [number, number];
  negative: boolean;
  ext: ExpansionMode[];
};

const plane = (p: Pick<Params, 'negative'>): Plane =>
  p.negative ? { box: { x: 46, y: 36, w: 440, h: 440 }, min: -5, max: 6 } : { box: { x: 46, y: 36, w: 440, h: 440 }, min: -1, max: 10 };

const SIDES = [
  ['A', 'B'],
  ['B', 'C'],
  ['C', 'A'],
] as const;

export const coordinateDistance = defineBlueprint<Params>({
  id: 'coordinate-distance',
  title: 'Distances between grid points through right triangles along the axes',
  domain: 'Analytic Geometry',
  knowledge: [['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance between two points']],
  related: [
    ['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance between two points', 'Legs along the grid lines'],
    ['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance between two points', 'Perimeter of a lattice triangle'],
  ],
  tools: ['construct perpendicular line', 'mark right angle', 'measure length'],
  newTools: ['right triangle on grid lines'],
  expansions: ['parallel'],

  params(rng, difficulty) {
    const negative = difficulty === 'hard';
    const pl = plane({ negative });
    const lo = pl.min + 1;
    const hi = pl.max - 1;
    return firstFit('coordinate-distance', () => {
      const A: [number, number] = [rng.int(lo, hi), rng.int(lo, hi)];
      let B: [number, number];
      if (difficulty === 'easy') {
        const [dx, dy] = rng.pick([[3, 4], [4, 3], [6, 8], [8, 6], [3, -4], [4, -3], [6, -8], [8, -6]]);
        B = [A[0] + dx!, A[1] + dy!];
      } else B = [rng.int(lo, hi), rng.int(lo, hi)];
      const C: [number, number] = [rng.int(lo, hi), rng.int(lo, hi)];
      const pts = [A, B, C];
      const inside = pts.every(([x, y]) => x >= lo && x <= hi && y >= lo && y <= hi && x !== 0 && y !== 0);
      const slanted = SIDES.every(([u, v]) => {
        const [P, Q] = [pts['ABC'.indexOf(u)]!, pts['ABC'.indexOf(v)]!];
        return P[0] !== Q[0] && P[1] !== Q[1];
      });
      const area = shoelace(pts.map(([x, y]) => vec(x, y)));
      if (inside && slanted && area >= 8) return { A, B, C, negative, mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9), ext: [] };
      return null;
    });
  },

  build(p) {
    const pl = plane(p);
    const s = planeScale(pl);
    const math = { A: vec(...p.A), B: vec(...p.B), C: vec(...p.C) };
    const pxOf = (n: 'A' | 'B' | 'C') => planeToPx(pl, math[n]);
    const figureCode = lines(
      planeCode(pl),
      `const A = ax.point(${p.A[0]}, ${p.A[1]}, 'A'), B = ax.point(${p.B[0]}, ${p.B[1]}, 'B'), C = ax.point(${p.C[0]}, ${p.C[1]}, 'C');`,
      "vt.polygon([A, B, C], { width: 2.5 });",
      'vt.export({ A, B, C });',
    );
    const colors = ['#d62728', '#1f77b4', '#2ca02c'];
    const rightTriangle = (k: number) => {
      const [u, v] = SIDES[k]!;
      const [P, Q] = [math[u], math[v]];
      return {
        description: `Draw the right triangle under ${u}${v} with a horizontal and a vertical leg along the grid lines, and label the legs`,
        code: lines(
          `// legs of ${u}${v} along the grid`,
          `const { ${u}, ${v} } = state;`,
          `const K = { x: ${v}.x, y: ${u}.y };`,
          `vt.connect(${u}, K, { color: '${colors[k]}', dash: [6, 4] });`,
          `vt.connect(K, ${v}, { color: '${colors[k]}', dash: [6, 4] });`,
          `vt.rightAngle(${u}, K, ${v}, { color: '${colors[k]}' });`,
          `vt.measure(${u}, K, '${Math.abs(Q.x - P.x)}', { color: '${colors[k]}' });`,
          `vt.measure(K, ${v}, '${Math.abs(Q.y - P.y)}', { color: '${colors[k]}' });`,
        ),
      };
    };
    // Lengths measured on the drawn figure, converted back from pixels.
    const lengths = SIDES.map(([u, v]) => dist(pxOf(u), pxOf(v)) / s);
    const count = p.ext.length + 1;
    const interactions = [0, 1, 2].slice(0, count).map(rightTriangle);
    const steps = SIDES.slice(0, count).map(([u, v], k) => {
      const [P, Q] = [math[u], math[v]];
      return `Through ${u} and ${v} draw a horizontal and a vertical leg along the grid: they are ${Math.abs(Q.x - P.x)} and ${Math.abs(Q.y - P.y)} units, so ${u}${v} = √(${Math.abs(Q.x - P.x)}² + ${Math.abs(Q.y - P.y)}²) = ${value(lengths[k]!)}.`;
    });
    const result = lengths.slice(0, count).reduce((a, b) => a + b, 0);
    const target = ['the length of AB', 'AB + BC', 'the perimeter of triangle ABC'][count - 1]!;
    if (count > 1) steps.push(`Adding: ${lengths.slice(0, count).map((l) => value(l)).join(' + ')} = ${value(result)}.`);
    const question = `In the coordinate plane shown, the vertices of triangle ABC lie on grid points. What is ${target}? Give the value to two decimal places.`;
    const correct = value(result);
    const legs = SIDES.slice(0, count).reduce((acc, [u, v]) => acc + Math.abs(math[v].x - math[u].x) + Math.abs(math[v].y - math[u].y), 0);
    const wrong = [...numericDistractors(result, { step: 1.5 }), value(legs)];
    const block = answerBlock(p, correct, wrong);
    return {
      knowledge: [
        ['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance between two points'],
        ['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance between two points', count === 3 ? 'Perimeter of a lattice triangle' : 'Legs along the grid lines'],
      ],
      tools: ['construct perpendicular line', 'mark right angle', 'measure length', 'right triangle on grid lines'],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    const pts = { A: p.A, B: p.B, C: p.C };
    const count = p.ext.length + 1;
    let total = 0;
    for (const [u, v] of SIDES.slice(0, count)) total += Math.sqrt((pts[u][0] - pts[v][0]) ** 2 + (pts[u][1] - pts[v][1]) ** 2);
    return value(total);
  },

  expand(p, mode) {
    return mode === 'parallel' && p.ext.length < 2 ? { ...p, ext: [...p.ext, mode] } : null;
  },
});
