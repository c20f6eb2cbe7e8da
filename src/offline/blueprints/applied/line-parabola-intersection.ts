import { defineBlueprint } from '../../blueprint.js';
import { num } from '../../format.js';
import { axesCode, TO_PX, type Window } from './lib/axes.js';
import { term as paren } from './lib/math.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered, type AnswerFields } from './lib/draft.js';

const PARABOLAS = ['Functions and Graphs', 'Quadratic Functions', 'Parabolas'];
const MEET = [...PARABOLAS, 'Line and parabola intersection'];
const AXIS = [...PARABOLAS, 'Axis of symmetry of a parabola'];
const VERTEX = [...PARABOLAS, 'Vertex of a parabola'];
const READ_POINT = [...MEET, 'Reading intersection coordinates with reference lines'];
const SYMMETRY_DISTANCE = [...AXIS, 'Distance from the axis to a point of the graph'];
const TRIANGLE = [...VERTEX, 'Triangle formed by the vertex and two intersection points'];

const WINDOW: Window = { xMin: -6, xMax: 6, yMin: -8, yMax: 8, xStep: 1, yStep: 1 };

type Params = {
  seed: number;
  /** y = a(x - h)^2 + k */
  a: number;
  h: number;
  k: number;
  /** y = m x + c, through the parabola at x = r1 < r2. */
  m: number;
  c: number;
  r1: number;
  r2: number;
  ask: 'right-x' | 'left-point' | 'sum-y';
  /** Expansion steps: 'axis' (axis of symmetry), then 'vertex' (reference line from the vertex). */
  extra: ('axis' | 'vertex')[];
};

const f = (p: Params, x: number) => p.a * (x - p.h) ** 2 + p.k;

function term(coef: number, body: string): string {
  if (coef === 1) return body;
  if (coef === -1) return `-(${body})`;
  return `${num(coef)} * ${body}`;
}

function shift(x: string, d: number): string {
  return d === 0 ? x : d > 0 ? `${x} - ${num(d)}` : `${x} + ${num(-d)}`;
}

function plus(d: number): string {
  return d === 0 ? '' : d > 0 ? ` + ${num(d)}` : ` - ${num(-d)}`;
}

/** A place on the graph of g to put its label: inside the window and away from the intersections. */
function labelX(p: Params, g: (x: number) => number): number {
  for (let x = 5.5; x >= -5.5; x -= 0.5) {
    if (g(x) > -7 && g(x) < 7 && Math.abs(x - p.r1) > 1.5 && Math.abs(x - p.r2) > 1.5) return x;
  }
  return 0;
}

export const lineParabolaIntersection = defineBlueprint<Params>({
  id: 'line-parabola-intersection',
  title: 'Intersection of a line and a parabola read with reference lines',
  domain: 'Functions and Graphs',
  knowledge: [MEET, AXIS, VERTEX],
  related: [READ_POINT, SYMMETRY_DISTANCE, TRIANGLE],
  tools: ['draw reference line', 'mark point', 'draw symmetry axis'],
  newTools: ['reference lines from an intersection to both axes'],
  expansions: ['parallel', 'sequential'],

  params(rng, difficulty) {
    const a = difficulty === 'easy' ? 1 : difficulty === 'medium' ? rng.pick([1, -1]) : rng.pick([0.5, -0.5]);
    for (;;) {
      const h = rng.int(-2, 2);
      const k = rng.int(-6, 6);
      const [r1, r2] = rng.sample([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5], 2).sort((x, y) => x - y) as [number, number];
      if (Math.abs(a) === 0.5 && ((r1 - h) % 2 !== 0 || (r2 - h) % 2 !== 0)) continue;
      const p0 = { a, h, k, r1, r2 } as Params;
      const y1 = f(p0, r1);
      const y2 = f(p0, r2);
      const m = (y2 - y1) / (r2 - r1);
      if (Math.abs(y1) > 7 || Math.abs(y2) > 7 || Math.abs(m) > 4 || m === 0 || r1 === h || r2 === h || y1 === 0 || y2 === 0) continue;
      const ask = difficulty === 'easy' ? 'right-x' : difficulty === 'medium' ? 'left-point' : 'sum-y';
      return { seed: instanceSeed(rng), a, h, k, m, c: y1 - m * r1, r1, r2, ask, extra: [] };
    }
  },

  build(p) {
    const y1 = f(p, p.r1);
    const y2 = f(p, p.r2);
    const line = (x: number) => p.m * x + p.c;
    const px = labelX(p, (x) => f(p, x));
    const lx = labelX(p, line);
    const figureCode = lines(
      axesCode(WINDOW),
      `ax.plot((x) => ${term(p.a, `(${shift('x', p.h)}) ** 2`)}${plus(p.k)}, { color: '#1f77b4', width: 2.5 });`,
      `ax.plot((x) => ${p.m === 0 ? '0' : term(p.m, 'x')}${plus(p.c)}, { color: '#2ca02c', width: 2.5 });`,
      `vt.label(ax.toPx(${num(px)}, ${num(f(p, px))}), 'parabola', { color: '#1f77b4' });`,
      `vt.label(ax.toPx(${num(lx)}, ${num(line(lx))}), 'line ℓ', { color: '#2ca02c' });`,
      'vt.export({ O, U });',
    );
    const interactions = [
      {
        description: 'Mark the two intersection points A and B and draw reference lines from them to both axes',
        code: lines(
          TO_PX,
          `for (const [X, Y, name] of [[${p.r1}, ${num(y1)}, 'A'], [${p.r2}, ${num(y2)}, 'B']]) {`,
          '  const P = toPx(X, Y);',
          '  vt.segment(P, toPx(X, 0), vt.aux);',
          '  vt.segment(P, toPx(0, Y), vt.aux);',
          "  vt.point(P.x, P.y, name, { color: '#d62728' });",
          '}',
        ),
      },
    ];
    const steps = [
      `The reference lines from the intersection points to the axes give A(${p.r1}, ${num(y1)}) and B(${p.r2}, ${num(y2)}).`,
    ];
    const intro = 'The figure shows a parabola and the line ℓ on a coordinate grid.';
    const knowledge = [MEET, READ_POINT];
    let q: string;
    let answer: AnswerFields;
    if (p.extra.includes('vertex')) {
      interactions.push(axisInteraction(p));
      interactions.push({
        description: 'Draw a horizontal reference line from the vertex V to the y-axis',
        code: lines(TO_PX, `const V = toPx(${p.h}, ${p.k});`, 'vt.segment(V, toPx(0, ' + p.k + '), vt.aux);', "vt.point(V.x, V.y, 'V', { color: '#9467bd' });"),
      });
      const area = Math.abs((p.r1 - p.h) * (y2 - p.k) - (p.r2 - p.h) * (y1 - p.k)) / 2;
      steps.push(`The axis of symmetry through the vertex is x = ${p.h}, and the horizontal reference line from the vertex meets the y-axis at ${p.k}, so V(${p.h}, ${p.k}).`);
      steps.push(`Area of triangle ABV = |(${p.r1} - ${paren(p.h)})(${num(y2)} - ${paren(p.k)}) - (${p.r2} - ${paren(p.h)})(${num(y1)} - ${paren(p.k)})| / 2 = ${num(area)}.`);
      q = `${intro} A and B are the points where ℓ meets the parabola, and V is the vertex of the parabola. What is the area of triangle ABV?`;
      answer = fillIn(num(area));
      knowledge.push(VERTEX, TRIANGLE);
    } else if (p.extra.includes('axis')) {
      interactions.push(axisInteraction(p));
      const d = Math.max(Math.abs(p.r1 - p.h), Math.abs(p.r2 - p.h));
      steps.push(`The axis of symmetry is the vertical line x = ${p.h}; the distances to it are |${p.r1} - ${paren(p.h)}| = ${Math.abs(p.r1 - p.h)} and |${p.r2} - ${paren(p.h)}| = ${Math.abs(p.r2 - p.h)}; the larger is ${d}.`);
      q = `${intro} Of the two points where ℓ meets the parabola, take the one farther from the parabola's axis of symmetry. What is its horizontal distance from that axis?`;
      answer = multipleChoice(num(d), [d + 1, d - 1, d + 2, d + 3, Math.min(Math.abs(p.r1 - p.h), Math.abs(p.r2 - p.h)), Math.abs(p.r2 - p.r1)].filter((x) => x > 0).map((x) => num(x)), p.seed, 'axis');
      knowledge.push(AXIS, SYMMETRY_DISTANCE);
    } else if (p.ask === 'right-x') {
      q = `${intro} What is the x-coordinate of the right-hand point where ℓ meets the parabola?`;
      answer = fillIn(num(p.r2));
    } else if (p.ask === 'left-point') {
      q = `${intro} What are the coordinates of the left-hand point where ℓ meets the parabola?`;
      const pt = (x: number, y: number) => `(${num(x)}, ${num(y)})`;
      answer = multipleChoice(pt(p.r1, y1), [pt(y1, p.r1), pt(p.r1, -y1), pt(p.r2, y2), pt(-p.r1, y1), pt(p.r1 + 1, y1)], p.seed, 'point');
    } else {
      steps.push(`The sum of the y-coordinates is ${num(y1)} + ${paren(y2)} = ${num(y1 + y2)}.`);
      q = `${intro} What is the sum of the y-coordinates of the two points where ℓ meets the parabola?`;
      answer = fillIn(num(y1 + y2));
    }
    return {
      knowledge,
      tools: ['draw reference line', 'mark point', ...(p.extra.length ? ['draw symmetry axis'] : []), 'reference lines from an intersection to both axes'],
      ...answer,
      figureCode,
      question: q,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    // Solve a(x - h)^2 + k = m x + c as A x^2 + B x + C = 0 with the quadratic formula.
    const A = p.a;
    const B = -2 * p.a * p.h - p.m;
    const C = p.a * p.h * p.h + p.k - p.c;
    const disc = Math.sqrt(B * B - 4 * A * C);
    const [x1, x2] = [(-B - disc) / (2 * A), (-B + disc) / (2 * A)].sort((u, v) => u - v) as [number, number];
    const [Y1, Y2] = [p.m * x1 + p.c, p.m * x2 + p.c];
    // The vertex from the parabola's expanded form y = a x^2 + b x + c0.
    const b = -2 * p.a * p.h;
    const c0 = p.a * p.h * p.h + p.k;
    const vx = -b / (2 * p.a);
    const vy = c0 - (b * b) / (4 * p.a);
    if (p.extra.includes('vertex')) return num(Math.abs((x2 - x1) * (vy - Y1) - (vx - x1) * (Y2 - Y1)) / 2);
    if (p.extra.includes('axis')) return num(Math.max(Math.abs(x1 - vx), Math.abs(x2 - vx)));
    if (p.ask === 'right-x') return num(x2);
    if (p.ask === 'left-point') return `(${num(x1)}, ${num(Y1)})`;
    return num(Y1 + Y2);
  },

  expand(p, mode) {
    if (mode === 'parallel' && p.extra.length === 0) return { ...p, extra: ['axis'] };
    if (mode === 'sequential' && p.extra.length === 1) return { ...p, extra: ['axis', 'vertex'] };
    return null;
  },
});

function axisInteraction(p: Params) {
  return {
    description: 'Draw the axis of symmetry of the parabola through its vertex',
    code: lines(TO_PX, `vt.segment(toPx(${p.h}, -8), toPx(${p.h}, 8), { color: '#9467bd', dash: [6, 4], width: 2 });`),
  };
}
