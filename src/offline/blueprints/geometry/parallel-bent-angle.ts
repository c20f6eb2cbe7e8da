import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors, px } from '../../format.js';
import type { Rng } from '../../rng.js';
import { answerBlock, degrees, solutionText, type AnswerStyle } from './lib/answer.js';
import { exportNames, lines, pointCall, styleArg } from './lib/code.js';
import { type Vec, add, angleAt, sub, unit, vec } from './lib/vec.js';
import { firstFit } from './lib/retry.js';

type Params = AnswerStyle & {
  /** ∠BAE and ∠DCE at the right bend E; ∠PGF and ∠QHF at the left bend F. */
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
  E: [number, number];
  F: [number, number];
  ext: ExpansionMode[];
};

const TOP = 140;
const BOTTOM = 390;
const LEFT = 40;
const RIGHT = 472;
const tan = (deg: number) => Math.tan((deg * Math.PI) / 180);

function layout(p: Params) {
  const E = vec(...p.E);
  const F = vec(...p.F);
  return {
    P: vec(LEFT, TOP),
    B: vec(RIGHT, TOP),
    Q: vec(LEFT, BOTTOM),
    D: vec(RIGHT, BOTTOM),
    E,
    F,
    A: vec(E.x - (E.y - TOP) / tan(p.alpha), TOP),
    C: vec(E.x - (BOTTOM - E.y) / tan(p.beta), BOTTOM),
    G: vec(F.x + (F.y - TOP) / tan(p.gamma), TOP),
    H: vec(F.x + (BOTTOM - F.y) / tan(p.delta), BOTTOM),
  };
}

function drawAngles(rng: Rng, difficulty: string): number[] {
  const step = difficulty === 'easy' ? 5 : 1;
  const lo = difficulty === 'hard' ? 32 : 35;
  const hi = difficulty === 'hard' ? 72 : 70;
  return Array.from({ length: 4 }, () => step * rng.int(Math.ceil(lo / step), Math.floor(hi / step)));
}

function fits(p: Params): boolean {
  const { A, C, G, H } = layout(p);
  return (
    Math.abs(p.alpha - p.beta) >= 10 &&
    Math.abs(p.gamma - p.delta) >= 6 &&
    [A, C].every((X) => X.x >= 200 && X.x <= p.E[0] - 50) &&
    [G, H].every((X) => X.x <= 300 && X.x >= p.F[0] + 50) &&
    A.x - G.x >= 70 &&
    C.x - H.x >= 70
  );
}

/** The acute angle between a direction and the horizontal parallels. */
function acuteToHorizontal(d: Vec): number {
  return (Math.atan2(Math.abs(d.y), Math.abs(d.x)) * 180) / Math.PI;
}

export const parallelBentAngle = defineBlueprint<Params>({
  id: 'parallel-bent-angle',
  title: 'Bent angle between parallel lines via an auxiliary parallel',
  domain: 'Plane Geometry',
  knowledge: [
    ['Plane Geometry', 'Lines and Angles', 'Parallel Lines', 'Angle between parallel lines via auxiliary parallel'],
    ['Plane Geometry', 'Lines and Angles', 'Parallel Lines', 'Alternate interior angles'],
  ],
  related: [
    ['Plane Geometry', 'Lines and Angles', 'Parallel Lines', 'Angle between parallel lines via auxiliary parallel', 'Bent angle equals the sum of alternate angles'],
    ['Plane Geometry', 'Lines and Angles', 'Parallel Lines', 'Angle between parallel lines via auxiliary parallel', 'Bisector of a bent angle against the parallels'],
    ['Plane Geometry', 'Lines and Angles', 'Parallel Lines', 'Angle between parallel lines via auxiliary parallel', 'Two bends between the same parallels'],
  ],
  tools: ['construct parallel line', 'mark angle', 'construct angle bisector'],
  newTools: ['parallel through the bend vertex'],
  expansions: ['parallel', 'sequential'],

  params(rng, difficulty) {
    return firstFit('parallel-bent-angle', () => {
      const [alpha, beta, gamma, delta] = drawAngles(rng, difficulty) as [number, number, number, number];
      const p: Params = {
        alpha,
        beta,
        gamma,
        delta,
        E: [rng.int(425, 450), rng.int(TOP + 95, BOTTOM - 95)],
        F: [rng.int(62, 90), rng.int(TOP + 95, BOTTOM - 95)],
        mc: rng.chance(0.5),
        choiceSeed: rng.int(0, 1e9),
        ext: [],
      };
      if (fits(p)) return p;
      return null;
    });
  },

  build(p) {
    const L = layout(p);
    const label = (deg: number) => styleArg({ label: `'${deg}°'`, radius: 34 });
    const figureCode = lines(
      `const ${(['P', 'G', 'A', 'B'] as const).map((n) => `${n} = ${pointCall(n, L[n], vec(-4, -12))}`).join(', ')};`,
      `const ${(['Q', 'H', 'C', 'D'] as const).map((n) => `${n} = ${pointCall(n, L[n], vec(-4, 24))}`).join(', ')};`,
      `const E = ${pointCall('E', L.E, vec(12, 5))}, F = ${pointCall('F', L.F, vec(-22, 5))};`,
      'vt.segment(P, B);',
      'vt.segment(Q, D);',
      'vt.polyline([A, E, C]);',
      'vt.polyline([G, F, H]);',
      `vt.angleMark(B, A, E${label(p.alpha)});`,
      `vt.angleMark(D, C, E${label(p.beta)});`,
      `vt.angleMark(P, G, F${label(p.gamma)});`,
      `vt.angleMark(Q, H, F${label(p.delta)});`,
      exportNames(['P', 'B', 'Q', 'D', 'A', 'C', 'E', 'G', 'H', 'F']),
    );
    const throughE = {
      description: 'Draw the line through E parallel to PB (and QD), splitting ∠AEC into two alternate angles',
      code: lines(
        '// auxiliary parallel through the bend E',
        'const { P, B, E } = state;',
        'vt.parallel(E, P, B);',
        `vt.text(${px(Math.min(L.E.x + 40, 490))}, ${px(L.E.y - 8)}, 'ℓ', { color: '#d62728' });`,
      ),
    };
    const throughF = {
      description: 'Draw the line through F parallel to PB (and QD), splitting ∠GFH into two alternate angles',
      code: lines('// auxiliary parallel through the bend F', 'const { P, B, F } = state;', 'vt.parallel(F, P, B);'),
    };
    const bisector = {
      description: 'Draw the bisector of ∠AEC from E and mark its angle with the auxiliary parallel',
      code: lines(
        '// bisector of the bent angle at E',
        'const { A, C, E } = state;',
        'const K = vt.bisector(A, E, C);',
        `vt.angleMark(K, E, { x: ${px(L.E.x - 60)}, y: ${px(L.E.y)} }, { color: '#d62728', radius: 46 });`,
      ),
    };

    // Angles measured on the constructed figure itself.
    const aec = angleAt(L.A, L.E, L.C);
    const gfh = angleAt(L.G, L.F, L.H);
    const bis = add(unit(sub(L.A, L.E)), unit(sub(L.C, L.E)));
    const mode = p.ext[0];
    const given = `the lines PB and QD are parallel, ∠BAE = ${p.alpha}° and ∠DCE = ${p.beta}°`;
    let question: string;
    let result: number;
    const steps = [
      `Through E take the line ℓ parallel to PB; it is also parallel to QD, and it splits ∠AEC into an upper and a lower part.`,
      `The upper part equals ∠BAE = ${p.alpha}° (alternate interior angles, PB ∥ ℓ) and the lower part equals ∠DCE = ${p.beta}° (QD ∥ ℓ).`,
      `So ∠AEC = ${p.alpha}° + ${p.beta}° = ${degrees(aec)}.`,
    ];
    const interactions = [throughE];
    if (mode === 'parallel') {
      question = `In the figure, ${given}, ∠PGF = ${p.gamma}° and ∠QHF = ${p.delta}°. What is ∠AEC + ∠GFH?`;
      result = aec + gfh;
      interactions.push(throughF);
      steps.push(
        `Likewise the line through F parallel to PB splits ∠GFH into ∠PGF = ${p.gamma}° and ∠QHF = ${p.delta}°, so ∠GFH = ${degrees(gfh)}.`,
        `∠AEC + ∠GFH = ${degrees(aec)} + ${degrees(gfh)} = ${degrees(result)}.`,
      );
    } else if (mode === 'sequential') {
      question = `In the figure, ${given}. What is the acute angle between the bisector of ∠AEC and the line PB?`;
      result = acuteToHorizontal(bis);
      interactions.push(bisector);
      steps.push(
        `The bisector of ∠AEC makes ${degrees(aec / 2)} with EA, and EA makes ${p.alpha}° with the parallel ℓ.`,
        `So the bisector makes |${p.alpha}° − ${degrees(aec / 2)}| = ${degrees(result)} with ℓ, hence with PB.`,
      );
    } else {
      question = `In the figure, ${given}. What is the measure of ∠AEC?`;
      result = aec;
    }
    const correct = degrees(result);
    const wrong =
      mode === 'sequential'
        ? [...numericDistractors(result, { step: 4, unit: '°' }), degrees(Math.abs(p.alpha - p.beta)), degrees(aec / 2), degrees(90 - result)].filter((w) => parseFloat(w) < 90)
        : [...numericDistractors(result, { step: 5, unit: '°' }), degrees(180 - result), degrees(Math.abs(p.alpha - p.beta)), degrees(360 - result)];
    const block = answerBlock(p, correct, wrong);
    const related = [['Plane Geometry', 'Lines and Angles', 'Parallel Lines', 'Angle between parallel lines via auxiliary parallel', 'Bent angle equals the sum of alternate angles']];
    if (mode === 'sequential') related.push(['Plane Geometry', 'Lines and Angles', 'Parallel Lines', 'Angle between parallel lines via auxiliary parallel', 'Bisector of a bent angle against the parallels']);
    if (mode === 'parallel') related.push(['Plane Geometry', 'Lines and Angles', 'Parallel Lines', 'Angle between parallel lines via auxiliary parallel', 'Two bends between the same parallels']);
    return {
      knowledge: [
        ['Plane Geometry', 'Lines and Angles', 'Parallel Lines', 'Angle between parallel lines via auxiliary parallel'],
        ['Plane Geometry', 'Lines and Angles', 'Parallel Lines', 'Alternate interior angles'],
        ...related,
      ],
      tools: ['construct parallel line', 'mark angle', ...(mode === 'sequential' ? ['construct angle bisector'] : []), 'parallel through the bend vertex'],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    const mode = p.ext[0];
    if (mode === 'parallel') return String(p.alpha + p.beta + p.gamma + p.delta);
    if (mode === 'sequential') return String(Math.abs(p.alpha - p.beta) / 2);
    return String(p.alpha + p.beta);
  },

  expand(p, mode) {
    return p.ext.length === 0 ? { ...p, ext: [mode] } : null;
  },
});

