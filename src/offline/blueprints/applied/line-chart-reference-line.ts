import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors } from '../../format.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered, type AnswerFields } from './lib/draft.js';

const LINE = ['Statistics and Charts', 'Charts', 'Line Charts'];
const READ = [...LINE, 'Reading a line chart value'];
const MEAN = ['Statistics and Charts', 'Descriptive Statistics', 'Averages', 'Mean from a chart'];
const TWO_SERIES = [...READ, 'Reading one series of a two-series chart'];
const ONE_SERIES = [...READ, 'Reading a single-series chart'];
const CHANGE = [...READ, 'Change between two labels'];
const ABOVE_LEVEL = [...READ, 'Counting points above a level'];
const BETWEEN_LEVELS = [...READ, 'Counting points between two levels'];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'];
const TOPICS = [
  { title: 'Rainfall (mm)', what: 'the rainfall', unit: 'mm', series: ['Northtown', 'Southport'] },
  { title: 'Visitors (hundreds)', what: 'the number of visitors, in hundreds,', unit: '', series: ['Museum', 'Gallery'] },
  { title: 'Bikes sold', what: 'the number of bikes sold', unit: '', series: ['Shop A', 'Shop B'] },
] as const;

const CHART = { x: 50, y: 50, w: 430, h: 430 };
const COLORS = ['#1f77b4', '#ff7f0e'];

type Params = {
  seed: number;
  topic: number;
  /** One or two series of monthly values (multiples of 5); the question is about series 0. */
  series: number[][];
  reads: number[];
  /** Months whose level is carried across the chart as a line: the first read month (sequential), then a higher one (parallel). */
  levels: number[];
};

/** The solver's route: a point's pixel height back to a value on the axis (the chart spans 0 to 100). */
function readOff(p: Params, i: number): number {
  const y = CHART.y + CHART.h - (p.series[0]![i]! / 100) * CHART.h;
  return Math.round(((CHART.y + CHART.h - y) / CHART.h) * 100);
}

function question(p: Params): string {
  const t = TOPICS[p.topic]!;
  const where = p.series.length > 1 ? ` for ${t.series[0]}` : '';
  const m = (i: number) => MONTH_NAMES[i]!;
  const [a, b, c] = p.reads as [number, number?, number?];
  const intro = `The line chart shows ${t.what} each month${p.series.length > 1 ? ` for ${t.series[0]} and ${t.series[1]}` : ''}, without value labels.`;
  const [l1, l2] = p.levels as [number?, number?];
  if (l2 !== undefined) return `${intro} In how many of the months shown was ${t.what}${where} higher than in ${m(l1!)} but lower than in ${m(l2)}?`;
  if (l1 !== undefined) return `${intro} In how many of the months shown was ${t.what}${where} higher than in ${m(l1)}?`;
  if (c !== undefined) return `${intro} What was the mean of ${t.what}${where} over ${m(a)}, ${m(b!)} and ${m(c)}?`;
  if (b !== undefined) return `${intro} By how much was ${t.what}${where} in ${m(a)} higher than in ${m(b)}?`;
  return `${intro} What was ${t.what}${where} in ${m(a)}?`;
}

export const lineChartReferenceLine = defineBlueprint<Params>({
  id: 'line-chart-reference-line',
  title: 'Reading a line chart with reference lines',
  domain: 'Statistics and Charts',
  knowledge: [READ, MEAN],
  related: [ONE_SERIES, TWO_SERIES, CHANGE, ABOVE_LEVEL, BETWEEN_LEVELS],
  tools: ['draw reference line'],
  newTools: ['vertical and horizontal guide lines to a data point', 'level line across a chart'],
  expansions: ['sequential', 'parallel'],

  params(rng, difficulty) {
    const months = difficulty === 'easy' ? 6 : 8;
    const pool = Array.from({ length: 18 }, (_, i) => (i + 1) * 5);
    const seriesCount = difficulty === 'hard' ? 2 : 1;
    const series = Array.from({ length: seriesCount }, () => rng.sample(pool, months));
    return { seed: instanceSeed(rng), topic: rng.int(0, TOPICS.length - 1), series, reads: [rng.int(0, months - 1)], levels: [] };
  },

  build(p) {
    const t = TOPICS[p.topic]!;
    const v = p.series[0]!;
    const n = v.length;
    const labels = MONTHS.slice(0, n);
    const seriesCode = p.series.map((s, k) => `{ name: ${JSON.stringify(t.series[k])}, values: ${JSON.stringify(s)}, color: '${COLORS[k]}' }`).join(', ');
    const figureCode = lines(
      `const chart = vt.lineChart({ x: ${CHART.x}, y: ${CHART.y}, w: ${CHART.w}, h: ${CHART.h}, labels: ${JSON.stringify(labels)}, series: [${seriesCode}], min: 0, max: 100, yStep: 10 });`,
      `vt.text(${CHART.x}, ${CHART.y - 16}, ${JSON.stringify(t.title)}, { size: 15 });`,
      `vt.export({ points: Array.from({ length: ${n} }, (_, i) => chart.pointAt(0, i)), axisX: chart.plot.x, right: chart.plot.x + chart.plot.w, zeroY: chart.yToPx(0) });`,
    );
    const interactions = p.reads.map((i) => ({
      description: `Draw reference lines from ${labels[i]} up to the ${p.series.length > 1 ? `${t.series[0]} ` : ''}line and across to the value axis`,
      code: lines(
        `const P = state.points[${i}];`,
        'vt.segment({ x: P.x, y: state.zeroY }, P, vt.aux);',
        'vt.segment(P, { x: state.axisX, y: P.y }, vt.aux);',
        `vt.point(P.x, P.y, '', { color: '#d62728' });`,
      ),
    }));
    const steps = p.reads.map((i) => `The reference lines from ${labels[i]} meet the line at a point level with ${v[i]} on the value axis, so the value in ${MONTH_NAMES[i]} is ${v[i]}.`);
    const [a, b, c] = p.reads as [number, number?, number?];
    let answer: AnswerFields;
    const related = [p.series.length > 1 ? TWO_SERIES : ONE_SERIES];
    const knowledge = [READ];
    if (p.levels.length) {
      const [lo, hi] = p.levels as [number, number?];
      interactions.push({
        description: `Extend the horizontal reference line at the ${labels[lo]} level across the whole chart`,
        code: lines(`const y = state.points[${lo}].y;`, `vt.segment({ x: state.axisX, y }, { x: state.right, y }, { color: '#2ca02c', dash: [6, 4], width: 2 });`),
      });
      const inBand = (x: number) => x > v[lo]! && (hi === undefined || x < v[hi]!);
      if (hi !== undefined) {
        interactions.push({
          description: `Draw a horizontal level line through the ${labels[hi]} point across the whole chart`,
          code: lines(`const y = state.points[${hi}].y;`, `vt.segment({ x: state.axisX, y }, { x: state.right, y }, { color: '#9467bd', dash: [6, 4], width: 2 });`),
        });
      }
      const band = v.map((x, i) => (inBand(x) ? labels[i] : null)).filter((x): x is string => x !== null);
      steps.push(
        hi === undefined
          ? `Extending the horizontal reference line at ${v[lo]} across the chart, the points above it are: ${band.length ? band.join(', ') : 'none'}; that is ${band.length} month(s).`
          : `Between the level line at ${v[lo]} (${labels[lo]}) and the level line through ${labels[hi]} lie the points: ${band.length ? band.join(', ') : 'none'}; that is ${band.length} month(s).`,
      );
      answer = fillIn(num(band.length));
      related.push(hi === undefined ? ABOVE_LEVEL : BETWEEN_LEVELS);
    } else if (c !== undefined) {
      const mean = (v[a]! + v[b!]! + v[c]!) / 3;
      steps.push(`The mean is (${v[a]} + ${v[b!]} + ${v[c]}) / 3 = ${num(mean)}.`);
      answer = fillIn(num(mean));
      knowledge.push(MEAN);
    } else if (b !== undefined) {
      const diff = v[a]! - v[b]!;
      steps.push(`The difference is ${v[a]} - ${v[b]} = ${diff}.`);
      answer = multipleChoice(num(diff), numericDistractors(diff, { step: 5 }), p.seed, 'diff');
      related.push(CHANGE);
    } else {
      answer = p.series.length > 1 ? multipleChoice(num(v[a]!), [...numericDistractors(v[a]!, { step: 5 }), num(p.series[1]![a]!)], p.seed, 'read') : fillIn(num(v[a]!));
    }
    return {
      knowledge: [...knowledge, ...related],
      tools: p.levels.length ? ['draw reference line', 'level line across a chart'] : ['draw reference line', 'vertical and horizontal guide lines to a data point'],
      ...answer,
      figureCode,
      question: question(p),
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    const [a, b, c] = p.reads as [number, number?, number?];
    const [lo, hi] = p.levels as [number?, number?];
    if (lo !== undefined) return num(p.series[0]!.filter((_, i) => readOff(p, i) > readOff(p, lo) && (hi === undefined || readOff(p, i) < readOff(p, hi))).length);
    if (c !== undefined) return num((readOff(p, a) + readOff(p, b!) + readOff(p, c)) / 3);
    if (b !== undefined) return num(readOff(p, a) - readOff(p, b));
    return num(readOff(p, a));
  },

  expand(p, mode, rng) {
    const v = p.series[0]!;
    const first = p.reads[0]!;
    if (p.levels.length === 1) {
      // A second level above the first, with at least one month in between.
      const higher = v.map((_, i) => i).filter((i) => v.filter((x) => x > v[first]! && x < v[i]!).length > 0);
      return mode === 'parallel' && higher.length ? { ...p, levels: [first, rng.pick(higher)] } : null;
    }
    if (p.levels.length || p.reads.length >= 3) return null;
    if (mode === 'sequential') return p.reads.length === 1 ? { ...p, levels: [first] } : null;
    const others = v.map((_, i) => i).filter((i) => !p.reads.includes(i));
    const candidates = p.reads.length === 1 ? others.filter((i) => v[i]! < v[first]!) : others;
    return candidates.length ? { ...p, reads: [...p.reads, rng.pick(candidates)] } : null;
  },
});
