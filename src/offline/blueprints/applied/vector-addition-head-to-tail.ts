import { defineBlueprint } from '../../blueprint.js';
import { num } from '../../format.js';
import { radical, term } from './lib/math.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const VECTORS = ['Physics Diagrams', 'Vectors', 'Vector Operations'];
const HEAD_TO_TAIL = [...VECTORS, 'Vector addition head to tail'];
const COMPONENTS = [...VECTORS, 'Vector components'];
const TWO = [...HEAD_TO_TAIL, 'Magnitude of a resultant on a grid'];
const THREE = [...HEAD_TO_TAIL, 'Resultant of three vectors in a chain'];

const GRID = { x: 46, y: 50, unit: 35, n: 12 };

type V = [number, number];
type Params = {
  seed: number;
  /** Components (grid units, y up) and tail lattice points of a, b, c. */
  comps: V[];
  tails: V[];
  /** How many vectors are added: 2, or 3 after the sequential expansion. */
  count: number;
  choice: boolean;
};

const NAMES = ['a', 'b', 'c'];
const COLORS = ['#1f77b4', '#ff7f0e', '#9467bd'];
const toPx = ([x, y]: V) => ({ x: GRID.x + x * GRID.unit, y: GRID.y + (GRID.n - y) * GRID.unit });
const inside = ([x, y]: V) => x >= 0 && x <= GRID.n && y >= 0 && y <= GRID.n;

export const vectorAdditionHeadToTail = defineBlueprint<Params>({
  id: 'vector-addition-head-to-tail',
  title: 'Adding vectors head to tail on a grid',
  domain: 'Physics Diagrams',
  knowledge: [HEAD_TO_TAIL, COMPONENTS],
  related: [TWO, THREE],
  tools: ['complete vector triangle'],
  newTools: ['translate a vector to the head of another'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    const r = difficulty === 'easy' ? 3 : difficulty === 'medium' ? 4 : 5;
    for (;;) {
      const comps = [0, 1, 2].map((): V => [rng.int(-r, r), rng.int(-r, r)]);
      if (comps.some(([x, y]) => x === 0 && y === 0 || Math.abs(x) + Math.abs(y) < 2)) continue;
      const [a, b, c] = comps as [V, V, V];
      if (a[0] * b[1] === a[1] * b[0] || (a[0] + b[0]) * c[1] === (a[1] + b[1]) * c[0]) continue;
      const tails = [0, 1, 2].map((): V => [rng.int(0, GRID.n), rng.int(0, GRID.n)]);
      const [ta, tb, tc] = tails as [V, V, V];
      const chain: V[] = [ta, [ta[0] + a[0], ta[1] + a[1]], [ta[0] + a[0] + b[0], ta[1] + a[1] + b[1]], [ta[0] + a[0] + b[0] + c[0], ta[1] + a[1] + b[1] + c[1]]];
      const heads = tails.map((t, i): V => [t[0] + comps[i]![0], t[1] + comps[i]![1]]);
      const mids = tails.map((t, i) => [t[0] + comps[i]![0] / 2, t[1] + comps[i]![1] / 2]);
      const apart = mids.every((m, i) => mids.every((q, j) => i === j || Math.hypot(m[0]! - q[0]!, m[1]! - q[1]!) >= 3.5));
      if (![...chain, tb, tc, ...heads].every(inside) || !apart) continue;
      const sum = [0, 1, 2].map((k) => comps.slice(0, k + 1).reduce((s, v) => [s[0] + v[0], s[1] + v[1]], [0, 0]));
      if (sum.slice(1).some(([x, y]) => x === 0 && y === 0)) continue;
      return { seed: instanceSeed(rng), comps, tails, count: 2, choice: difficulty !== 'hard' };
    }
  },

  build(p) {
    const ends = p.tails.map((t, i) => ({ tail: toPx(t), head: toPx([t[0] + p.comps[i]![0], t[1] + p.comps[i]![1]]) }));
    const figureCode = lines(
      `vt.grid({ x: ${GRID.x}, y: ${GRID.y}, w: ${GRID.unit * GRID.n}, h: ${GRID.unit * GRID.n}, step: ${GRID.unit} }, { color: '#ccc', width: 1 });`,
      `const vecs = ${JSON.stringify(Object.fromEntries(ends.map((e, i) => [NAMES[i], e])))};`,
      `const colors = ${JSON.stringify(COLORS)};`,
      'Object.entries(vecs).forEach(([n, v], i) => {',
      '  vt.arrow(v.tail, v.head, { color: colors[i], width: 3 });',
      "  vt.label({ x: (v.tail.x + v.head.x) / 2, y: (v.tail.y + v.head.y) / 2 }, n, { color: colors[i], size: 20 });",
      '});',
      `vt.text(${GRID.x}, 36, 'Each grid square is 1 unit', { size: 15 });`,
      'vt.export({ ...vecs, sum: vecs.a });',
    );
    const interactions = [];
    const steps = [];
    let sumPx = ends[0]!;
    for (let k = 1; k < p.count; k++) {
      const v = NAMES[k]!;
      const shift = { x: sumPx.head.x - ends[k]!.tail.x, y: sumPx.head.y - ends[k]!.tail.y };
      sumPx = { tail: ends[0]!.tail, head: { x: ends[k]!.head.x + shift.x, y: ends[k]!.head.y + shift.y } };
      const label = NAMES.slice(0, k + 1).join(' + ');
      interactions.push({
        description: `Move ${v} so that its tail is at the head of ${k === 1 ? 'a' : 'a + b'}, and draw the resultant ${label}`,
        code: lines(
          `const { sum, ${v} } = state;`,
          `const end = { x: ${v}.head.x + sum.head.x - ${v}.tail.x, y: ${v}.head.y + sum.head.y - ${v}.tail.y };`,
          `vt.arrow(sum.head, end, { ...vt.aux, color: '${COLORS[k]}' });`,
          `vt.arrow(sum.tail, end, { color: '#2ca02c', width: 3 });`,
          `vt.label(end, '${label}', { color: '#2ca02c' });`,
          'vt.export({ sum: { tail: sum.tail, head: end } });',
        ),
      });
    }
    // Components read off the grid from the resultant's drawn end points.
    const rx = Math.round((sumPx.head.x - sumPx.tail.x) / GRID.unit);
    const ry = Math.round((sumPx.tail.y - sumPx.head.y) / GRID.unit);
    const label = NAMES.slice(0, p.count).join(' + ');
    steps.push(`Placing ${NAMES.slice(1, p.count).join(' and then ')} head to tail after a, the resultant ${label} runs from the tail of a to the last head.`);
    steps.push(`Counting grid squares, the resultant goes ${Math.abs(rx)} ${rx >= 0 ? 'right' : 'left'} and ${Math.abs(ry)} ${ry >= 0 ? 'up' : 'down'}.`);
    const n = rx * rx + ry * ry;
    steps.push(`Its magnitude is √(${term(rx)}² + ${term(ry)}²) = √${n}${p.choice ? (radical(n) === `√${n}` ? '' : ` = ${radical(n)}`) : ` ≈ ${num(Math.sqrt(n))}`} units.`);
    const wrong = [n + 2, n - 2, n + 4, n + 8, (Math.abs(rx) + 1) ** 2 + ry * ry, rx * rx + (Math.abs(ry) + 1) ** 2].filter((x) => x > 0);
    const answer = p.choice ? multipleChoice(radical(n), wrong.map(radical), p.seed, 'mag') : fillIn(num(Math.sqrt(n)));
    return {
      knowledge: [HEAD_TO_TAIL, COMPONENTS, p.count > 2 ? THREE : TWO],
      tools: ['complete vector triangle', 'translate a vector to the head of another'],
      ...answer,
      figureCode,
      question: `The figure shows the vectors a, b and c on a square grid. What is the magnitude of ${label}, in grid units${p.choice ? '' : ' (to 2 decimal places)'}?`,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    const [x, y] = p.comps.slice(0, p.count).reduce((s, v) => [s[0] + v[0], s[1] + v[1]], [0, 0]);
    return p.choice ? radical(x * x + y * y) : num(Math.hypot(x, y));
  },

  expand(p, mode) {
    return mode === 'sequential' && p.count === 2 ? { ...p, count: 3 } : null;
  },
});
