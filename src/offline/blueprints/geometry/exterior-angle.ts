import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors } from '../../format.js';
import { answerBlock, degrees, solutionText, type AnswerStyle } from './lib/answer.js';
import { declarePoints, exportNames, lines } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { add, angleAt, centroid, polar, sub, vec } from './lib/vec.js';
import { firstFit } from './lib/retry.js';

type Params = AnswerStyle & {
  /** Interior angles at A and B. */
  alpha: number;
  beta: number;
  ext: ExpansionMode[];
};

const sin = (d: number) => Math.sin((d * Math.PI) / 180);

function model(p: Params) {
  const A = vec(0, 0);
  const B = vec(10, 0);
  const C = polar(A, p.alpha, (10 * sin(p.beta)) / sin(p.alpha + p.beta));
  return { A, B, C };
}

export const exteriorAngle = defineBlueprint<Params>({
  id: 'exterior-angle',
  title: 'Exterior angle of a triangle by extending a side',
  domain: 'Plane Geometry',
  knowledge: [
    ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Exterior angle theorem'],
    ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Triangle angle sum'],
    ['Plane Geometry', 'Lines and Angles', 'Angle Relationships', 'Supplementary angles on a line'],
  ],
  related: [
    ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Exterior angle theorem', 'Exterior angle equals the two remote interior angles'],
    ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Exterior angle theorem', 'Sum of two exterior angles'],
  ],
  tools: ['extend segment', 'mark angle'],
  newTools: ['extend side to form exterior angle'],
  expansions: ['parallel'],

  params(rng, difficulty) {
    return firstFit('exterior-angle', () => {
      const step = difficulty === 'easy' ? 5 : 1;
      const alpha = step * rng.int(Math.ceil(35 / step), Math.floor(75 / step));
      const beta = step * rng.int(Math.ceil(35 / step), Math.floor(75 / step));
      if (alpha + beta <= 125 && Math.abs(alpha - beta) >= 4) return { alpha, beta, mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9), ext: [] };
      return null;
    });
  },

  build(p) {
    const m = model(p);
    const f = fitFrame([m.A, m.B, m.C], { x: 110, y: 150, w: 300, h: 250 });
    const px = { A: f.toPx(m.A), B: f.toPx(m.B), C: f.toPx(m.C) };
    const figureCode = lines(
      declarePoints(px, centroid(Object.values(px))),
      'vt.polygon([A, B, C]);',
      `vt.angleMark(B, A, C, { label: '${p.alpha}°', radius: 30 });`,
      `vt.angleMark(C, B, A, { label: '${p.beta}°', radius: 30 });`,
      exportNames(['A', 'B', 'C']),
    );
    const atC = {
      description: 'Extend side BC beyond C to E and mark the exterior angle ACE',
      code: lines('// extension of BC beyond C', 'const { A, B, C } = state;', 'const E = vt.extend(B, C, 90);', "vt.point(E.x, E.y, 'E');", "vt.angleMark(A, C, E, { color: '#d62728', radius: 24 });"),
    };
    const atA = {
      description: 'Extend side CA beyond A to F and mark the exterior angle BAF',
      code: lines('// extension of CA beyond A', 'const { A, B, C } = state;', 'const F = vt.extend(C, A, 80);', "vt.point(F.x, F.y, 'F');", "vt.angleMark(B, A, F, { color: '#d62728', radius: 20 });"),
    };
    const extC = angleAt(m.A, m.C, add(m.C, sub(m.C, m.B)));
    const extA = angleAt(m.B, m.A, add(m.A, sub(m.A, m.C)));
    const intro = `In triangle ABC, ∠A = ${p.alpha}° and ∠B = ${p.beta}°.`;
    const steps = [
      `Extend BC beyond C to E. The exterior angle ACE and ∠ACB are supplementary, and ∠ACB = 180° − ${p.alpha}° − ${p.beta}°.`,
      `So ∠ACE = ${p.alpha}° + ${p.beta}° = ${degrees(extC)}: the exterior angle equals the two remote interior angles.`,
    ];
    const interactions = [atC];
    let question: string;
    let result: number;
    if (p.ext.length === 0) {
      question = `${intro} What is the exterior angle of the triangle at C, between side CA and the extension of side BC beyond C?`;
      result = extC;
    } else {
      interactions.push(atA);
      result = extC + extA;
      steps.push(
        `Extend CA beyond A to F. The exterior angle BAF equals the remote interior angles ∠B + ∠C = 180° − ${p.alpha}° = ${degrees(extA)}.`,
        `The sum is ${degrees(extC)} + ${degrees(extA)} = ${degrees(result)}.`,
      );
      question = `${intro} What is the sum of two exterior angles of the triangle: the one at C between CA and the extension of BC beyond C, and the one at A between AB and the extension of CA beyond A?`;
    }
    const correct = degrees(result);
    const wrong = [...numericDistractors(result, { step: 10, unit: '°' }), degrees(180 - result), degrees(result - p.beta)];
    const block = answerBlock(p, correct, wrong);
    return {
      knowledge: [
        ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Exterior angle theorem'],
        ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Triangle angle sum'],
        ...(p.ext.length > 0 ? [['Plane Geometry', 'Lines and Angles', 'Angle Relationships', 'Supplementary angles on a line']] : []),
        ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Exterior angle theorem', p.ext.length > 0 ? 'Sum of two exterior angles' : 'Exterior angle equals the two remote interior angles'],
      ],
      tools: ['extend segment', 'mark angle', 'extend side to form exterior angle'],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    return String(p.ext.length === 0 ? p.alpha + p.beta : 180 + p.beta);
  },

  expand(p, mode) {
    return mode === 'parallel' && p.ext.length === 0 ? { ...p, ext: [mode] } : null;
  },
});
