import { defineBlueprint } from '../../blueprint.js';
import { numericDistractors, px } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { lines } from './lib/code.js';
import { type Vec, shoelace, vec } from './lib/vec.js';

type Params = AnswerStyle & {
  /** Column of the axis m on the 11 × 11 grid. */
  axis: number;
  /** The drawn half: lattice points from the top of the axis to its bottom, left of the axis in between. */
  half: [number, number][];
};

const CELL = 38;
const ORIGIN = { x: 47, y: 47 };
const N = 11;
const toPx = ([c, r]: [number, number]): Vec => vec(ORIGIN.x + c * CELL, ORIGIN.y + r * CELL);
const lit = (q: Vec) => `{ x: ${px(q.x)}, y: ${px(q.y)} }`;

/** The whole figure: the half, then its mirror image in the axis walked back up. */
function whole(p: Params): [number, number][] {
  const mirrored = p.half.slice(1, -1).map(([c, r]): [number, number] => [2 * p.axis - c, r]).reverse();
  return [...p.half, ...mirrored];
}

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

function inside(poly: readonly [number, number][], x: number, y: number): boolean {
  let hit = false;
  poly.forEach(([x1, y1], i) => {
    const [x2, y2] = poly[(i + 1) % poly.length]!;
    if (y1 > y !== y2 > y && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) hit = !hit;
  });
  return hit;
}

function onBoundary(poly: readonly [number, number][], x: number, y: number): boolean {
  return poly.some(([x1, y1], i) => {
    const [x2, y2] = poly[(i + 1) % poly.length]!;
    const crossZ = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
    return crossZ === 0 && x >= Math.min(x1, x2) && x <= Math.max(x1, x2) && y >= Math.min(y1, y2) && y <= Math.max(y1, y2);
  });
}

export const symmetricFigureCompletion = defineBlueprint<Params>({
  id: 'symmetric-figure-completion',
  title: 'Area of a figure from its drawn half and its axis of symmetry',
  domain: 'Transformations and Symmetry',
  knowledge: [
    ['Transformations and Symmetry', 'Symmetry', 'Line Symmetry', 'Completing a symmetric figure'],
    ['Transformations and Symmetry', 'Isometries', 'Reflections', 'Reflection in a line'],
  ],
  related: [
    ['Transformations and Symmetry', 'Symmetry', 'Line Symmetry', 'Completing a symmetric figure', 'Area of a figure completed by symmetry on a grid'],
  ],
  tools: ['reflect point', 'shade region'],
  newTools: ['mirror the drawn half'],
  expansions: [],

  params(rng, difficulty) {
    const axis = rng.int(6, 7);
    const k = difficulty === 'easy' ? 2 : difficulty === 'medium' ? 3 : 4;
    const top = rng.int(1, 2);
    const bottom = rng.int(N - 2, N - 1);
    const rows = rng.sample(Array.from({ length: bottom - top - 1 }, (_, i) => top + 1 + i), k).sort((a, b) => a - b);
    const half: [number, number][] = [[axis, top], ...rows.map((r): [number, number] => [axis - rng.int(1, Math.min(5, axis - 1)), r]), [axis, bottom]];
    return { axis, half, mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9) };
  },

  build(p) {
    const halfPx = p.half.map(toPx);
    const top = toPx([p.axis, 0]);
    const bottom = toPx([p.axis, N]);
    const figureCode = lines(
      `vt.grid({ x: ${ORIGIN.x}, y: ${ORIGIN.y}, w: ${N * CELL}, h: ${N * CELL}, step: ${CELL} }, { color: '#d0d0d0', width: 1 });`,
      `const M1 = ${lit(top)}, M2 = ${lit(bottom)};`,
      "vt.segment(M1, M2, { color: '#1f77b4', width: 2 });",
      `vt.text(${px(top.x + 6)}, ${px(top.y + 18)}, 'm', { color: '#1f77b4' });`,
      `const half = [${halfPx.map(lit).join(', ')}];`,
      'vt.polyline(half, { width: 3 });',
      'half.forEach((q) => vt.point(q.x, q.y));',
      'vt.export({ M1, M2, half });',
    );
    const mirrored = whole(p).slice(p.half.length - 1).concat([p.half[0]!]).map(toPx);
    const complete = {
      description: 'Reflect the drawn half in the axis m to complete the figure, and shade the whole figure',
      code: lines(
        '// mirror image of the drawn half, walked back up to the top of the axis',
        `const other = [${mirrored.map(lit).join(', ')}];`,
        "vt.polyline(other, { color: '#d62728', dash: [6, 4], width: 3 });",
        `vt.shade([...state.half, ...other.slice(1, -1)], { fill: 'rgba(214,39,40,0.18)' });`,
      ),
    };
    const halfArea = shoelace(p.half.map(([c, r]) => vec(c, r)));
    const area = 2 * halfArea;
    const question = 'Line m is an axis of symmetry of a figure drawn on the square grid, but only the part on the left of m is shown. What is the area of the whole figure, in grid squares?';
    const steps = [
      `Reflect each vertex of the drawn half in m (same row, same distance on the other side) to complete the figure.`,
      `The drawn half, closed along m, has area ${value(halfArea)} grid squares (split it into trapezoids between consecutive rows, or count squares and half squares).`,
      `The completed figure is made of the half and its mirror image: area = 2 × ${value(halfArea)} = ${value(area)} grid squares.`,
    ];
    const correct = value(area);
    const wrong = [...numericDistractors(area, { step: 3 }), value(halfArea), value(area + 2)];
    const block = answerBlock(p, correct, wrong);
    return {
      knowledge: [
        ['Transformations and Symmetry', 'Symmetry', 'Line Symmetry', 'Completing a symmetric figure'],
        ['Transformations and Symmetry', 'Isometries', 'Reflections', 'Reflection in a line'],
        ['Transformations and Symmetry', 'Symmetry', 'Line Symmetry', 'Completing a symmetric figure', 'Area of a figure completed by symmetry on a grid'],
      ],
      tools: ['reflect point', 'shade region', 'mirror the drawn half'],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions: [complete],
    };
  },

  solve(p) {
    // Pick's theorem on the completed lattice polygon: A = I + B/2 - 1.
    const poly = whole(p);
    const boundary = poly.reduce((s, [x1, y1], i) => {
      const [x2, y2] = poly[(i + 1) % poly.length]!;
      return s + gcd(x2 - x1, y2 - y1);
    }, 0);
    let interior = 0;
    for (let x = 0; x <= N; x++) for (let y = 0; y <= N; y++) if (!onBoundary(poly, x, y) && inside(poly, x, y)) interior++;
    return value(interior + boundary / 2 - 1);
  },
});
