import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors } from '../../format.js';
import type { Rng } from '../../rng.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered, type AnswerFields } from './lib/draft.js';

const PIE = ['Statistics and Charts', 'Charts', 'Pie Charts'];
const PERCENT = [...PIE, 'Pie chart percentages'];
const COMPARE = [...PIE, 'Pie chart slice comparison'];
const ANGLE_TO_PERCENT = [...PERCENT, 'Central angle to percentage'];
const ANGLE_TO_COUNT = [...PERCENT, 'Central angle to a count of the whole'];
const DIFFERENCE = [...COMPARE, 'Difference of two slices as a count'];
const COMBINED = [...COMPARE, 'Combined share of several slices'];

const TOPICS = [
  { who: 'students', about: 'favourite sports', labels: ['Football', 'Swimming', 'Tennis', 'Cycling', 'Running', 'Basketball'] },
  { who: 'visitors', about: 'ways of travelling to the fair', labels: ['Bus', 'Car', 'Bike', 'Walk', 'Train', 'Taxi'] },
  { who: 'customers', about: 'favourite fruits', labels: ['Apple', 'Banana', 'Mango', 'Grape', 'Pear', 'Cherry'] },
] as const;

const PIE_AT = { cx: 256, cy: 266, r: 170 };

type Params = {
  seed: number;
  topic: number;
  /** Central angles in degrees (sum 360, each below 180). */
  angles: number[];
  total: number;
  percent: boolean;
  reads: number[];
};

/** Random parts of `units` with each part in [lo, hi]. */
function composition(rng: Rng, units: number, parts: number, lo: number, hi: number): number[] {
  for (;;) {
    const cuts = rng.sample(Array.from({ length: units - 1 }, (_, i) => i + 1), parts - 1).sort((a, b) => a - b);
    const out = [...cuts, units].map((c, i) => c - (i ? cuts[i - 1]! : 0));
    if (out.every((x) => x >= lo && x <= hi)) return out;
  }
}

export const pieChartCentralAngle = defineBlueprint<Params>({
  id: 'pie-chart-central-angle',
  title: 'Reading a pie chart through its central angles',
  domain: 'Statistics and Charts',
  knowledge: [PERCENT, COMPARE],
  related: [ANGLE_TO_PERCENT, ANGLE_TO_COUNT, DIFFERENCE, COMBINED],
  tools: ['draw radius', 'measure angle'],
  newTools: ['mark central angle of a slice'],
  expansions: ['parallel'],

  params(rng, difficulty) {
    const unit = difficulty === 'easy' ? 30 : difficulty === 'medium' ? 18 : 9;
    const parts = difficulty === 'easy' ? 4 : difficulty === 'medium' ? 5 : 6;
    const angles = composition(rng, 360 / unit, parts, Math.ceil(24 / unit), Math.floor(160 / unit)).map((u) => u * unit);
    const total = difficulty === 'easy' ? rng.pick([120, 240, 360]) : difficulty === 'medium' ? rng.pick([200, 400, 600]) : rng.pick([400, 800, 1200]);
    return { seed: instanceSeed(rng), topic: rng.int(0, TOPICS.length - 1), angles, total, percent: difficulty === 'easy', reads: [rng.int(0, parts - 1)] };
  },

  build(p) {
    const t = TOPICS[p.topic]!;
    const labels = t.labels.slice(0, p.angles.length);
    const count = (i: number) => (p.angles[i]! * p.total) / 360;
    const figureCode = lines(
      `const chart = vt.pieChart({ cx: ${PIE_AT.cx}, cy: ${PIE_AT.cy}, r: ${PIE_AT.r}, labels: ${JSON.stringify(labels)}, values: ${JSON.stringify(p.angles)} });`,
      `vt.text(256, 40, ${JSON.stringify(`${t.about[0]!.toUpperCase()}${t.about.slice(1)} of ${p.total} ${t.who}`)}, { align: 'center', size: 17 });`,
      `const C = vt.point(${PIE_AT.cx}, ${PIE_AT.cy}, '');`,
      `vt.export({ C, r: ${PIE_AT.r}, slices: chart.slices.map((s) => ({ fromDeg: s.fromDeg, toDeg: s.toDeg })) });`,
    );
    const interactions = p.reads.map((i, k) => ({
      description: `Draw the two radii bounding the ${labels[i]} slice and mark its central angle`,
      code: lines(
        `const s = state.slices[${i}];`,
        'const edge = (deg) => ({ x: state.C.x + state.r * Math.cos((deg * Math.PI) / 180), y: state.C.y - state.r * Math.sin((deg * Math.PI) / 180) });',
        'const A = edge(s.fromDeg), B = edge(s.toDeg);',
        'vt.segment(state.C, A, vt.aux);',
        'vt.segment(state.C, B, vt.aux);',
        `vt.angleMark(A, state.C, B, { label: '${p.angles[i]}°', color: '#d62728', radius: ${40 + 22 * k} });`,
      ),
    }));
    const steps = p.reads.map((i) =>
      p.percent
        ? `The two radii bounding the ${labels[i]} slice form a central angle of ${p.angles[i]}°, which is ${p.angles[i]}/360 = ${num((p.angles[i]! / 360) * 100)}% of the circle.`
        : `The two radii bounding the ${labels[i]} slice form a central angle of ${p.angles[i]}°, so ${labels[i]} has ${p.angles[i]}/360 × ${p.total} = ${num(count(i))} ${t.who}.`,
    );
    const [a, b, c] = p.reads as [number, number?, number?];
    let answer: AnswerFields;
    const related = [p.percent ? ANGLE_TO_PERCENT : ANGLE_TO_COUNT];
    let q: string;
    const intro = `The pie chart shows the ${t.about} of ${p.total} ${t.who}.`;
    if (c !== undefined) {
      const v = count(a) + count(b!) + count(c);
      q = `${intro} How many ${t.who} chose ${labels[a]}, ${labels[b!]} or ${labels[c]}?`;
      steps.push(`Together: ${[a, b!, c].map((i) => num(count(i))).join(' + ')} = ${num(v)}.`);
      answer = fillIn(num(v));
      related.push(COMBINED);
    } else if (b !== undefined) {
      const v = count(a) - count(b);
      q = `${intro} How many more ${t.who} chose ${labels[a]} than ${labels[b]}?`;
      steps.push(`The difference is ${num(count(a))} - ${num(count(b))} = ${num(v)}.`);
      answer = multipleChoice(num(v), numericDistractors(v, { step: Math.max(1, Math.round(p.total / 40)) }), p.seed, 'diff');
      related.push(DIFFERENCE);
    } else if (p.percent) {
      const v = (p.angles[a]! / 360) * 100;
      q = `${intro} What percentage of the ${t.who} chose ${labels[a]}?`;
      answer = fillIn(`${num(v)}%`);
    } else {
      q = `${intro} How many ${t.who} chose ${labels[a]}?`;
      answer = multipleChoice(num(count(a)), numericDistractors(count(a), { step: p.total / 40 }), p.seed, 'count');
    }
    return {
      knowledge: [PERCENT, ...(p.reads.length > 1 ? [COMPARE] : []), ...related],
      tools: ['draw radius', 'measure angle', 'mark central angle of a slice'],
      ...answer,
      figureCode,
      question: q,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    // Share of the whole as a fraction of a full turn, scaled to the stated total.
    const share = (i: number) => Math.round(p.total * (p.angles[i]! / 360) * 1000) / 1000;
    const [a, b, c] = p.reads as [number, number?, number?];
    if (c !== undefined) return num(share(a) + share(b!) + share(c));
    if (b !== undefined) return num(share(a) - share(b));
    return p.percent ? `${num((100 * share(a)) / p.total)}%` : num(share(a));
  },

  expand(p, _mode, rng) {
    if (p.reads.length >= 3) return null;
    const first = p.reads[0]!;
    const others = p.angles.map((_, i) => i).filter((i) => !p.reads.includes(i));
    const candidates = p.reads.length === 1 ? others.filter((i) => p.angles[i]! < p.angles[first]!) : others;
    return candidates.length ? { ...p, percent: false, reads: [...p.reads, rng.pick(candidates)] } : null;
  },
});
