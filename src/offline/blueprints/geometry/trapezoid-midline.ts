import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { declarePoints, exportNames, lines, pointCall } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { centroid, dist, intersect, mid, vec } from './lib/vec.js';

type Params = AnswerStyle & {
  /** Top base AD and bottom base BC. */
  a: number;
  b: number;
  /** Drawing only: height and the top base's left offset, in the same units. */
  h: number;
  shift: number;
  ext: ExpansionMode[];
};

function model(p: Params) {
  const A = vec(p.shift, p.h);
  const D = vec(p.shift + p.a, p.h);
  const B = vec(0, 0);
  const C = vec(p.b, 0);
  return { A, B, C, D, E: mid(A, B), F: mid(D, C) };
}

export const trapezoidMidline = defineBlueprint<Params>({
  id: 'trapezoid-midline',
  title: 'Trapezoid midline by joining the midpoints of the legs',
  domain: 'Plane Geometry',
  knowledge: [
    ['Plane Geometry', 'Quadrilaterals', 'Special Quadrilaterals', 'Trapezoid midline'],
    ['Plane Geometry', 'Triangles', 'Congruence and Similarity', 'Triangle midsegment theorem'],
  ],
  related: [
    ['Plane Geometry', 'Quadrilaterals', 'Special Quadrilaterals', 'Trapezoid midline', 'Midline as the average of the bases'],
    ['Plane Geometry', 'Quadrilaterals', 'Special Quadrilaterals', 'Trapezoid midline', 'Segment of the midline between the diagonals'],
  ],
  tools: ['connect midpoints', 'connect points', 'mark point'],
  newTools: ['draw trapezoid midline'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    const a = difficulty === 'hard' ? rng.int(30, 80) / 10 : rng.int(3, 8) * (difficulty === 'easy' ? 2 : 1);
    const b = difficulty === 'hard' ? a + rng.int(30, 70) / 10 : a + rng.int(3, 8) * (difficulty === 'easy' ? 2 : 1);
    return {
      a,
      b,
      h: Math.round(b * rng.float(0.45, 0.65) * 10) / 10,
      shift: Math.round((b - a) * rng.float(0.15, 0.85) * 10) / 10,
      mc: rng.chance(0.5),
      choiceSeed: rng.int(0, 1e9),
      ext: [],
    };
  },

  build(p) {
    const m = model(p);
    const f = fitFrame([m.A, m.B, m.C, m.D], { x: 70, y: 100, w: 372, h: 312 });
    const corners = { A: f.toPx(m.A), B: f.toPx(m.B), C: f.toPx(m.C), D: f.toPx(m.D) };
    const centre = centroid(Object.values(corners));
    const E = f.toPx(m.E);
    const F = f.toPx(m.F);
    const figureCode = lines(
      declarePoints(corners, centre),
      'vt.polygon([A, B, C, D]);',
      `const E = ${pointCall('E', E, vec(-18, 4))}, F = ${pointCall('F', F, vec(10, 4))};`,
      `vt.measure(A, D, '${value(p.a)}');`,
      `vt.measure(C, B, '${value(p.b)}');`,
      exportNames(['A', 'B', 'C', 'D', 'E', 'F']),
    );
    const midline = {
      description: 'Connect the midpoints E and F of the legs: the midline EF',
      code: lines('// midline of the trapezoid', 'const { E, F } = state;', 'vt.connect(E, F);'),
    };
    const diagonals = {
      description: 'Draw the diagonals AC and BD, crossing the midline EF at P and Q',
      code: lines(
        '// diagonals and their crossings with the midline',
        'const { A, B, C, D, E, F } = state;',
        'vt.connect(A, C);',
        'vt.connect(B, D);',
        'const P = vt.geo.intersect(E, F, A, C), Q = vt.geo.intersect(E, F, B, D);',
        "vt.point(P.x, P.y, 'P', { labelOffset: { dx: -4, dy: 18 } });",
        "vt.point(Q.x, Q.y, 'Q', { labelOffset: { dx: -4, dy: 18 } });",
      ),
    };
    const ef = dist(m.E, m.F);
    const intro = `In trapezoid ABCD, AD ∥ BC, AD = ${value(p.a)} and BC = ${value(p.b)}. E and F are the midpoints of the legs AB and CD.`;
    const steps = [`The midline EF joins the midpoints of the legs; it is parallel to the bases and equals their average: EF = (${value(p.a)} + ${value(p.b)})/2 = ${value(ef)}.`];
    const interactions = [midline];
    let question: string;
    let result: number;
    if (p.ext.length === 0) {
      question = `${intro} What is the length of EF?`;
      result = ef;
    } else {
      interactions.push(diagonals);
      const P = intersect(m.E, m.F, m.A, m.C);
      const Q = intersect(m.E, m.F, m.B, m.D);
      result = dist(P, Q);
      steps.push(
        `In triangle ABC the diagonal AC meets EF at P, and EP is a midsegment: EP = BC/2 = ${value(p.b / 2)}. In triangle ABD, EQ is a midsegment: EQ = AD/2 = ${value(p.a / 2)}.`,
        `So PQ = EP − EQ = ${value(p.b / 2)} − ${value(p.a / 2)} = ${value(result)}.`,
      );
      question = `${intro} The diagonals AC and BD cross the segment EF at P and Q. What is the length of PQ?`;
    }
    const correct = value(result);
    const wrong = [...numericDistractors(result, { step: 1 }), value(p.b - p.a), value((p.a + p.b) / 2), value(p.b / 2)];
    const block = answerBlock(p, correct, wrong);
    return {
      knowledge: [
        ['Plane Geometry', 'Quadrilaterals', 'Special Quadrilaterals', 'Trapezoid midline'],
        ...(p.ext.length > 0 ? [['Plane Geometry', 'Triangles', 'Congruence and Similarity', 'Triangle midsegment theorem']] : []),
        ['Plane Geometry', 'Quadrilaterals', 'Special Quadrilaterals', 'Trapezoid midline', p.ext.length > 0 ? 'Segment of the midline between the diagonals' : 'Midline as the average of the bases'],
      ],
      tools: ['connect midpoints', 'draw trapezoid midline', ...(p.ext.length > 0 ? ['connect points', 'mark point'] : [])],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    return value(p.ext.length === 0 ? (p.a + p.b) / 2 : (p.b - p.a) / 2);
  },

  expand(p, mode) {
    return mode === 'sequential' && p.ext.length === 0 ? { ...p, ext: [mode] } : null;
  },
});
