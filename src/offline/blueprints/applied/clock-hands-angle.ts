import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors } from '../../format.js';
import { DEG } from './lib/math.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const CLOCKS = ['Measurement and Time', 'Time', 'Clocks'];
const HANDS = [...CLOCKS, 'Angle between clock hands'];
const READING = [...CLOCKS, 'Reading an analogue clock'];
const WHOLE_HOURS = [...HANDS, 'Counting 30-degree hour spaces between the hands'];
const HOUR_DRIFT = [...HANDS, 'Hour hand moving half a degree per minute'];

const C = { x: 256, y: 270 };
const R = 190;

type Params = {
  seed: number;
  hour: number;
  minute: number;
  choice: boolean;
};

/** Hand directions in screen degrees (counter-clockwise from the right). */
function hands(p: Params): { hourDeg: number; minuteDeg: number } {
  return { hourDeg: 90 - (30 * (p.hour % 12) + p.minute / 2), minuteDeg: 90 - 6 * p.minute };
}

export const clockHandsAngle = defineBlueprint<Params>({
  id: 'clock-hands-angle',
  title: 'Angle between the hands of a clock by marking the hour spaces',
  domain: 'Measurement and Time',
  knowledge: [HANDS, READING],
  related: [WHOLE_HOURS, HOUR_DRIFT],
  tools: ['draw radius', 'mark angle'],
  newTools: ['radii to the hour marks between the hands'],
  expansions: [],

  params(rng, difficulty) {
    for (;;) {
      const hour = rng.int(1, 12);
      const minute = difficulty === 'easy' ? rng.pick([0, 30]) : difficulty === 'medium' ? rng.pick([10, 20, 40, 50]) : rng.pick([5, 15, 25, 35, 45, 55]) + rng.pick([-2, 0, 2]);
      const p = { seed: instanceSeed(rng), hour, minute, choice: difficulty !== 'easy' };
      const gap = Math.abs(30 * (hour % 12) - 5.5 * minute) % 360;
      if (Math.min(gap, 360 - gap) >= 20 && Math.min(gap, 360 - gap) <= 170) return p;
    }
  },

  build(p) {
    const { hourDeg, minuteDeg } = hands(p);
    const figureCode = lines(
      `const C = vt.point(${C.x}, ${C.y}, ''), R = ${R};`,
      'const at = (deg, r) => ({ x: C.x + r * Math.cos((deg * Math.PI) / 180), y: C.y - r * Math.sin((deg * Math.PI) / 180) });',
      "vt.circle(C, R, { width: 4, fill: '#fdfaf2' });",
      'for (let m = 0; m < 60; m++) vt.segment(at(90 - 6 * m, R), at(90 - 6 * m, m % 5 ? R - 8 : R - 18), { width: m % 5 ? 1 : 3 });',
      "for (let h = 1; h <= 12; h++) { const L = at(90 - 30 * h, R - 40); vt.text(L.x, L.y + 8, String(h), { align: 'center', size: 22 }); }",
      `vt.arrow(C, at(${num(hourDeg, 2)}, ${R * 0.48}), { width: 7 });`,
      `vt.arrow(C, at(${num(minuteDeg, 2)}, ${R * 0.7}), { width: 4 });`,
      `vt.export({ C, R, hourDeg: ${num(hourDeg, 2)}, minuteDeg: ${num(minuteDeg, 2)} });`,
    );
    // Angle between the two drawn hand vectors.
    const [hx, hy] = [Math.cos(hourDeg * DEG), Math.sin(hourDeg * DEG)];
    const [mx, my] = [Math.cos(minuteDeg * DEG), Math.sin(minuteDeg * DEG)];
    const angle = Math.round((Math.acos(Math.max(-1, Math.min(1, hx * mx + hy * my))) / DEG) * 2) / 2;
    // The hour marks strictly inside the smaller angle, going clockwise from whichever hand leads.
    const clockwise = (((hourDeg - minuteDeg) % 360) + 360) % 360 <= 180;
    const [startDeg, span] = clockwise ? [hourDeg, angle] : [minuteDeg, angle];
    const marks: number[] = [];
    for (let h = 1; h <= 12; h++) {
      const d = (((startDeg - (90 - 30 * h)) % 360) + 360) % 360;
      if (d > 1e-9 && d < span - 1e-9) marks.push(h);
    }
    const interactions = [
      {
        description: `${marks.length ? `Draw radii from the centre to the hour marks between the hands (${marks.join(', ')}) and mark` : 'Mark'} the angle between the hands`,
        code: lines(
          'const at = (deg, r) => ({ x: state.C.x + r * Math.cos((deg * Math.PI) / 180), y: state.C.y - r * Math.sin((deg * Math.PI) / 180) });',
          `for (const h of ${JSON.stringify(marks)}) vt.segment(state.C, at(90 - 30 * h, state.R - 18), vt.aux);`,
          "vt.angleMark(at(state.hourDeg, 50), state.C, at(state.minuteDeg, 50), { color: '#d62728', radius: 56, fill: 'rgba(214,39,40,0.15)' });",
        ),
      },
    ];
    const timeText = `${p.hour}:${String(p.minute).padStart(2, '0')}`;
    const minuteSpaces = p.minute / 5;
    const hourExtra = p.minute / 2;
    const steps = [
      `The clock shows ${timeText}: the minute hand points at minute ${p.minute}${Number.isInteger(minuteSpaces) ? ` (the ${minuteSpaces || 12})` : ''}, and the hour hand has moved ${num(hourExtra)}° past the ${p.hour}, since it turns 0.5° per minute.`,
      marks.length
        ? `The radii to the hour marks between the hands (${marks.join(', ')}) split the marked angle into whole 30° hour spaces and the parts at the hands.`
        : 'No hour mark lies strictly between the hands, so the marked angle is at most one 30° hour space.',
      `Hour hand at ${num(30 * (p.hour % 12) + hourExtra)}° from 12, minute hand at ${6 * p.minute}° from 12; the smaller angle between them is ${num(angle)}°.`,
    ];
    const answer = p.choice ? multipleChoice(`${num(angle)}°`, [...numericDistractors(angle, { step: 15, unit: '°' }), `${num(Math.abs(angle - hourExtra))}°`, `${num(angle + hourExtra)}°`], p.seed, 'angle') : fillIn(`${num(angle)}°`);
    return {
      knowledge: [HANDS, READING, p.minute % 60 === 0 ? WHOLE_HOURS : HOUR_DRIFT],
      tools: ['draw radius', 'mark angle', 'radii to the hour marks between the hands'],
      ...answer,
      figureCode,
      question: 'What is the size of the smaller angle between the hour hand and the minute hand of the clock, in degrees?',
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    const gap = Math.abs(30 * (p.hour % 12) - 5.5 * p.minute) % 360;
    return `${num(Math.min(gap, 360 - gap))}°`;
  },
});
