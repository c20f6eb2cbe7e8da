import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors } from '../../format.js';
import { axesCode, TO_PX, type Window } from './lib/axes.js';
import { term } from './lib/math.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const VALUES = ['Functions and Graphs', 'Reading Graphs', 'Function Values'];
const AT_POINT = [...VALUES, 'Value of a function at a point'];
const ON_NODE = [...AT_POINT, 'Reading a value at a corner of a piecewise linear graph'];
const ON_PIECE = [...AT_POINT, 'Reading a value inside a linear piece'];
const COMPOSITION = [...AT_POINT, 'Composite function values from one graph'];
const SUM = [...AT_POINT, 'Combining two function values'];

const WINDOW: Window = { xMin: -6, xMax: 6, yMin: -6, yMax: 6, xStep: 1, yStep: 1 };

type Read = { x: number; times: number };
type Params = {
  seed: number;
  /** Corners of the piecewise linear graph: x from -6 to 6 in steps of `gap`, integer y. */
  gap: number;
  ys: number[];
  /** Terms of the asked sum: f applied `times` times to x. */
  reads: Read[];
  choice: boolean;
};

const xsOf = (p: Params) => p.ys.map((_, i) => -6 + i * p.gap);

/** f at every integer, built by walking each piece one unit at a time. */
function table(p: Params): Map<number, number> {
  const out = new Map<number, number>();
  const xs = xsOf(p);
  for (let i = 0; i + 1 < xs.length; i++) {
    const slope = (p.ys[i + 1]! - p.ys[i]!) / p.gap;
    for (let d = 0; d <= p.gap; d++) out.set(xs[i]! + d, p.ys[i]! + slope * d);
  }
  return out;
}

function expr(r: Read): string {
  return `${'f('.repeat(r.times)}${r.x}${')'.repeat(r.times)}`;
}

/** Values of x off the y-axis, not read yet, where f(x) is off the x-axis: their reference lines are visible and new. */
function readable(p: Params, visited: Set<number>): number[] {
  const t = table(p);
  return [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5].filter((x) => !visited.has(x) && t.get(x) !== 0);
}

/** The chain of x values a read visits: x, f(x), f(f(x)), ... */
function chain(t: Map<number, number>, r: Read): number[] {
  const out = [r.x];
  for (let i = 0; i < r.times; i++) out.push(t.get(out.at(-1)!)!);
  return out;
}

export const functionValueReferenceLines = defineBlueprint<Params>({
  id: 'function-value-reference-lines',
  title: 'Function values read off a graph with reference lines',
  domain: 'Functions and Graphs',
  knowledge: [AT_POINT],
  related: [ON_NODE, ON_PIECE, COMPOSITION, SUM],
  tools: ['draw reference line', 'mark point'],
  newTools: ['vertical then horizontal reference line to read f(a)'],
  expansions: ['sequential', 'parallel'],

  params(rng, difficulty) {
    const gap = difficulty === 'hard' ? 1 : 2;
    const steps = difficulty === 'hard' ? [-2, -1, 0, 1, 2] : [-4, -2, 0, 2, 4];
    // With gap 2 the corners stay even, so every integer x has an integer value and f(f(x)) is defined.
    const lim = gap === 2 ? 4 : 5;
    for (;;) {
      const ys = [rng.int(-2, 2) * 2];
      while (ys.length < 12 / gap + 1) ys.push(Math.max(-lim, Math.min(lim, ys.at(-1)! + rng.pick(steps))));
      const p: Params = { seed: instanceSeed(rng), gap, ys, reads: [], choice: difficulty === 'medium' };
      const xs = readable(p, new Set());
      if (xs.length) return { ...p, reads: [{ x: rng.pick(xs), times: 1 }] };
    }
  },

  build(p) {
    const t = table(p);
    const corners = xsOf(p).map((x, i) => `[${x}, ${p.ys[i]}]`).join(', ');
    const figureCode = lines(
      axesCode(WINDOW),
      `vt.polyline([${corners}].map(([x, y]) => ax.toPx(x, y)), { color: '#1f77b4', width: 2.5 });`,
      `vt.label(ax.toPx(6, ${p.ys.at(-1)}), 'y = f(x)', { color: '#1f77b4', labelOffset: { dx: -70, dy: ${p.ys.at(-1)! > 3 ? 24 : -14} } });`,
      'vt.export({ O, U });',
    );
    const interactions = [];
    const steps = [];
    for (const r of p.reads) {
      const xs = chain(t, r);
      for (let i = 0; i < r.times; i++) {
        const [x, y] = [xs[i]!, xs[i + 1]!];
        interactions.push({
          description: `Draw a vertical reference line from x = ${x} up to the graph and a horizontal reference line from there to the y-axis`,
          code: lines(TO_PX, `const P = toPx(${x}, ${num(y)});`, `vt.segment(toPx(${x}, 0), P, vt.aux);`, 'vt.segment(P, toPx(0, ' + num(y) + '), vt.aux);', `vt.point(P.x, P.y, '', { color: '#d62728' });`),
        });
        steps.push(`The vertical reference line at x = ${x} meets the graph at height ${num(y)} on the y-axis, so f(${x}) = ${num(y)}${i > 0 ? ` and ${expr({ x: r.x, times: i + 1 })} = ${num(y)}` : ''}.`);
      }
    }
    const terms = p.reads.map((r) => chain(t, r).at(-1)!);
    const value = terms.reduce((s, v) => s + v, 0);
    const asked = p.reads.map(expr).join(' + ');
    if (p.reads.length > 1) steps.push(`${asked} = ${terms.map((v, i) => (i ? term(v) : num(v))).join(' + ')} = ${num(value)}.`);
    const answer = p.choice ? multipleChoice(num(value), [...numericDistractors(value, { step: 1, min: -100 }), num(-value), num(value + 2)], p.seed, 'value') : fillIn(num(value));
    const nested = p.reads.some((r) => r.times > 1);
    const onNode = p.reads.every((r) => r.x % p.gap === 0);
    return {
      knowledge: [AT_POINT, onNode ? ON_NODE : ON_PIECE, ...(nested ? [COMPOSITION] : []), ...(p.reads.length > 1 ? [SUM] : [])],
      tools: ['draw reference line', 'mark point', 'vertical then horizontal reference line to read f(a)'],
      ...answer,
      figureCode,
      question: `The figure shows the graph of y = f(x) for -6 ≤ x ≤ 6; it is made of straight pieces. What is the value of ${asked}?`,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    const xs = xsOf(p);
    // Linear interpolation on the piece that contains x.
    const f = (x: number) => {
      const i = Math.min(xs.length - 2, Math.max(0, Math.floor((x + 6) / p.gap)));
      const [x0, x1, y0, y1] = [xs[i]!, xs[i + 1]!, p.ys[i]!, p.ys[i + 1]!];
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    };
    let total = 0;
    for (const r of p.reads) {
      let v = r.x;
      for (let i = 0; i < r.times; i++) v = f(v);
      total += v;
    }
    return num(total);
  },

  expand(p, mode, rng) {
    const used = p.reads.reduce((s, r) => s + r.times, 0);
    if (used >= 3) return null;
    // Every interaction reads f at a new x, so each one draws new reference lines.
    const t = table(p);
    const visited = new Set(p.reads.flatMap((r) => chain(t, r).slice(0, -1)));
    if (mode === 'sequential') {
      const last = p.reads.at(-1)!;
      const next = chain(t, last).at(-1)!;
      return readable(p, visited).includes(next) ? { ...p, reads: [...p.reads.slice(0, -1), { ...last, times: last.times + 1 }] } : null;
    }
    const xs = readable(p, visited);
    return xs.length ? { ...p, reads: [...p.reads, { x: rng.pick(xs), times: 1 }] } : null;
  },
});
