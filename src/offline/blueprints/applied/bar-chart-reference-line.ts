import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors, str } from '../../format.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered, type AnswerFields } from './lib/draft.js';

const BAR = ['Statistics and Charts', 'Charts', 'Bar Charts'];
const READ = [...BAR, 'Reading a bar value'];
const COMPARE = [...BAR, 'Comparing bars'];
const ON_GRIDLINE = [...READ, 'Reading a value on a gridline'];
const BETWEEN = [...READ, 'Reading a value between gridlines'];
const DIFFERENCE = [...COMPARE, 'Difference of two bar values'];
const TOTAL = [...COMPARE, 'Total of several bar values'];
const LEVEL = [...COMPARE, 'Finding the bar at a given level'];

const TOPICS = [
  { title: 'Books read by each class', labels: ['7A', '7B', '7C', '7D', '7E', '7F', '7G'], item: 'class', unit: 'books', did: 'read', do: 'read' },
  { title: 'Tickets sold each day', labels: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], item: 'day', unit: 'tickets', did: 'sold', do: 'sell' },
  { title: 'Trees planted by each team', labels: ['Ash', 'Birch', 'Cedar', 'Elm', 'Fir', 'Oak', 'Pine'], item: 'team', unit: 'trees', did: 'planted', do: 'plant' },
] as const;

/** The chart box (the library places the value axis inside it, at `chart.plot.x`). */
const CHART = { x: 50, y: 40, w: 430, h: 440 };

type Params = {
  seed: number;
  topic: number;
  values: number[];
  max: number;
  /** Bars whose values are read, in order; more than one after parallel expansions. */
  reads: number[];
  /** Sequential expansion: the bar exactly `gap` below the first read bar, found with a level line. */
  match: { bar: number; gap: number } | null;
};

function question(p: Params, labels: readonly string[]): string {
  const t = TOPICS[p.topic]!;
  const who = (i: number) => `${t.item} ${labels[i]}`;
  const [a, b, c] = p.reads as [number, number?, number?];
  const intro = `The bar chart shows the ${t.unit} ${t.did} by each ${t.item}; the bars carry no value labels.`;
  if (p.match) return `${intro} Which ${t.item} ${t.did} exactly ${p.match.gap} fewer ${t.unit} than ${who(a)}?`;
  if (c !== undefined) return `${intro} How many ${t.unit} did ${who(a)}, ${who(b!)} and ${who(c)} ${t.do} in total?`;
  if (b !== undefined) return `${intro} How many more ${t.unit} did ${who(a)} ${t.do} than ${who(b)}?`;
  return `${intro} How many ${t.unit} did ${who(a)} ${t.do}?`;
}

/** The solver's route: the bar top's pixel height converted back to a value on the axis. */
function readOff(p: Params, i: number): number {
  const topY = CHART.y + CHART.h - (p.values[i]! / p.max) * CHART.h;
  return Math.round(((CHART.y + CHART.h - topY) / CHART.h) * p.max);
}

export const barChartReferenceLine = defineBlueprint<Params>({
  id: 'bar-chart-reference-line',
  title: 'Reading a bar chart with a reference line',
  domain: 'Statistics and Charts',
  knowledge: [READ, COMPARE],
  related: [ON_GRIDLINE, BETWEEN, DIFFERENCE, TOTAL, LEVEL],
  tools: ['draw reference line', 'highlight region'],
  newTools: ['horizontal reference line from a bar top', 'level line across a chart'],
  expansions: ['parallel', 'sequential'],

  params(rng, difficulty) {
    const count = difficulty === 'easy' ? 5 : difficulty === 'medium' ? 6 : 7;
    const step = difficulty === 'easy' ? 10 : 5;
    const pool = Array.from({ length: 100 / step - 1 }, (_, i) => (i + 1) * step);
    const values = rng.sample(pool, count);
    return { seed: instanceSeed(rng), topic: rng.int(0, TOPICS.length - 1), values, max: 100, reads: [rng.int(0, count - 1)], match: null };
  },

  build(p) {
    const t = TOPICS[p.topic]!;
    const v = p.values;
    const labels = t.labels.slice(0, v.length);
    const first = p.reads[0]!;
    const figureCode = lines(
      `const chart = vt.barChart({ x: ${CHART.x}, y: ${CHART.y}, w: ${CHART.w}, h: ${CHART.h}, labels: ${JSON.stringify(labels)}, values: ${JSON.stringify(v)}, max: ${p.max}, yStep: 10, title: ${str(t.title)} });`,
      'vt.export({ tops: chart.bars.map((b) => b.top), axisX: chart.plot.x, right: chart.plot.x + chart.plot.w, zeroY: chart.yToPx(0), unitY: chart.yToPx(1) - chart.yToPx(0) });',
    );
    const interactions = p.reads.map((i) => ({
      description: `Draw a horizontal reference line from the top of bar ${labels[i]} to the value axis`,
      code: lines(`const T = state.tops[${i}];`, 'vt.segment(T, { x: state.axisX, y: T.y }, vt.aux);', `vt.point(state.axisX, T.y, '', { color: '#d62728' });`),
    }));
    const steps = p.reads.map((i) => `The horizontal reference line from the top of bar ${labels[i]} meets the value axis at ${v[i]}, so ${t.item} ${labels[i]} ${t.did} ${v[i]} ${t.unit}.`);
    let answer: AnswerFields;
    const related = [p.reads.some((i) => v[i]! % 10 !== 0) ? BETWEEN : ON_GRIDLINE];
    if (p.match) {
      const level = v[first]! - p.match.gap;
      interactions.push({
        description: `Draw a horizontal level line at ${level} across the chart and highlight the bar whose top it touches`,
        code: lines(
          `const y = state.zeroY + ${level} * state.unitY;`,
          `vt.segment({ x: state.axisX, y }, { x: state.right, y }, { color: '#2ca02c', dash: [6, 4], width: 2 });`,
          `const T = state.tops[${p.match.bar}];`,
          `vt.highlight(T.x - 24, T.y - 12, 48, 24, { color: '#2ca02c' });`,
        ),
      });
      steps.push(`${v[first]} - ${p.match.gap} = ${level}; the horizontal level line at ${level} touches the top of bar ${labels[p.match.bar]} only.`);
      answer = multipleChoice(labels[p.match.bar]!, labels.filter((_, i) => i !== p.match!.bar), p.seed, 'match');
      related.push(LEVEL);
    } else if (p.reads.length === 3) {
      const total = p.reads.reduce((s, i) => s + v[i]!, 0);
      steps.push(`In total: ${p.reads.map((i) => v[i]).join(' + ')} = ${total}.`);
      answer = fillIn(num(total));
      related.push(TOTAL);
    } else if (p.reads.length === 2) {
      const diff = v[first]! - v[p.reads[1]!]!;
      steps.push(`The difference is ${v[first]} - ${v[p.reads[1]!]} = ${diff}.`);
      answer = multipleChoice(num(diff), numericDistractors(diff, { step: 5 }), p.seed, 'diff');
      related.push(DIFFERENCE);
    } else {
      const value = num(v[first]!);
      answer = v.length === 7 ? multipleChoice(value, numericDistractors(v[first]!, { step: 5 }), p.seed, 'read') : fillIn(value);
    }
    return {
      knowledge: [READ, ...(p.reads.length > 1 || p.match ? [COMPARE] : []), ...related],
      tools: p.match ? ['draw reference line', 'horizontal reference line from a bar top', 'level line across a chart', 'highlight region'] : ['draw reference line', 'horizontal reference line from a bar top'],
      ...answer,
      figureCode,
      question: question(p, labels),
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    const [a, b, c] = p.reads as [number, number?, number?];
    if (p.match) {
      const level = readOff(p, a) - p.match.gap;
      const hit = p.values.findIndex((_, i) => readOff(p, i) === level);
      return TOPICS[p.topic]!.labels[hit]!;
    }
    if (c !== undefined) return num(readOff(p, a) + readOff(p, b!) + readOff(p, c));
    if (b !== undefined) return num(readOff(p, a) - readOff(p, b));
    return num(readOff(p, a));
  },

  expand(p, mode, rng) {
    if (p.match || p.reads.length >= 3) return null;
    const v = p.values;
    const first = p.reads[0]!;
    const others = v.map((_, i) => i).filter((i) => !p.reads.includes(i));
    if (mode === 'parallel') {
      // A difference question needs a lower second bar; a third read can be any other bar.
      const candidates = p.reads.length === 1 ? others.filter((i) => v[i]! < v[first]!) : others;
      return candidates.length ? { ...p, reads: [...p.reads, rng.pick(candidates)] } : null;
    }
    if (p.reads.length !== 1) return null;
    const below = others.filter((i) => v[i]! < v[first]!);
    if (below.length === 0) return null;
    const bar = rng.pick(below);
    return { ...p, match: { bar, gap: v[first]! - v[bar]! } };
  },
});
