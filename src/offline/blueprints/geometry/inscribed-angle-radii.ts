import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors } from '../../format.js';
import { answerBlock, degrees, solutionText, type AnswerStyle } from './lib/answer.js';
import { declarePoints, lines, pointCall } from './lib/code.js';
import { type Vec, add, angleAt, intersect, polar, vec } from './lib/vec.js';

type Params = AnswerStyle & {
  /** The inscribed angle ACB in degrees. */
  theta: number;
  /** Direction (degrees) from O to the middle of the minor arc AB. */
  mu: number;
  /** Position of C on the major arc, degrees away from its middle. */
  t: number;
  ask: 'central' | 'base';
  ext: ExpansionMode[];
};

const O_PX = vec(256, 300);
const R = 128;
const toPx = (p: Vec): Vec => vec(O_PX.x + p.x, O_PX.y - p.y);
const perp = (v: Vec): Vec => vec(-v.y, v.x);

function model(p: Params) {
  const O = vec(0, 0);
  const A = polar(O, p.mu + p.theta, R);
  const B = polar(O, p.mu - p.theta, R);
  const C = polar(O, p.mu + 180 + p.t, R);
  const P = intersect(A, add(A, perp(A)), B, add(B, perp(B)));
  return { O, A, B, C, P };
}

export const inscribedAngleRadii = defineBlueprint<Params>({
  id: 'inscribed-angle-radii',
  title: 'Inscribed angle through the radii to the chord ends',
  domain: 'Plane Geometry',
  knowledge: [
    ['Plane Geometry', 'Circles', 'Angles in Circles', 'Inscribed angle theorem'],
    ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Isosceles triangle base angles'],
    ['Plane Geometry', 'Circles', 'Tangents', 'Tangent perpendicular to radius'],
  ],
  related: [
    ['Plane Geometry', 'Circles', 'Angles in Circles', 'Inscribed angle theorem', 'Central angle is twice the inscribed angle'],
    ['Plane Geometry', 'Circles', 'Angles in Circles', 'Inscribed angle theorem', 'Angle between chord and radius'],
    ['Plane Geometry', 'Circles', 'Tangents', 'Tangent perpendicular to radius', 'Angle between two tangents from the central angle'],
  ],
  tools: ['draw radius', 'mark angle', 'construct tangent line', 'mark right angle'],
  newTools: ['connect centre to chord ends'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    const theta = difficulty === 'easy' ? 5 * rng.int(6, 12) : difficulty === 'medium' ? rng.int(28, 60) : rng.int(25, 60);
    const room = 180 - theta - 50;
    return {
      theta,
      mu: rng.int(72, 108),
      t: rng.int(-room, room),
      ask: difficulty === 'easy' ? 'central' : 'base',
      mc: rng.chance(0.5),
      choiceSeed: rng.int(0, 1e9),
      ext: [],
    };
  },

  build(p) {
    const m = model(p);
    const px = { O: toPx(m.O), A: toPx(m.A), B: toPx(m.B), C: toPx(m.C) };
    const figureCode = lines(
      `const O = ${pointCall('O', px.O, vec(-16, 16))};`,
      declarePoints({ A: px.A, B: px.B, C: px.C }, px.O),
      `vt.circle(O, ${R});`,
      'vt.polygon([A, B, C]);',
      `vt.angleMark(A, C, B, { label: '${p.theta}°', radius: 30 });`,
      `vt.export({ O, A, B, C, r: ${R} });`,
    );
    const radii = {
      description: 'Draw the radii OA and OB and mark the central angle AOB',
      code: lines('// radii to the ends of the chord AB', 'const { O, A, B } = state;', 'vt.connect(O, A);', 'vt.connect(O, B);', "vt.angleMark(A, O, B, { color: '#d62728', radius: 22 });"),
    };
    const P = toPx(m.P);
    const tangents = {
      description: 'Draw the tangents to the circle at A and B, meeting at P, with their right angles to the radii',
      code: lines(
        '// tangents at A and B meet at P',
        'const { O, A, B, r } = state;',
        `const P = ${pointCall('P', P, vec(0, -10))};`,
        'vt.tangent(P, O, r);',
        'vt.rightAngle(O, A, P);',
        'vt.rightAngle(O, B, P);',
      ),
    };
    const aob = angleAt(m.A, m.O, m.B);
    const oab = angleAt(m.O, m.A, m.B);
    const intro = `In the figure, O is the centre of the circle and ∠ACB = ${p.theta}°.`;
    const steps = [
      `The radii OA and OB give the central angle AOB on the same arc AB as the inscribed angle ACB, so ∠AOB = 2·${p.theta}° = ${degrees(aob)}.`,
    ];
    let question: string;
    let result: number;
    const interactions = [radii];
    if (p.ext.length === 0 && p.ask === 'central') {
      question = `${intro} What is the measure of ∠AOB?`;
      result = aob;
    } else if (p.ext.length === 0) {
      question = `${intro} What is the measure of ∠OAB?`;
      result = oab;
      steps.push(`Triangle OAB is isosceles (OA = OB are radii), so ∠OAB = (180° − ${degrees(aob)})/2 = ${degrees(oab)}.`);
    } else {
      interactions.push(tangents);
      result = angleAt(m.A, m.P, m.B);
      question = `${intro} The tangents to the circle at A and B meet at a point P. What is the measure of ∠APB?`;
      steps.push(
        `Each tangent is perpendicular to its radius: ∠OAP = ∠OBP = 90°.`,
        `In quadrilateral OAPB the angles sum to 360°, so ∠APB = 360° − 90° − 90° − ${degrees(aob)} = ${degrees(result)}.`,
      );
    }
    const correct = degrees(result);
    const wrong = [...numericDistractors(result, { step: 5, unit: '°' }), degrees(p.theta), degrees(180 - p.theta), degrees(90 - p.theta / 2)];
    const block = answerBlock(p, correct, wrong);
    const rel =
      p.ext.length > 0
        ? ['Plane Geometry', 'Circles', 'Tangents', 'Tangent perpendicular to radius', 'Angle between two tangents from the central angle']
        : ['Plane Geometry', 'Circles', 'Angles in Circles', 'Inscribed angle theorem', p.ask === 'central' ? 'Central angle is twice the inscribed angle' : 'Angle between chord and radius'];
    return {
      knowledge: [
        ['Plane Geometry', 'Circles', 'Angles in Circles', 'Inscribed angle theorem'],
        ...(p.ask === 'base' && p.ext.length === 0 ? [['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Isosceles triangle base angles']] : []),
        ...(p.ext.length > 0 ? [['Plane Geometry', 'Circles', 'Tangents', 'Tangent perpendicular to radius']] : []),
        rel,
      ],
      tools: ['draw radius', 'mark angle', 'connect centre to chord ends', ...(p.ext.length > 0 ? ['construct tangent line', 'mark right angle'] : [])],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    if (p.ext.length > 0) return String(180 - 2 * p.theta);
    return String(p.ask === 'central' ? 2 * p.theta : 90 - p.theta);
  },

  expand(p, mode) {
    return mode === 'sequential' && p.ext.length === 0 ? { ...p, ext: [mode] } : null;
  },
});
