import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors, px } from '../../format.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const SCALE = ['Maps and Orientation', 'Map Reading', 'Scale'];
const DISTANCE = [...SCALE, 'Map scale distance'];
const STRAIGHT = [...SCALE, 'Straight-line versus route distance'];
const BAR_STEPS = [...DISTANCE, 'Stepping a scale bar along a straight line'];
const ROUTE = [...STRAIGHT, 'Length of a route through several places'];

/** Pixels per scale-bar division. */
const UNIT = 60;

type Pt = { x: number; y: number };
type Params = {
  seed: number;
  /** Kilometres per scale-bar division. */
  km: number;
  /** Place positions, chosen so that AB, BC, CA are whole numbers of half divisions. */
  points: Pt[];
  /** Half divisions: AB, BC, CA. */
  halves: number[];
  /** Legs measured: 1 (A-B), 2 (A-B-C) or 3 (A-B-C-A). */
  legs: number;
  choice: boolean;
};

const dist = (P: Pt, Q: Pt) => Math.hypot(P.x - Q.x, P.y - Q.y);

function legCode(from: string, to: string): string {
  return lines(
    `const { ${from}: P, ${to}: Q, unit } = state;`,
    'vt.connect(P, Q);',
    'const d = vt.geo.distance(P, Q);',
    "for (let t = unit; t < d + 1; t += unit) vt.circle(vt.geo.along(P, Q, t / d), 4, { fill: '#d62728', color: '#d62728' });",
    "for (let t = unit / 2; t < d + 1; t += unit) vt.circle(vt.geo.along(P, Q, t / d), 2.5, { color: '#d62728' });",
  );
}

export const mapScaleDistance = defineBlueprint<Params>({
  id: 'map-scale-distance',
  title: 'Straight-line distances on a map with a scale bar',
  domain: 'Maps and Orientation',
  knowledge: [DISTANCE, STRAIGHT],
  related: [BAR_STEPS, ROUTE],
  tools: ['connect points', 'measure length'],
  newTools: ['step a scale bar along a segment'],
  expansions: ['parallel'],

  params(rng, difficulty) {
    const km = difficulty === 'easy' ? 1 : difficulty === 'medium' ? rng.pick([2, 5]) : rng.pick([0.5, 2.5, 4]);
    const [lo, hi] = difficulty === 'easy' ? [4, 10] : [3, 11];
    for (;;) {
      const halves = [rng.int(lo, hi), rng.int(lo, hi), rng.int(lo, hi)];
      if (difficulty === 'easy' && halves.some((h) => h % 2)) continue;
      const [c, a, b] = halves as [number, number, number];
      if (a + b <= c + 1 || a + c <= b + 1 || b + c <= a + 1) continue;
      const [AB, BC, CA] = [c, a, b].map((h) => (h * UNIT) / 2) as [number, number, number];
      // Place A, turn AB by a random angle, and put C by the law of cosines on the left of AB.
      const turn = rng.float(0, 2 * Math.PI);
      const A = { x: rng.int(60, 450), y: rng.int(60, 400) };
      const B = { x: A.x + AB * Math.cos(turn), y: A.y + AB * Math.sin(turn) };
      const angA = Math.acos((AB * AB + CA * CA - BC * BC) / (2 * AB * CA));
      const C = { x: A.x + CA * Math.cos(turn - angA), y: A.y + CA * Math.sin(turn - angA) };
      if ([A, B, C].every((P) => P.x >= 50 && P.x <= 462 && P.y >= 50 && P.y <= 400)) {
        return { seed: instanceSeed(rng), km, points: [A, B, C].map((P) => ({ x: Number(px(P.x)), y: Number(px(P.y)) })), halves, legs: 1, choice: difficulty !== 'easy' };
      }
    }
  },

  build(p) {
    const [A, B, C] = p.points as [Pt, Pt, Pt];
    const figureCode = lines(
      "vt.polygon([{ x: 20, y: 20 }, { x: 492, y: 20 }, { x: 492, y: 492 }, { x: 20, y: 492 }], { color: '#888', width: 1 });",
      `const A = vt.point(${px(A.x)}, ${px(A.y)}, 'A'), B = vt.point(${px(B.x)}, ${px(B.y)}, 'B'), C = vt.point(${px(C.x)}, ${px(C.y)}, 'C');`,
      `const bar = { x: 60, y: 450, unit: ${UNIT} };`,
      "for (let i = 0; i < 3; i++) vt.polygon([{ x: bar.x + i * bar.unit, y: bar.y }, { x: bar.x + (i + 1) * bar.unit, y: bar.y }, { x: bar.x + (i + 1) * bar.unit, y: bar.y + 8 }, { x: bar.x + i * bar.unit, y: bar.y + 8 }], { fill: i % 2 ? '#fff' : '#333', width: 1 });",
      `for (let i = 0; i <= 3; i++) vt.text(bar.x + i * bar.unit, bar.y - 6, String(${p.km} * i), { align: 'center', size: 13 });`,
      "vt.text(bar.x + 3 * bar.unit + 12, bar.y + 9, 'km', { size: 14 });",
      'vt.export({ A, B, C, unit: bar.unit });',
    );
    const legs = [
      ['A', 'B'],
      ['B', 'C'],
      ['C', 'A'],
    ].slice(0, p.legs) as [string, string][];
    const interactions = legs.map(([f, t]) => ({
      description: `Connect ${f} and ${t} and step the scale-bar division along ${f}${t}, marking every whole and half division`,
      code: legCode(f, t),
    }));
    // Lengths measured on the drawn map, in divisions, then converted with the scale.
    const byName = { A, B, C } as Record<string, Pt>;
    const kms = legs.map(([f, t]) => (Math.round((2 * dist(byName[f]!, byName[t]!)) / UNIT) / 2) * p.km);
    const steps = legs.map(
      ([f, t], i) => `The marks stepped along ${f}${t} count ${num(kms[i]! / p.km)} scale-bar divisions of ${p.km} km, so ${f}${t} = ${num(kms[i]! / p.km)} × ${p.km} = ${num(kms[i]!)} km.`,
    );
    const value = kms.reduce((s, k) => s + k, 0);
    if (legs.length > 1) steps.push(`Adding the legs: ${kms.map((k) => num(k)).join(' + ')} = ${num(value)} km.`);
    const q = [
      'What is the straight-line distance from A to B, in km?',
      'A cyclist rides in straight lines from A to B and then from B to C. How far does she ride, in km?',
      'A cyclist rides in straight lines from A to B, then to C, and back to A. How far does she ride, in km?',
    ][p.legs - 1]!;
    const answer = p.choice ? multipleChoice(`${num(value)} km`, numericDistractors(value, { step: p.km, unit: ' km' }), p.seed, 'km') : fillIn(`${num(value)} km`);
    return {
      knowledge: [DISTANCE, ...(legs.length > 1 ? [STRAIGHT, ROUTE] : [BAR_STEPS])],
      tools: ['connect points', 'measure length', 'step a scale bar along a segment'],
      ...answer,
      figureCode,
      question: `The map shows three villages A, B and C and a scale bar in km. ${q}`,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    const total = p.halves.slice(0, p.legs).reduce((s, h) => s + h, 0);
    return `${num((total * p.km) / 2)} km`;
  },

  expand(p, mode) {
    return mode === 'parallel' && p.legs < 3 ? { ...p, legs: p.legs + 1 } : null;
  },
});
