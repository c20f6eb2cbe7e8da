import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors, px } from '../../format.js';
import { DEG } from './lib/math.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const REFLECTION = ['Physics Diagrams', 'Optics', 'Reflection', 'Law of reflection'];
const FROM_NORMAL = [...REFLECTION, 'Angles measured from the normal, not the mirror'];
const TWO_MIRRORS = [...REFLECTION, 'Successive reflections in two inclined mirrors'];

type Pt = { x: number; y: number };
type Params = {
  seed: number;
  /** Angle between the mirrors at O, and the angle between the incoming ray and mirror 1 at P (degrees). */
  phi: number;
  glance: number;
  /** OP in pixels. */
  d: number;
  /** Sequential expansion: follow the ray to mirror 2. */
  second: boolean;
  choice: boolean;
};

/** Screen rotation, counter-clockwise as seen (y grows downwards). */
const rot = (v: Pt, deg: number): Pt => ({ x: v.x * Math.cos(deg * DEG) + v.y * Math.sin(deg * DEG), y: -v.x * Math.sin(deg * DEG) + v.y * Math.cos(deg * DEG) });
const dir = (deg: number): Pt => ({ x: Math.cos(deg * DEG), y: -Math.sin(deg * DEG) });
const add = (P: Pt, v: Pt, t = 1): Pt => ({ x: P.x + v.x * t, y: P.y + v.y * t });
const pt = (P: Pt) => `{ x: ${px(P.x)}, y: ${px(P.y)} }`;

function layout(p: Params) {
  const oq = (p.d * Math.sin(p.glance * DEG)) / Math.sin((p.phi + p.glance) * DEG);
  const reach = oq + 60;
  const O = { x: 50 + Math.max(0, -Math.cos(p.phi * DEG) * reach), y: 420 };
  const M1 = { x: 480, y: 420 };
  const M2 = add(O, dir(p.phi), reach);
  const P = add(O, dir(0), p.d);
  const Q = add(O, dir(p.phi), oq);
  const s = Math.min(250, (490 - P.x) / Math.cos(p.glance * DEG), 360 / Math.sin(p.glance * DEG));
  const S = add(P, dir(p.glance), s);
  return { O, M1, M2, P, Q, S };
}

export const mirrorReflectionNormal = defineBlueprint<Params>({
  id: 'mirror-reflection-normal',
  title: 'Law of reflection with the normal at the point of incidence',
  domain: 'Physics Diagrams',
  knowledge: [REFLECTION],
  related: [FROM_NORMAL, TWO_MIRRORS],
  tools: ['draw normal line', 'mark angle', 'mark right angle'],
  newTools: ['follow a ray to the next mirror'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    for (;;) {
      const phi = difficulty === 'easy' ? rng.pick([60, 70, 80, 90, 100]) : rng.int(60, 120);
      const glance = difficulty === 'easy' ? rng.pick([30, 40, 50, 60]) : rng.int(25, 70);
      const sum = phi + glance;
      if (sum < 100 || sum > 165) continue;
      const dMax = (300 * Math.sin(sum * DEG)) / Math.sin(glance * DEG);
      const d = Math.round(Math.min(260, dMax));
      const p: Params = { seed: instanceSeed(rng), phi, glance, d, second: false, choice: difficulty !== 'easy' };
      const { P, S, M2 } = layout(p);
      if (d >= 130 && P.x <= 420 && Math.hypot(S.x - P.x, S.y - P.y) >= 110 && M2.y >= 30 && M2.x <= 490) return p;
    }
  },

  build(p) {
    const { O, M1, M2, P, Q, S } = layout(p);
    const hatch = (A: Pt, B: Pt, side: number) => {
      const len = Math.hypot(B.x - A.x, B.y - A.y);
      const u = { x: (B.x - A.x) / len, y: (B.y - A.y) / len };
      const back = rot(u, side * 90);
      return `for (let t = 10; t < ${Math.round(len)}; t += 16) { const H = { x: ${px(A.x)} + ${num(u.x, 4)} * t, y: ${px(A.y)} + ${num(u.y, 4)} * t }; vt.segment(H, { x: H.x + ${num(back.x * 9 + u.x * -7, 2)}, y: H.y + ${num(back.y * 9 + u.y * -7, 2)} }, { width: 1 }); }`;
    };
    const figureCode = lines(
      `const O = vt.point(${px(O.x)}, ${px(O.y)}, 'O'), M1 = ${pt(M1)}, M2 = ${pt(M2)};`,
      "vt.segment(O, M1, { width: 5, color: '#555' });",
      "vt.segment(O, M2, { width: 5, color: '#555' });",
      hatch(O, M1, -1),
      hatch(O, M2, 1),
      "vt.text(M1.x - 70, M1.y + 30, 'mirror 1', { size: 15 });",
      "vt.label(M2, 'mirror 2', { labelOffset: { dx: 50, dy: 2 } });",
      `vt.angleMark(M1, O, M2, { label: '${p.phi}°', radius: 30 });`,
      `const S = vt.point(${px(S.x)}, ${px(S.y)}, 'S'), P = vt.point(${px(P.x)}, ${px(P.y)}, 'P'), Q = vt.point(${px(Q.x)}, ${px(Q.y)}, 'Q');`,
      "vt.arrow(S, P, { color: '#ff7f0e', width: 3 });",
      "vt.arrow(P, Q, { color: '#ff7f0e', width: 3 });",
      `vt.angleMark(M1, P, S, { label: '${p.glance}°', radius: 38 });`,
      'vt.export({ O, M1, M2, S, P, Q });',
    );
    const interactions = [
      {
        description: 'Draw the normal to mirror 1 at P and mark the angles of incidence and reflection from it',
        code: lines(
          'const { P, M1, S, Q } = state;',
          'const R = vt.geo.rotate(M1, P, 90);',
          'const N = vt.geo.along(P, R, 150 / vt.geo.distance(P, R));',
          'vt.segment(P, N, vt.aux);',
          "vt.rightAngle(M1, P, N, { color: '#d62728' });",
          "vt.angleMark(S, P, N, { label: 'i', color: '#d62728', radius: 48 });",
          "vt.angleMark(N, P, Q, { label: 'r', color: '#d62728', radius: 56 });",
        ),
      },
    ];
    const steps = [
      `The normal at P is perpendicular to mirror 1, so the incoming ray makes 90° - ${p.glance}° = ${90 - p.glance}° with it: the angle of incidence is ${90 - p.glance}°.`,
      `By the law of reflection the angle of reflection at P equals it: ${90 - p.glance}°, so the reflected ray PQ also makes ${p.glance}° with mirror 1.`,
    ];
    // Angle between a ray direction and the normal to the mirror through O and B, from the drawn coordinates.
    const fromNormal = (from: Pt, to: Pt, B: Pt) => {
      const m = { x: B.x - O.x, y: B.y - O.y };
      const n = rot(m, 90);
      const v = { x: to.x - from.x, y: to.y - from.y };
      return Math.acos(Math.abs(v.x * n.x + v.y * n.y) / (Math.hypot(v.x, v.y) * Math.hypot(n.x, n.y))) / DEG;
    };
    let value = Math.round(fromNormal(S, P, M1));
    let q = `A light ray from S strikes mirror 1 at P; the angle between the incoming ray and the mirror is ${p.glance}°. What is the angle of reflection at P, in degrees?`;
    if (p.second) {
      const inward = rot({ x: O.x - Q.x, y: O.y - Q.y }, -90);
      const towardP = (P.x - Q.x) * inward.x + (P.y - Q.y) * inward.y > 0 ? -90 : 90;
      interactions.push({
        description: 'Draw the normal to mirror 2 at Q and the ray reflected at Q',
        code: lines(
          'const { O, P, Q } = state;',
          `const R = vt.geo.rotate(O, Q, ${towardP});`,
          'const N = vt.geo.along(Q, R, 100 / vt.geo.distance(Q, R));',
          'vt.segment(Q, N, vt.aux);',
          "vt.rightAngle(O, Q, N, { color: '#d62728' });",
          'const image = vt.geo.reflect(P, O, Q);',
          'vt.arrow(Q, vt.geo.along(image, Q, 1 + 90 / vt.geo.distance(image, Q)), vt.aux);',
          "vt.angleMark(P, Q, N, { label: 'i₂', color: '#9467bd', radius: 44 });",
        ),
      });
      value = Math.round(fromNormal(P, Q, M2));
      const atQ = 180 - p.phi - p.glance;
      steps.push(`In triangle OPQ the angles at O and P are ${p.phi}° and ${p.glance}°, so the reflected ray meets mirror 2 at 180° - ${p.phi}° - ${p.glance}° = ${atQ}° to the mirror.`);
      steps.push(`With the normal to mirror 2 at Q, the angle of incidence there is 90° - ${atQ}° = ${90 - atQ}°, and the angle of reflection at Q equals it: ${value}°.`);
      q = `A light ray from S strikes mirror 1 at P, making ${p.glance}° with that mirror, and is reflected to mirror 2 at Q; the mirrors meet at O at an angle of ${p.phi}°. What is the angle of reflection at Q, in degrees?`;
    }
    const answer = p.choice
      ? multipleChoice(`${num(value)}°`, [...numericDistractors(value, { step: 10, unit: '°' }), `${90 - value}°`, `${180 - 2 * value}°`], p.seed, 'angle')
      : fillIn(`${num(value)}°`);
    return {
      knowledge: [REFLECTION, p.second ? TWO_MIRRORS : FROM_NORMAL],
      tools: ['draw normal line', 'mark angle', 'mark right angle', ...(p.second ? ['follow a ray to the next mirror'] : [])],
      ...answer,
      figureCode,
      question: q,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    // Incidence at P is the complement of the glancing angle; at Q the glancing angle is the third angle of triangle OPQ.
    return `${p.second ? 90 - (180 - p.phi - p.glance) : 90 - p.glance}°`;
  },

  expand(p, mode) {
    return mode === 'sequential' && !p.second ? { ...p, second: true } : null;
  },
});
