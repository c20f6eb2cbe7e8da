import { defineBlueprint } from '../../blueprint.js';
import type { Rng } from '../../rng.js';
import { fraction } from './lib/math.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const CLASSICAL = ['Probability and Counting', 'Probability', 'Classical Probability', 'Spinner probability'];
const UNEQUAL = [...CLASSICAL, 'Unequal sectors measured in equal rim parts'];
const UNION = [...CLASSICAL, 'Probability of an either-or event on a spinner'];

const FILL = { red: '#f4a3a3', blue: '#a3c4f4' };

type Event = 'red' | 'even' | 'red-or-big' | 'blue-and-odd';
type Params = {
  seed: number;
  /** Rim parts (of 12) per sector, clockwise from the top. */
  units: number[];
  numbers: number[];
  colors: ('red' | 'blue')[];
  event: Event;
  big: number;
};

function favourable(p: Params, i: number): boolean {
  const [n, c] = [p.numbers[i]!, p.colors[i]!];
  if (p.event === 'red') return c === 'red';
  if (p.event === 'even') return n % 2 === 0;
  if (p.event === 'red-or-big') return c === 'red' || n > p.big;
  return c === 'blue' && n % 2 === 1;
}

function eventText(p: Params): string {
  if (p.event === 'red') return 'stops on a red sector';
  if (p.event === 'even') return 'stops on an even number';
  if (p.event === 'red-or-big') return `stops on a sector that is red or has a number greater than ${p.big}`;
  return 'stops on a blue sector with an odd number';
}

function parts(rng: Rng, count: number): number[] {
  for (;;) {
    const u = Array.from({ length: count }, () => rng.int(1, 4));
    if (u.reduce((s, x) => s + x, 0) === 12) return u;
  }
}

export const spinnerProbability = defineBlueprint<Params>({
  id: 'spinner-probability',
  title: 'Spinner probability by shading the favourable sectors',
  domain: 'Probability and Counting',
  knowledge: [CLASSICAL],
  related: [UNEQUAL, UNION],
  tools: ['shade region'],
  newTools: ['shade favourable sectors'],
  expansions: [],

  params(rng, difficulty) {
    const count = difficulty === 'easy' ? 4 : difficulty === 'medium' ? 5 : 6;
    const events: Event[] = difficulty === 'easy' ? ['red', 'even'] : difficulty === 'medium' ? ['even', 'blue-and-odd'] : ['red-or-big', 'blue-and-odd'];
    for (;;) {
      const p: Params = {
        seed: instanceSeed(rng),
        units: parts(rng, count),
        numbers: rng.shuffle(Array.from({ length: count }, (_, i) => i + 1)),
        colors: Array.from({ length: count }, () => rng.pick(['red', 'blue'] as const)),
        event: rng.pick(events),
        big: rng.int(2, count - 2),
      };
      const fav = p.units.filter((_, i) => favourable(p, i)).length;
      if (fav > 0 && fav < count && p.colors.includes('red') && p.colors.includes('blue')) return p;
    }
  },

  build(p) {
    let start = 0;
    const sectors = p.units.map((u, i) => {
      const s = { from: 90 - 30 * (start + u), to: 90 - 30 * start, n: p.numbers[i]!, fill: FILL[p.colors[i]!] };
      start += u;
      return s;
    });
    const figureCode = lines(
      'const C = vt.point(256, 280, \'\'), R = 170;',
      'const at = (deg, r) => ({ x: C.x + r * Math.cos((deg * Math.PI) / 180), y: C.y - r * Math.sin((deg * Math.PI) / 180) });',
      'const wedge = (a, b) => { const pts = [C]; for (let d = a; d <= b; d += 2) pts.push(at(d, R)); return pts; };',
      `const sectors = ${JSON.stringify(sectors)};`,
      'for (const s of sectors) {',
      "  vt.polygon(wedge(s.from, s.to), { fill: s.fill, color: '#333', width: 2 });",
      "  const L = at((s.from + s.to) / 2, R * 0.62);",
      "  vt.text(L.x, L.y + 8, String(s.n), { align: 'center', size: 22 });",
      '}',
      'for (let k = 0; k < 12; k++) vt.segment(at(90 - 30 * k, R), at(90 - 30 * k, R + 14), { width: 3 });',
      "vt.arrow(C, at(62, R * 0.45), { width: 4 });",
      "vt.text(256, 48, 'The rim is marked in 12 equal parts', { align: 'center', size: 16 });",
      'vt.export({ C, R, sectors });',
    );
    const fav = sectors.map((_, i) => i).filter((i) => favourable(p, i));
    const k = fav.reduce((s, i) => s + p.units[i]!, 0);
    const value = fraction(k, 12);
    const interactions = [
      {
        description: `Shade the favourable sectors (numbers ${fav.map((i) => p.numbers[i]).join(', ')}) and draw the radii at the rim marks inside them`,
        code: lines(
          'const at = (deg, r) => ({ x: state.C.x + r * Math.cos((deg * Math.PI) / 180), y: state.C.y - r * Math.sin((deg * Math.PI) / 180) });',
          `for (const i of ${JSON.stringify(fav)}) {`,
          '  const s = state.sectors[i];',
          '  const pts = [state.C];',
          '  for (let d = s.from; d <= s.to; d += 2) pts.push(at(d, state.R));',
          "  vt.shade(pts, { fill: 'rgba(44,160,44,0.45)' });",
          '  for (let d = s.from; d <= s.to; d += 30) vt.segment(state.C, at(d, state.R), vt.aux);',
          '}',
        ),
      },
    ];
    const answer =
      p.event === 'red' || p.event === 'even'
        ? fillIn(value)
        : multipleChoice(value, [fraction(fav.length, p.units.length), fraction(12 - k, 12), fraction(k + 1, 12), fraction(Math.max(1, k - 1), 12), fraction(k, 10)], p.seed, 'p');
    return {
      knowledge: [CLASSICAL, p.event === 'red-or-big' ? UNION : UNEQUAL],
      tools: ['shade region', 'shade favourable sectors'],
      ...answer,
      figureCode,
      question: `The arrow of the spinner is spun and is equally likely to stop at any angle. What is the probability that it ${eventText(p)}? Give it as a fraction.`,
      solution: numbered([
        `The shaded favourable sectors carry the numbers ${fav.map((i) => p.numbers[i]).join(', ')}.`,
        `The radii at the rim marks split the shaded sectors into ${fav.map((i) => p.units[i]).join(' + ')} = ${k} of the 12 equal parts.`,
        `The probability is ${k}/12 = ${value}.`,
        answerLine(answer),
      ]),
      interactions,
    };
  },

  solve(p) {
    // Add up the favourable central angles and divide by a full turn.
    const degrees = p.units.reduce((s, u, i) => s + (favourable(p, i) ? u * 30 : 0), 0);
    return fraction(degrees, 360);
  },
});
