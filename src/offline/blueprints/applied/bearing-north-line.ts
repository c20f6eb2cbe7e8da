import { defineBlueprint } from '../../blueprint.js';
import { px } from '../../format.js';
import { bearingOf, DEG, threeDigit } from './lib/math.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const BEARINGS = ['Maps and Orientation', 'Directions', 'Bearings'];
const BEARING = [...BEARINGS, 'Compass bearing between two places'];
const BACK = [...BEARINGS, 'Back bearing'];
const FROM_ROAD = [...BEARING, 'Bearing from an angle with an east-west line'];
const REFLEX = [...BEARING, 'Bearings greater than 180 degrees'];
const CHAINED = [...BACK, 'Bearing of a third place from a turning angle'];

type Pt = { x: number; y: number };
type Params = {
  seed: number;
  A: Pt;
  /** Quadrant of B seen from A, the acute angle between AB and the east-west road, and AB in pixels. */
  quadrant: 'NE' | 'SE' | 'SW' | 'NW';
  theta: number;
  ab: number;
  /** Angle ABC, the side C turns to (1 clockwise from BA, -1 anticlockwise), and BC in pixels. */
  turn: number;
  side: 1 | -1;
  bc: number;
  /** 1: bearing of B from A; 2: of A from B; 3: of C from B. */
  stage: number;
  choice: boolean;
};

/** The bearing of B from A by the quadrant rule. */
function bearingAB(p: Params): number {
  return { NE: 90 - p.theta, SE: 90 + p.theta, SW: 270 - p.theta, NW: 270 + p.theta }[p.quadrant];
}

const towards = (P: Pt, bearing: number, d: number): Pt => ({ x: P.x + d * Math.sin(bearing * DEG), y: P.y - d * Math.cos(bearing * DEG) });

function places(p: Params) {
  const B = towards(p.A, bearingAB(p), p.ab);
  const C = towards(B, (bearingAB(p) + 180 + p.side * p.turn + 360) % 360, p.bc);
  return { A: p.A, B, C };
}

const pt = (P: Pt) => `{ x: ${px(P.x)}, y: ${px(P.y)} }`;

function northCode(at: 'A' | 'B', target: 'A' | 'B' | 'C', label: string, withNorth: boolean): string {
  return lines(
    `const { ${at === 'A' ? 'A' : 'B'}: V, ${target}: X } = state;`,
    ...(withNorth ? ['const N = { x: V.x, y: V.y - 90 };', 'vt.arrow(V, N, vt.aux);', "vt.text(N.x, N.y - 6, 'N', { color: '#d62728', align: 'center', size: 16 });"] : ['const N = { x: V.x, y: V.y - 90 };']),
    `vt.angleMark(N, V, X, { color: '#d62728', radius: ${withNorth ? 34 : 48}, label: '${label}' });`,
  );
}

export const bearingNorthLine = defineBlueprint<Params>({
  id: 'bearing-north-line',
  title: 'Bearings measured from a north line drawn at a place',
  domain: 'Maps and Orientation',
  knowledge: [BEARING, BACK],
  related: [FROM_ROAD, REFLEX, CHAINED],
  tools: ['draw compass rose', 'mark angle'],
  newTools: ['north line at a place'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    for (;;) {
      const theta = difficulty === 'easy' ? rng.pick([20, 30, 40, 50, 60, 70]) : rng.int(12, 78);
      const turn = difficulty === 'easy' ? rng.pick([40, 50, 60, 70, 80, 100, 110, 120]) : rng.int(35, 140);
      const p: Params = {
        seed: instanceSeed(rng),
        A: { x: rng.int(120, 392), y: rng.int(150, 400) },
        quadrant: rng.pick(['NE', 'SE', 'SW', 'NW'] as const),
        theta,
        ab: rng.int(170, 230),
        turn,
        side: rng.pick([1, -1] as const),
        bc: rng.int(130, 180),
        stage: 1,
        choice: difficulty === 'hard',
      };
      const { B, C } = places(p);
      const ok = [B, C].every((P) => P.x >= 60 && P.x <= 420 && P.y >= 120 && P.y <= 470);
      const bc = (bearingAB(p) + 180 + p.side * p.turn + 360) % 360;
      // Keep C's direction away from north so the marked angles stay readable.
      if (ok && Math.min(bc, 360 - bc) >= 15 && Math.abs(bc - 180) >= 10) return p;
    }
  },

  build(p) {
    const { A, B, C } = places(p);
    const roadSide = p.quadrant === 'NE' || p.quadrant === 'SE' ? { x: 480, y: A.y } : { x: 32, y: A.y };
    const figureCode = lines(
      "vt.polygon([{ x: 20, y: 20 }, { x: 492, y: 20 }, { x: 492, y: 492 }, { x: 20, y: 492 }], { color: '#888', width: 1 });",
      "vt.arrow({ x: 462, y: 96 }, { x: 462, y: 44 }, { width: 3 });",
      "vt.text(462, 112, 'N', { align: 'center', size: 18 });",
      `vt.segment({ x: 32, y: ${px(A.y)} }, { x: 480, y: ${px(A.y)} }, { color: '#b0b0b0', width: 6 });`,
      `vt.text(${roadSide.x > 256 ? 470 : 40}, ${px(A.y + 24)}, 'east-west road', { size: 13, color: '#777', align: '${roadSide.x > 256 ? 'right' : 'left'}' });`,
      `const A = vt.point(${px(A.x)}, ${px(A.y)}, 'A'), B = vt.point(${px(B.x)}, ${px(B.y)}, 'B'), C = vt.point(${px(C.x)}, ${px(C.y)}, 'C');`,
      "vt.segment(A, B, { width: 2.5 });",
      "vt.segment(B, C, { width: 2.5 });",
      `vt.angleMark(${pt(roadSide)}, A, B, { label: '${p.theta}°', radius: 40 });`,
      `vt.angleMark(A, B, C, { label: '${p.turn}°', radius: 30 });`,
      'vt.export({ A, B, C });',
    );
    // Bearings measured on the drawn map (clockwise from straight up).
    const bAB = Math.round(bearingOf(A, B));
    const bBA = Math.round(bearingOf(B, A));
    const bBC = Math.round(bearingOf(B, C));
    const read = (b: number, from: string, to: string) =>
      b <= 180
        ? `The angle marked clockwise from the north line at ${from} to ${from}${to} is ${b}°, so the bearing is ${threeDigit(b)}.`
        : `The angle marked from the north line at ${from} to ${from}${to} is ${360 - b}° measured anticlockwise, so the clockwise bearing is 360° - ${360 - b}° = ${threeDigit(b)}.`;
    const interactions = [{ description: 'Draw the north line at A and mark the angle from north to AB', code: northCode('A', 'B', 'β₁', true) }];
    const turnFromNorth = {
      NE: `B lies north-east of A, so the clockwise angle from north to AB is 90° - ${p.theta}° = ${bAB}°.`,
      SE: `B lies south-east of A, so turning clockwise from north passes east (90°) and then ${p.theta}° more: 90° + ${p.theta}° = ${bAB}°.`,
      SW: `B lies south-west of A, so turning clockwise from north passes south (180°) and then 90° - ${p.theta}° more: 270° - ${p.theta}° = ${bAB}°.`,
      NW: `B lies north-west of A, so turning clockwise from north passes west (270°) and then ${p.theta}° more: 270° + ${p.theta}° = ${bAB}°.`,
    }[p.quadrant];
    const steps = [`The north line at A is perpendicular to the east-west road, and AB makes ${p.theta}° with the road. ${turnFromNorth}`, read(bAB, 'A', 'B')];
    let value = bAB;
    let q = 'What is the bearing of B from A?';
    if (p.stage >= 2) {
      interactions.push({ description: 'Draw the north line at B and mark the angle from north to BA', code: northCode('B', 'A', 'β₂', true) });
      steps.push(`The north lines at A and B are parallel, so the bearing of A from B differs by 180°: ${read(bBA, 'B', 'A')}`);
      value = bBA;
      q = 'Someone walks from A to B and then looks back at A. What is the bearing of A from B?';
    }
    if (p.stage >= 3) {
      interactions.push({ description: 'Mark the angle from the north line at B to BC', code: northCode('B', 'C', 'β₃', false) });
      const raw = bBA + p.side * p.turn;
      steps.push(
        `Turning ${p.side === 1 ? 'clockwise' : 'anticlockwise'} from BA by the ${p.turn}° angle ABC gives BC: ${bBA}° ${p.side === 1 ? '+' : '-'} ${p.turn}° = ${raw}°${raw === bBC ? '' : `, i.e. ${bBC}°`}.`,
      );
      steps.push(read(bBC, 'B', 'C'));
      value = bBC;
      q = 'Someone walks from A to B and then on to C. What is the bearing of C from B?';
    }
    const wrong = [value + 180, 360 - value, value + 90, value - 90, value + 2 * (90 - (value % 90)), 180 - value].map((x) => threeDigit(((x % 360) + 360) % 360));
    const answer = p.choice ? multipleChoice(threeDigit(value), wrong, p.seed, 'bearing') : fillIn(threeDigit(value));
    return {
      knowledge: [...(p.stage >= 2 ? [BEARING, BACK] : [BEARING]), p.stage >= 3 ? CHAINED : value > 180 ? REFLEX : FROM_ROAD],
      tools: ['draw compass rose', 'mark angle', 'north line at a place'],
      ...answer,
      figureCode,
      question: `On the map, north is straight up and the grey road runs east-west through A; the angles marked are ${p.theta}° (between AB and the road) and ${p.turn}° (angle ABC). ${q} Give it as a three-figure bearing.`,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    const ab = bearingAB(p);
    const ba = (ab + 180) % 360;
    if (p.stage === 1) return threeDigit(ab);
    if (p.stage === 2) return threeDigit(ba);
    return threeDigit((ba + p.side * p.turn + 360) % 360);
  },

  expand(p, mode) {
    return mode === 'sequential' && p.stage < 3 ? { ...p, stage: p.stage + 1 } : null;
  },
});
