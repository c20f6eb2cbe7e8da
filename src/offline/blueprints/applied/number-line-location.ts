import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors } from '../../format.js';
import { term } from './lib/math.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const READING = ['Number and Algebra Visuals', 'Number Lines', 'Reading Number Lines'];
const LOCATE = [...READING, 'Locating a number on a number line'];
const DISTANCE = [...READING, 'Distance on a number line'];
const STEP = [...LOCATE, 'Finding the tick interval from two labelled ticks'];
const FRACTIONAL = [...LOCATE, 'Fractional and negative tick values'];
const ACROSS = [...DISTANCE, 'Distance between points on either side of the labels'];

const X0 = 46;
const GAP = 35;
const Y = 280;

type Params = {
  seed: number;
  /** Value at tick 0 and the tick interval. */
  start: number;
  step: number;
  /** Indices of the two labelled ticks, of P (left of them) and of Q (right of them). */
  labelled: [number, number];
  p: number;
  q: number;
  both: boolean;
};

const value = (p: Params, i: number) => p.start + i * p.step;
const tickX = (i: number) => X0 + i * GAP;

function labelCode(from: number, to: number, p: Params): string {
  const ticks = Array.from({ length: Math.abs(to - from) + 1 }, (_, k) => Math.min(from, to) + k);
  return lines(
    `const ticks = ${JSON.stringify(ticks.map((i) => [tickX(i), num(value(p, i))]))};`,
    `for (const [x, v] of ticks) vt.text(x, state.y + 44, v, { color: '#d62728', align: 'center', size: 13 });`,
  );
}

export const numberLineLocation = defineBlueprint<Params>({
  id: 'number-line-location',
  title: 'Locating numbers on a number line by labelling its ticks',
  domain: 'Number and Algebra Visuals',
  knowledge: [LOCATE, DISTANCE],
  related: [STEP, FRACTIONAL, ACROSS],
  tools: ['add label'],
  newTools: ['label every tick of a number line'],
  expansions: ['parallel'],

  params(rng, difficulty) {
    const step = difficulty === 'easy' ? rng.pick([1, 2]) : difficulty === 'medium' ? rng.pick([5, 10, 25]) : rng.pick([0.2, 0.25, 0.5]);
    const start = difficulty === 'hard' ? -step * rng.int(2, 8) : step * rng.int(0, 6);
    const i1 = rng.int(4, 6);
    const i2 = i1 + rng.int(2, 3);
    return { seed: instanceSeed(rng), start, step, labelled: [i1, i2], p: rng.int(0, i1 - 2), q: rng.int(i2 + 2, 12), both: false };
  },

  build(p) {
    const [i1, i2] = p.labelled;
    const figureCode = lines(
      `const y = ${Y};`,
      `vt.arrow({ x: ${X0 - 22}, y }, { x: ${tickX(12) + 24}, y }, { width: 2 });`,
      `vt.arrow({ x: ${tickX(12) + 2}, y }, { x: ${X0 - 24}, y }, { width: 2 });`,
      `for (let i = 0; i <= 12; i++) vt.segment({ x: ${X0} + i * ${GAP}, y: y - 9 }, { x: ${X0} + i * ${GAP}, y: y + 9 }, { width: 2 });`,
      `vt.text(${tickX(i1)}, y + 30, '${num(value(p, i1))}', { align: 'center', size: 17 });`,
      `vt.text(${tickX(i2)}, y + 30, '${num(value(p, i2))}', { align: 'center', size: 17 });`,
      `const P = vt.point(${tickX(p.p)}, y, 'P', { color: '#1f77b4', labelOffset: { dx: -5, dy: -22 } });`,
      `const Q = vt.point(${tickX(p.q)}, y, 'Q', { color: '#2ca02c', labelOffset: { dx: -5, dy: -22 } });`,
      'vt.export({ y, P, Q });',
    );
    // Values read from the drawn positions: the two labels fix the value per pixel.
    const perPx = (value(p, i2) - value(p, i1)) / (tickX(i2) - tickX(i1));
    const read = (i: number) => Number(num(value(p, i1) + (tickX(i) - tickX(i1)) * perPx, 4));
    const stepText = `The labelled ticks ${num(value(p, i1))} and ${num(value(p, i2))} are ${i2 - i1} intervals apart, so each interval is (${num(value(p, i2))} - ${num(value(p, i1))}) / ${i2 - i1} = ${num(p.step)}.`;
    const interactions = [{ description: `Label the ticks from P up to the labelled tick ${num(value(p, i1))} with their values`, code: labelCode(p.p, i1, p) }];
    const steps = [stepText, `Labelling the ticks leftwards from ${num(value(p, i1))}, P sits at ${num(read(p.p))}.`];
    let v = read(p.p);
    let q = 'What number does the point P represent?';
    if (p.both) {
      interactions.push({ description: `Label the ticks from the labelled tick ${num(value(p, i2))} up to Q with their values`, code: labelCode(i2, p.q, p) });
      steps.push(`Labelling the ticks rightwards from ${num(value(p, i2))}, Q sits at ${num(read(p.q))}.`);
      v = Number(num(read(p.q) - read(p.p), 4));
      steps.push(`The distance from P to Q is ${num(read(p.q))} - ${term(read(p.p))} = ${num(v)}.`);
      q = 'What is the distance between the points P and Q?';
    }
    const answer = p.step < 1 ? multipleChoice(num(v), [...numericDistractors(v, { step: p.step, min: -1000 }), num(-v), num(v + p.step / 2)], p.seed, 'value') : fillIn(num(v));
    return {
      knowledge: p.both ? [LOCATE, DISTANCE, ACROSS] : [LOCATE, p.step < 1 || p.start < 0 ? FRACTIONAL : STEP],
      tools: ['add label', 'label every tick of a number line'],
      ...answer,
      figureCode,
      question: `On the number line, the ticks are equally spaced and only two of them are labelled. ${q}`,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    const at = (i: number) => p.start + i * p.step;
    return num(p.both ? (p.q - p.p) * p.step : at(p.p));
  },

  expand(p, mode) {
    return mode === 'parallel' && !p.both ? { ...p, both: true } : null;
  },
});
