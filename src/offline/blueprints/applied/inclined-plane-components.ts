import { defineBlueprint } from '../../blueprint.js';
import { num, px } from '../../format.js';
import { DEG } from './lib/math.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const FORCES = ['Physics Diagrams', 'Mechanics', 'Forces'];
const INCLINE = [...FORCES, 'Inclined plane force components'];
const FREE_BODY = [...FORCES, 'Free-body diagram'];
const ALONG = [...INCLINE, 'Component of the weight along the slope'];
const INTO = [...INCLINE, 'Component of the weight perpendicular to the slope'];
const DOUBLE = [...INCLINE, 'Net pull on two blocks over a double slope'];

type Pt = { x: number; y: number };
type Params = {
  seed: number;
  /** Slope angles in degrees, left and right. */
  alpha: number;
  beta: number;
  /** Weights in newtons, left and right block. */
  w1: number;
  w2: number;
  along: boolean;
  /** Parallel expansion: the right block is resolved too and the question asks for the net pull. */
  both: boolean;
};

/** The double slope: base corners L, R and apex T, as large as the canvas allows and centred on it. */
function frame(p: Params): { L: Pt; R: Pt; T: Pt } {
  const [ta, tb] = [Math.tan(p.alpha * DEG), Math.tan(p.beta * DEG)];
  const base = Math.min(440, (300 * (ta + tb)) / (ta * tb));
  const h = (base * ta * tb) / (ta + tb);
  const y = Math.min(450, 290 + h / 2);
  const L = { x: 256 - base / 2, y };
  return { L, R: { x: 256 + base / 2, y }, T: { x: L.x + h / ta, y: y - h } };
}

/** A block resting on the slope from `from` towards the apex: its centre, corners and the place for its weight label. */
function block(from: Pt, T: Pt): { G: Pt; corners: Pt[]; labelAt: Pt } {
  const len = Math.hypot(T.x - from.x, T.y - from.y);
  const u = { x: (T.x - from.x) / len, y: (T.y - from.y) / len };
  // Normal pointing away from the slope (upwards).
  const nrm = u.x > 0 ? { x: u.y, y: -u.x } : { x: -u.y, y: u.x };
  const foot = { x: from.x + u.x * len * 0.62, y: from.y + u.y * len * 0.62 };
  const s = 34;
  const G = { x: foot.x + nrm.x * (s / 2), y: foot.y + nrm.y * (s / 2) };
  const corners = [
    [-1, 0],
    [1, 0],
    [1, 1],
    [-1, 1],
  ].map(([a, b]) => ({ x: foot.x + u.x * (a! * s) / 2 + nrm.x * b! * s, y: foot.y + u.y * (a! * s) / 2 + nrm.y * b! * s }));
  return { G, corners, labelAt: { x: Math.max(80, Math.min(432, foot.x + nrm.x * 62 - u.x * 40)), y: foot.y + nrm.y * 62 } };
}

/** The weight's component along a slope, by projecting the drawn weight vector onto the slope direction. */
function projected(from: Pt, T: Pt, G: Pt, Wend: Pt, weight: number): { along: number; into: number } {
  const len = Math.hypot(T.x - from.x, T.y - from.y);
  const u = { x: (T.x - from.x) / len, y: (T.y - from.y) / len };
  const w = { x: Wend.x - G.x, y: Wend.y - G.y };
  const scale = weight / Math.hypot(w.x, w.y);
  const along = Math.abs(w.x * u.x + w.y * u.y) * scale;
  return { along, into: Math.sqrt(weight * weight - along * along) };
}

/** The ramp, both blocks and their weight arrows, drawn to one force scale that keeps both arrows above the base. */
function layout(p: Params) {
  const { L, R, T } = frame(p);
  const [b1, b2] = [block(L, T), block(R, T)];
  const k = Math.min(0.8, (0.85 * (L.y - b1.G.y)) / p.w1, (0.85 * (R.y - b2.G.y)) / p.w2);
  const end = (G: Pt, w: number) => ({ x: G.x, y: G.y + k * w });
  return { L, R, T, b1: { ...b1, Wend: end(b1.G, p.w1) }, b2: { ...b2, Wend: end(b2.G, p.w2) } };
}

const pt = (P: Pt) => `{ x: ${px(P.x)}, y: ${px(P.y)} }`;

function resolveCode(k: 1 | 2, side: 'left' | 'right'): string {
  return lines(
    `const { G${k}: G, W${k}: W, ${side === 'left' ? 'L' : 'R'}: S, T } = state;`,
    'const F = vt.geo.foot(W, G, vt.geo.parallelPoint(G, S, T));',
    'const N = { x: G.x + W.x - F.x, y: G.y + W.y - F.y };',
    'vt.arrow(G, F, vt.aux);',
    'vt.arrow(G, N, vt.aux);',
    "vt.segment(F, W, { color: '#d62728', dash: [3, 3], width: 1.5 });",
    "vt.segment(N, W, { color: '#d62728', dash: [3, 3], width: 1.5 });",
    "vt.rightAngle(G, F, W, { color: '#d62728' });",
    `vt.angleMark(N, G, W, { color: '#d62728', label: '${side === 'left' ? 'α' : 'β'}', radius: 26 });`,
  );
}

export const inclinedPlaneComponents = defineBlueprint<Params>({
  id: 'inclined-plane-components',
  title: 'Resolving a weight on an inclined plane',
  domain: 'Physics Diagrams',
  knowledge: [INCLINE, FREE_BODY],
  related: [ALONG, INTO, DOUBLE],
  tools: ['resolve vector into components', 'mark right angle', 'mark angle'],
  newTools: ['resolve weight along and perpendicular to a slope'],
  expansions: ['parallel'],

  params(rng, difficulty) {
    const angles = difficulty === 'easy' ? [30, 45, 60] : difficulty === 'medium' ? [25, 30, 35, 40, 45, 50, 55] : [22, 27, 33, 38, 42, 48, 53];
    const [alpha, beta] = rng.sample(angles, 2) as [number, number];
    const weights = difficulty === 'easy' ? [40, 60, 80, 100] : [50, 70, 90, 110, 130];
    const [w1, w2] = rng.sample(weights, 2) as [number, number];
    return { seed: instanceSeed(rng), alpha, beta, w1, w2, along: difficulty === 'easy' || rng.chance(0.6), both: false };
  },

  build(p) {
    const { L, R, T, b1, b2 } = layout(p);
    const figureCode = lines(
      `const L = vt.point(${px(L.x)}, ${px(L.y)}, ''), R = vt.point(${px(R.x)}, ${px(R.y)}, ''), T = vt.point(${px(T.x)}, ${px(T.y)}, '');`,
      "vt.polygon([L, R, T], { fill: '#e8e2d0', width: 2 });",
      `vt.angleMark(R, L, T, { label: '${p.alpha}°', radius: 42 });`,
      `vt.angleMark(T, R, L, { label: '${p.beta}°', radius: 42 });`,
      ...[b1, b2].map((b, i) => `vt.polygon([${b.corners.map(pt).join(', ')}], { fill: '${i ? '#9ecae1' : '#fdd0a2'}', width: 2 });`),
      `const G1 = ${pt(b1.G)}, W1 = ${pt(b1.Wend)}, G2 = ${pt(b2.G)}, W2 = ${pt(b2.Wend)};`,
      "vt.arrow(G1, W1, { color: '#1f3a93', width: 3 });",
      "vt.arrow(G2, W2, { color: '#1f3a93', width: 3 });",
      `vt.text(${px(b1.labelAt.x)}, ${px(b1.labelAt.y)}, 'W₁ = ${p.w1} N', { color: '#1f3a93', align: 'center' });`,
      `vt.text(${px(b2.labelAt.x)}, ${px(b2.labelAt.y)}, 'W₂ = ${p.w2} N', { color: '#1f3a93', align: 'center' });`,
      'vt.export({ L, R, T, G1, W1, G2, W2 });',
    );
    const c1 = projected(L, T, b1.G, b1.Wend, p.w1);
    const c2 = projected(R, T, b2.G, b2.Wend, p.w2);
    const interactions = [{ description: 'Resolve the weight W₁ into components along the left slope and perpendicular to it', code: resolveCode(1, 'left') }];
    const steps = [
      `Resolving W₁ into a component along the slope and one perpendicular to it gives a right triangle whose angle at the block, between W₁ and the perpendicular component, equals the slope angle α = ${p.alpha}°.`,
    ];
    let value: number;
    let q: string;
    const intro = `Two blocks rest on the two faces of a ramp: the left face rises at ${p.alpha}° and the right face at ${p.beta}°; the weights are W₁ = ${p.w1} N and W₂ = ${p.w2} N.`;
    if (p.both) {
      interactions.push({ description: 'Resolve the weight W₂ into components along the right slope and perpendicular to it', code: resolveCode(2, 'right') });
      value = Math.abs(Number(num(c1.along, 1)) - Number(num(c2.along, 1)));
      steps.push(`So the component of W₁ along its slope is ${p.w1} × sin ${p.alpha}° = ${num(c1.along, 1)} N.`);
      steps.push(`Resolving W₂ the same way, its component along the right slope is ${p.w2} × sin ${p.beta}° = ${num(c2.along, 1)} N.`);
      steps.push(`The string pulls with the difference: |${num(c1.along, 1)} - ${num(c2.along, 1)}| = ${num(value, 1)} N.`);
      q = `${intro} The blocks are tied together by a light string over a frictionless pulley at the top. Ignoring friction, what is the size of the net force along the slopes that sets them moving, in newtons (to 1 decimal place)?`;
    } else if (p.along) {
      value = c1.along;
      steps.push(`The component along the slope is opposite that angle: ${p.w1} × sin ${p.alpha}° = ${num(value, 1)} N.`);
      q = `${intro} What is the component of W₁ along the left face of the ramp, in newtons (to 1 decimal place)?`;
    } else {
      value = c1.into;
      steps.push(`The component perpendicular to the slope is adjacent to that angle: ${p.w1} × cos ${p.alpha}° = ${num(value, 1)} N.`);
      q = `${intro} What is the component of W₁ perpendicular to the left face of the ramp, in newtons (to 1 decimal place)?`;
    }
    const v = num(value, 1);
    const answer = p.alpha === 30 || p.alpha === 60 || p.both ? fillIn(`${v} N`) : multipleChoice(`${v} N`, [num(p.along ? c1.into : c1.along, 1), num(value * 1.2, 1), num(value * 0.8, 1), num(p.w1 * (p.alpha / 90), 1)].map((x) => `${x} N`), p.seed, 'force');
    return {
      knowledge: [INCLINE, ...(p.both ? [FREE_BODY, DOUBLE] : [p.along ? ALONG : INTO])],
      tools: ['resolve vector into components', 'mark right angle', 'mark angle', 'resolve weight along and perpendicular to a slope'],
      ...answer,
      figureCode,
      question: q,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    const r1 = (x: number) => Math.round(x * 10) / 10;
    if (p.both) return `${num(Math.abs(r1(p.w1 * Math.sin(p.alpha * DEG)) - r1(p.w2 * Math.sin(p.beta * DEG))), 1)} N`;
    return `${num(r1(p.w1 * (p.along ? Math.sin(p.alpha * DEG) : Math.cos(p.alpha * DEG))), 1)} N`;
  },

  expand(p, mode) {
    return mode === 'parallel' && !p.both ? { ...p, both: true } : null;
  },
});
