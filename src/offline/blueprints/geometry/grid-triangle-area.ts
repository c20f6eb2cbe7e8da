import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors, px } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { lines } from './lib/code.js';
import { type Plane, planeCode, planeToPx } from './lib/plane.js';
import { type Vec, dist, foot, vec } from './lib/vec.js';
import { firstFit } from './lib/retry.js';

type Params = AnswerStyle & {
  /** Lattice vertices: A sits at a corner of the enclosing rectangle, B and C on the two far sides. */
  A: [number, number];
  B: [number, number];
  C: [number, number];
  negative: boolean;
  ext: ExpansionMode[];
};

const plane = (negative: boolean): Plane => ({ box: { x: 46, y: 36, w: 440, h: 440 }, min: negative ? -5 : -1, max: negative ? 6 : 10 });

/** The enclosing rectangle's corners and the three right triangles cut off it. */
function enclosure(p: Params): { rect: Vec[]; corners: Vec[][] } {
  const [A, B, C] = [vec(...p.A), vec(...p.B), vec(...p.C)];
  const xs = [A.x, B.x, C.x];
  const ys = [A.y, B.y, C.y];
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const far = vec(A.x === x0 ? x1 : x0, A.y === y0 ? y1 : y0);
  // B is on the vertical side through `far`, C on the horizontal one
  return {
    rect: [vec(x0, y0), vec(x1, y0), vec(x1, y1), vec(x0, y1)],
    corners: [
      [A, vec(B.x, A.y), B],
      [B, far, C],
      [C, vec(A.x, C.y), A],
    ],
  };
}

export const gridTriangleArea = defineBlueprint<Params>({
  id: 'grid-triangle-area',
  title: 'Area of a lattice triangle by its enclosing rectangle',
  domain: 'Analytic Geometry',
  knowledge: [
    ['Analytic Geometry', 'Points and Distances', 'Areas in Coordinates', 'Triangle area by enclosing rectangle'],
    ['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance from a point to a line'],
  ],
  related: [
    ['Analytic Geometry', 'Points and Distances', 'Areas in Coordinates', 'Triangle area by enclosing rectangle', 'Subtracting three corner right triangles'],
    ['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance from a point to a line', 'Height from twice the area over the base'],
  ],
  tools: ['shade region', 'decompose into shapes', 'construct perpendicular line'],
  newTools: ['draw enclosing rectangle'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    const negative = difficulty === 'hard';
    const pl = plane(negative);
    const [wLo, wHi] = difficulty === 'easy' ? [3, 6] : difficulty === 'medium' ? [4, 8] : [5, 9];
    // Vertices stay off the axes, where they would sit on the tick labels.
    return firstFit('grid-triangle-area', () => {
      const W = rng.int(wLo, wHi);
      const H = rng.int(wLo, wHi);
      const x0 = rng.int(pl.min + 1, pl.max - 1 - W);
      const y0 = rng.int(pl.min + 1, pl.max - 1 - H);
      const sx = rng.chance(0.5);
      const sy = rng.chance(0.5);
      const X = (t: number) => (sx ? x0 + W - t : x0 + t);
      const Y = (t: number) => (sy ? y0 + H - t : y0 + t);
      const u = rng.int(1, H - 1);
      const v = rng.int(1, W - 1);
      const [A, B, C]: [[number, number], [number, number], [number, number]] = [[X(0), Y(0)], [X(W), Y(u)], [X(v), Y(H)]];
      if ([A, B, C].every(([x, y]) => x !== 0 && y !== 0)) return { A, B, C, negative, mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9), ext: [] };
      return null;
    });
  },

  build(p) {
    const pl = plane(p.negative);
    const toPx = (q: Vec) => planeToPx(pl, q);
    const lit = (q: Vec) => `{ x: ${px(toPx(q).x)}, y: ${px(toPx(q).y)} }`;
    const figureCode = lines(
      planeCode(pl),
      `const A = ax.point(${p.A[0]}, ${p.A[1]}, 'A'), B = ax.point(${p.B[0]}, ${p.B[1]}, 'B'), C = ax.point(${p.C[0]}, ${p.C[1]}, 'C');`,
      'vt.polygon([A, B, C], { width: 2.5 });',
      'vt.export({ A, B, C });',
    );
    const e = enclosure(p);
    const colors = ['rgba(214,39,40,0.25)', 'rgba(44,160,44,0.25)', 'rgba(255,127,14,0.25)'];
    const rectangle = {
      description: 'Draw the rectangle enclosing the triangle along the grid lines and shade the three right triangles outside ABC',
      code: lines(
        '// enclosing rectangle and the corner triangles it leaves',
        `vt.polygon([${e.rect.map(lit).join(', ')}], { color: '#d62728', dash: [6, 4] });`,
        ...e.corners.map((t, i) => `vt.shade([${t.map(lit).join(', ')}], { fill: '${colors[i]}' });`),
      ),
    };
    const [A, B, C] = [vec(...p.A), vec(...p.B), vec(...p.C)];
    const rw = Math.abs(e.rect[1]!.x - e.rect[0]!.x);
    const rh = Math.abs(e.rect[2]!.y - e.rect[1]!.y);
    const legs = e.corners.map((t) => [Math.abs(t[1]!.x - t[0]!.x) + Math.abs(t[1]!.x - t[2]!.x), Math.abs(t[1]!.y - t[0]!.y) + Math.abs(t[1]!.y - t[2]!.y)] as const);
    const pieces = legs.map(([a, b]) => (a * b) / 2);
    const area = rw * rh - pieces.reduce((s, x) => s + x, 0);
    const steps = [
      `The rectangle enclosing triangle ABC along the grid lines is ${rw} × ${rh} = ${rw * rh} square units.`,
      `It leaves three right triangles outside ABC, with legs ${legs.map(([a, b]) => `${a} and ${b}`).join('; ')}: areas ${pieces.map((x) => value(x)).join(', ')}.`,
      `Area of ABC = ${rw * rh} − ${pieces.map((x) => value(x)).join(' − ')} = ${value(area)} square units.`,
    ];
    const interactions = [rectangle];
    let question: string;
    let result: number;
    if (p.ext.length === 0) {
      question = 'The vertices of triangle ABC lie on grid points of the coordinate plane shown. What is the area of triangle ABC in square units?';
      result = area;
    } else {
      interactions.push({
        description: 'Drop the perpendicular from C to the side AB, with foot H',
        code: lines('// height of the triangle on side AB', 'const { A, B, C } = state;', 'const H = vt.perpendicular(C, A, B);', "vt.point(H.x, H.y, 'H', { labelOffset: { dx: 8, dy: 14 } });"),
      });
      const ab = dist(A, B);
      result = dist(C, foot(C, A, B));
      steps.push(`AB = √(${Math.abs(B.x - A.x)}² + ${Math.abs(B.y - A.y)}²) = ${value(ab)}, and the area is also AB·CH/2, so CH = 2·${value(area)}/${value(ab)} = ${value(result)}.`);
      question = 'The vertices of triangle ABC lie on grid points of the coordinate plane shown. What is the distance from C to the line AB? Give it to two decimal places.';
    }
    const correct = value(result);
    const wrong = [...numericDistractors(result, { step: p.ext.length ? 0.8 : 2 }), value(rw * rh / 2), value(rw * rh - area)];
    const block = answerBlock(p, correct, wrong);
    return {
      knowledge: [
        ['Analytic Geometry', 'Points and Distances', 'Areas in Coordinates', 'Triangle area by enclosing rectangle'],
        ...(p.ext.length > 0
          ? [['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance from a point to a line'], ['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance from a point to a line', 'Height from twice the area over the base']]
          : [['Analytic Geometry', 'Points and Distances', 'Areas in Coordinates', 'Triangle area by enclosing rectangle', 'Subtracting three corner right triangles']]),
      ],
      tools: ['shade region', 'decompose into shapes', 'draw enclosing rectangle', ...(p.ext.length > 0 ? ['construct perpendicular line'] : [])],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    const [[ax, ay], [bx, by], [cx, cy]] = [p.A, p.B, p.C];
    const twice = Math.abs(ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
    if (p.ext.length === 0) return value(twice / 2);
    return value(twice / Math.hypot(bx - ax, by - ay));
  },

  expand(p, mode) {
    return mode === 'sequential' && p.ext.length === 0 ? { ...p, ext: [mode] } : null;
  },
});
