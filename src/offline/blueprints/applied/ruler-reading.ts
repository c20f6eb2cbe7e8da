import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors, px } from '../../format.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const LENGTH = ['Measurement and Time', 'Measuring', 'Length and Angle'];
const RULER = [...LENGTH, 'Reading a ruler'];
const OFFSET = [...RULER, 'Measuring an object that does not start at zero'];
const MILLIMETRES = [...RULER, 'Reading to the nearest millimetre'];
const COMPARE = [...RULER, 'Difference of two measured lengths'];

type Params = {
  seed: number;
  /** Ruler length in cm and the finest tick in cm (1, 0.5 or 0.1). */
  cm: number;
  tick: number;
  /** Ends of the pencil and the crayon, in cm on the ruler's scale. */
  pencil: [number, number];
  crayon: [number, number];
  both: boolean;
};

function scale(p: Params) {
  const perCm = 408 / p.cm;
  return { x0: 52, perCm, at: (c: number) => 52 + c * perCm };
}

const OBJECTS = [
  { key: 'pencil', y: 170, h: 26, body: '#f2c14e', tip: '#e0b07a' },
  { key: 'crayon', y: 280, h: 30, body: '#6baed6', tip: '#3182bd' },
] as const;

export const rulerReading = defineBlueprint<Params>({
  id: 'ruler-reading',
  title: 'Reading lengths off a ruler with reference lines',
  domain: 'Measurement and Time',
  knowledge: [RULER],
  related: [OFFSET, MILLIMETRES, COMPARE],
  tools: ['draw reference line', 'measure length'],
  newTools: ['drop reference lines from both ends to a scale'],
  expansions: ['parallel'],

  params(rng, difficulty) {
    const [cm, tick] = difficulty === 'easy' ? [12, 1] : difficulty === 'medium' ? [12, 0.5] : [10, 0.1];
    const steps = Math.round(cm / tick);
    const span = (): [number, number] => {
      for (;;) {
        const a = rng.int(Math.round(1 / tick), Math.round(steps * 0.45));
        const b = rng.int(a + Math.round(2.5 / tick), steps - 1);
        if ((b - a) * tick <= cm - 2) return [Number((a * tick).toFixed(1)), Number((b * tick).toFixed(1))];
      }
    };
    for (;;) {
      const pencil = span();
      const crayon = span();
      if (pencil[1] - pencil[0] > crayon[1] - crayon[0] + tick / 2 && pencil[0] !== crayon[0] && pencil[1] !== crayon[1]) return { seed: instanceSeed(rng), cm, tick, pencil, crayon, both: false };
    }
  },

  build(p) {
    const s = scale(p);
    const major = p.tick === 0.1 ? 10 : p.tick === 0.5 ? 2 : 1;
    const shape = (o: (typeof OBJECTS)[number], [a, b]: [number, number]) => {
      const [x1, x2] = [s.at(a), s.at(b)];
      const tipX = x2 - 28;
      return lines(
        `vt.polygon([{ x: ${px(x1)}, y: ${o.y - o.h / 2} }, { x: ${px(tipX)}, y: ${o.y - o.h / 2} }, { x: ${px(tipX)}, y: ${o.y + o.h / 2} }, { x: ${px(x1)}, y: ${o.y + o.h / 2} }], { fill: '${o.body}', width: 2 });`,
        `vt.polygon([{ x: ${px(tipX)}, y: ${o.y - o.h / 2} }, { x: ${px(x2)}, y: ${o.y} }, { x: ${px(tipX)}, y: ${o.y + o.h / 2} }], { fill: '${o.tip}', width: 2 });`,
        `vt.text(${px((x1 + tipX) / 2)}, ${o.y - o.h / 2 - 10}, '${o.key}', { align: 'center', size: 15 });`,
      );
    };
    const figureCode = lines(
      `const ruler = { x0: ${s.x0}, y: 400, perCm: ${num(s.perCm, 4)}, cm: ${p.cm} };`,
      "vt.polygon([{ x: 32, y: 400 }, { x: 480, y: 400 }, { x: 480, y: 460 }, { x: 32, y: 460 }], { fill: '#f7f3e3', width: 2 });",
      `for (let i = 0; i <= ${Math.round(p.cm / p.tick)}; i++) {`,
      `  const x = ruler.x0 + i * ${num(p.tick, 1)} * ruler.perCm, big = i % ${major} === 0;`,
      "  vt.segment({ x, y: 400 }, { x, y: 400 + (big ? 18 : 9) }, { width: big ? 2 : 1 });",
      `  if (big) vt.text(x, 438, String(i / ${major}), { align: 'center', size: 14 });`,
      '}',
      "vt.text(466, 453, 'cm', { size: 13 });",
      shape(OBJECTS[0], p.pencil),
      shape(OBJECTS[1], p.crayon),
      `vt.export({ pencil: [${p.pencil.map((c) => `{ x: ${px(s.at(c))}, y: ${OBJECTS[0].y} }`).join(', ')}], crayon: [${p.crayon.map((c) => `{ x: ${px(s.at(c))}, y: ${OBJECTS[1].y} }`).join(', ')}], scaleY: 400 });`,
    );
    const ref = (key: 'pencil' | 'crayon') => ({
      description: `Draw vertical reference lines from both ends of the ${key} down to the ruler scale`,
      code: lines(`for (const E of state.${key}) {`, '  vt.segment(E, { x: E.x, y: state.scaleY }, vt.aux);', "  vt.point(E.x, state.scaleY, '', { color: '#d62728' });", '}'),
    });
    // Lengths measured from the drawn end points against the ruler's scale.
    const measure = ([a, b]: [number, number]) => Math.round(((s.at(b) - s.at(a)) / s.perCm) * 10) / 10;
    const interactions = [ref('pencil')];
    const steps = [
      `The reference lines from the ends of the pencil meet the scale at ${num(p.pencil[0], 1)} cm and ${num(p.pencil[1], 1)} cm, so the pencil is ${num(p.pencil[1], 1)} - ${num(p.pencil[0], 1)} = ${num(measure(p.pencil), 1)} cm long.`,
    ];
    let value = measure(p.pencil);
    let q = 'How long is the pencil, in cm?';
    if (p.both) {
      interactions.push(ref('crayon'));
      steps.push(
        `The reference lines from the ends of the crayon meet the scale at ${num(p.crayon[0], 1)} cm and ${num(p.crayon[1], 1)} cm, so the crayon is ${num(measure(p.crayon), 1)} cm long.`,
      );
      value = Math.round((measure(p.pencil) - measure(p.crayon)) * 10) / 10;
      steps.push(`The pencil is longer by ${num(measure(p.pencil), 1)} - ${num(measure(p.crayon), 1)} = ${num(value, 1)} cm.`);
      q = 'How much longer is the pencil than the crayon, in cm?';
    }
    const v = `${num(value, 1)} cm`;
    const answer = p.tick === 0.5 ? multipleChoice(v, [...numericDistractors(value, { step: 0.5, unit: ' cm' }), `${num(p.pencil[1], 1)} cm`], p.seed, 'len') : fillIn(v);
    return {
      knowledge: [RULER, p.both ? COMPARE : p.tick === 0.1 ? MILLIMETRES : OFFSET],
      tools: ['draw reference line', 'measure length', 'drop reference lines from both ends to a scale'],
      ...answer,
      figureCode,
      question: `The pencil and the crayon lie above a centimetre ruler and do not start at 0. ${q}`,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    const len = ([a, b]: [number, number]) => Math.round((b - a) * 10);
    return `${num((p.both ? len(p.pencil) - len(p.crayon) : len(p.pencil)) / 10, 1)} cm`;
  },

  expand(p, mode) {
    return mode === 'parallel' && !p.both ? { ...p, both: true } : null;
  },
});
