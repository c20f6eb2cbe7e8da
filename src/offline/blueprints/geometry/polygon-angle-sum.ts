import { defineBlueprint } from '../../blueprint.js';
import { numericDistractors, px } from '../../format.js';
import type { Rng } from '../../rng.js';
import { answerBlock, degrees, solutionText, type AnswerStyle } from './lib/answer.js';
import { declarePoints, exportNames, lines } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { type Vec, add, angleAt, centroid, cross, mul, polar, vec } from './lib/vec.js';
import { firstFit } from './lib/retry.js';

type Params = AnswerStyle & {
  /** Interior angles in degrees, vertex by vertex (A, B, C, ...). */
  angles: number[];
  /** Side lengths AB, BC, ... (they close the polygon exactly). */
  sides: number[];
  /** Heading of side AB in degrees. */
  turn: number;
  /** Index of the vertex whose angle is asked. */
  ask: number;
};

const NAMES = 'ABCDEFG';
const NUMBERS: Record<number, string> = { 5: 'five', 6: 'six' };

function drawAngles(rng: Rng, n: number, step: number): number[] | null {
  const mean = ((n - 2) * 180) / n;
  const spread = n === 5 ? 20 : 22;
  const out = Array.from({ length: n - 1 }, () => step * Math.round(rng.int(mean - spread, mean + spread) / step));
  const last = (n - 2) * 180 - out.reduce((a, b) => a + b, 0);
  return last >= mean - spread && last <= mean + spread && last < 170 ? [...out, last] : null;
}

function headings(p: Pick<Params, 'angles' | 'turn'>): number[] {
  const h = [p.turn];
  for (let k = 1; k < p.angles.length; k++) h.push(h[k - 1]! + 180 - p.angles[k]!);
  return h;
}

/** Side lengths that close the polygon, or null when the last two would be too short or too long. */
function closingSides(rng: Rng, angles: number[], turn: number): number[] | null {
  const dirs = headings({ angles, turn }).map((d) => polar(vec(0, 0), d, 1));
  const n = angles.length;
  const sides = Array.from({ length: n - 2 }, () => Math.round(rng.float(0.85, 1.2) * 100) / 100);
  const rest = sides.reduce((acc, l, k) => add(acc, mul(dirs[k]!, -l)), vec(0, 0));
  const [u, w] = [dirs[n - 2]!, dirs[n - 1]!];
  const det = cross(u, w);
  const a = cross(rest, w) / det;
  const b = cross(u, rest) / det;
  return a > 0.65 && a < 1.5 && b > 0.65 && b < 1.5 ? [...sides, a, b] : null;
}

function vertices(p: Params): Vec[] {
  const h = headings(p);
  const out = [vec(0, 0)];
  for (let k = 0; k < p.angles.length - 1; k++) out.push(polar(out[k]!, h[k]!, p.sides[k]!));
  return out;
}

export const polygonAngleSum = defineBlueprint<Params>({
  id: 'polygon-angle-sum',
  title: 'Missing polygon angle by splitting into triangles from one vertex',
  domain: 'Plane Geometry',
  knowledge: [
    ['Plane Geometry', 'Polygons', 'Polygon Angles', 'Interior angle sum of a polygon'],
    ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Triangle angle sum'],
  ],
  related: [
    ['Plane Geometry', 'Polygons', 'Polygon Angles', 'Interior angle sum of a polygon', 'Fan triangulation of a pentagon'],
    ['Plane Geometry', 'Polygons', 'Polygon Angles', 'Interior angle sum of a polygon', 'Fan triangulation of a hexagon'],
  ],
  tools: ['connect points', 'number items'],
  newTools: ['triangulate from a vertex'],
  expansions: [],

  params(rng, difficulty) {
    const n = difficulty === 'hard' ? 6 : difficulty === 'medium' ? rng.pick([5, 6]) : 5;
    const step = difficulty === 'easy' ? 5 : 1;
    const turn = rng.int(-12, 12);
    return firstFit('polygon-angle-sum', () => {
      const angles = drawAngles(rng, n, step);
      const sides = angles && closingSides(rng, angles, turn);
      if (angles && sides) return { angles, sides, turn, ask: rng.int(1, n - 1), mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9) };
      return null;
    });
  },

  build(p) {
    const n = p.angles.length;
    const model = vertices(p);
    const f = fitFrame(model, { x: 80, y: 80, w: 352, h: 352 });
    const pts = model.map(f.toPx);
    const names = [...NAMES.slice(0, n)];
    const centre = centroid(pts);
    const marks = names.map((name, i) => {
      const prev = names[(i + n - 1) % n]!;
      const next = names[(i + 1) % n]!;
      return `vt.angleMark(${prev}, ${name}, ${next}, { label: '${i === p.ask ? 'x' : `${p.angles[i]}°`}', radius: 24 });`;
    });
    const figureCode = lines(
      declarePoints(Object.fromEntries(names.map((name, i) => [name, pts[i]!])), centre),
      `vt.polygon([${names.join(', ')}]);`,
      ...marks,
      exportNames(names),
    );
    const diagonals = names.slice(2, n - 1);
    const labels = names.slice(1, n - 1).map((_, k) => {
      const c = centroid([pts[0]!, pts[k + 1]!, pts[k + 2]!]);
      return `vt.text(${px(c.x - 4)}, ${px(c.y + 6)}, '${k + 1}', { color: '#d62728' });`;
    });
    const triangulate = {
      description: `Connect A to the non-adjacent vertices ${diagonals.join(', ')}, splitting the polygon into ${n - 2} numbered triangles`,
      code: lines(`// diagonals from A split the polygon into ${n - 2} triangles`, `const { ${names.join(', ')} } = state;`, ...diagonals.map((d) => `vt.connect(A, ${d});`), ...labels),
    };
    const asked = angleAt(model[(p.ask + n - 1) % n]!, model[p.ask]!, model[(p.ask + 1) % n]!);
    const known = p.angles.filter((_, i) => i !== p.ask);
    const knownSum = known.reduce((a, b) => a + b, 0);
    const total = (n - 2) * 180;
    const polygonName = names.join('');
    const givens = names.map((name, i) => (i === p.ask ? null : `∠${name} = ${p.angles[i]}°`)).filter(Boolean).join(', ');
    const question = `In the convex polygon ${polygonName}, ${givens}. What is the measure of the angle x at ${names[p.ask]}?`;
    const steps = [
      `The diagonals from A to ${diagonals.join(', ')} split the ${NUMBERS[n] ?? n}-sided polygon into ${n - 2} triangles whose angles together make up exactly the polygon's interior angles.`,
      `So the interior angles sum to ${n - 2} × 180° = ${total}°.`,
      `The known angles sum to ${known.join('° + ')}° = ${knownSum}°, so x = ${total}° − ${knownSum}° = ${degrees(asked)}.`,
    ];
    const correct = degrees(asked);
    const wrong = [...numericDistractors(asked, { step: 10, unit: '°' }), degrees(asked + 180), degrees(360 - asked)];
    const block = answerBlock(p, correct, wrong);
    return {
      knowledge: [
        ['Plane Geometry', 'Polygons', 'Polygon Angles', 'Interior angle sum of a polygon'],
        ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Triangle angle sum'],
        ['Plane Geometry', 'Polygons', 'Polygon Angles', 'Interior angle sum of a polygon', n === 5 ? 'Fan triangulation of a pentagon' : 'Fan triangulation of a hexagon'],
      ],
      tools: ['connect points', 'number items', 'triangulate from a vertex'],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions: [triangulate],
    };
  },

  solve(p) {
    const n = p.angles.length;
    return String((n - 2) * 180 - p.angles.reduce((s, a, i) => (i === p.ask ? s : s + a), 0));
  },
});
