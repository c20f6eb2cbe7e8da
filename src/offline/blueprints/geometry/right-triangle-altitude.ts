import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors, num } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { declarePoints, exportNames, lines } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { add, dist, foot, intersect, mid, shoelace, sub, unit, vec } from './lib/vec.js';

type Params = AnswerStyle & {
  /** Legs: AC = b, BC = a (cm). */
  a: number;
  b: number;
  ask: 'altitude' | 'segment';
  ext: ExpansionMode[];
};

const EASY: [number, number][] = [[3, 4], [4, 3], [6, 8], [8, 6]];
const MEDIUM: [number, number][] = [[5, 12], [12, 5], [9, 12], [12, 9], [8, 15], [15, 8], [12, 16], [16, 12]];

/** Triangle in model units: hypotenuse AB on the x-axis, C above it. */
function model(p: Params) {
  const c = Math.hypot(p.a, p.b);
  const A = vec(0, 0);
  const B = vec(c, 0);
  const angleA = Math.atan2(p.a, p.b);
  const C = vec(p.b * Math.cos(angleA), p.b * Math.sin(angleA));
  return { A, B, C, c };
}

export const rightTriangleAltitude = defineBlueprint<Params>({
  id: 'right-triangle-altitude',
  title: 'Altitude to the hypotenuse of a right triangle',
  domain: 'Plane Geometry',
  knowledge: [
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Altitude to the hypotenuse'],
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Pythagorean theorem'],
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Median to the hypotenuse'],
    ['Plane Geometry', 'Triangles', 'Congruence and Similarity', 'Angle bisector theorem'],
  ],
  related: [
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Altitude to the hypotenuse', 'Altitude as product of legs over hypotenuse'],
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Altitude to the hypotenuse', 'Geometric mean relations'],
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Median to the hypotenuse', 'Distance between altitude foot and midpoint'],
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Altitude to the hypotenuse', 'Right-angle bisector between altitude and median'],
  ],
  tools: ['construct perpendicular line', 'connect points', 'construct angle bisector', 'mark point'],
  newTools: ['drop altitude to hypotenuse', 'draw median to hypotenuse'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    let legs: [number, number];
    if (difficulty === 'easy') legs = rng.pick(EASY);
    else if (difficulty === 'medium') legs = rng.pick(MEDIUM);
    else {
      do legs = [rng.int(5, 15), rng.int(5, 15)];
      while (Math.abs(legs[0] - legs[1]) < 2 || Math.max(...legs) / Math.min(...legs) > 2.4);
    }
    return { a: legs[0], b: legs[1], ask: rng.chance(0.5) ? 'altitude' : 'segment', mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9), ext: [] };
  },

  build(p) {
    const m = model(p);
    const D = foot(m.C, m.A, m.B);
    const M = mid(m.A, m.B);
    const E = intersect(m.A, m.B, m.C, add(m.C, add(unit(sub(m.A, m.C)), unit(sub(m.B, m.C)))));
    const f = fitFrame([m.A, m.B, m.C], { x: 60, y: 110, w: 392, h: 300 });
    const [A, B, C] = [m.A, m.B, m.C].map(f.toPx) as [typeof m.A, typeof m.A, typeof m.A];
    const centre = vec((A.x + B.x + C.x) / 3, (A.y + B.y + C.y) / 3);
    const figureCode = lines(
      declarePoints({ A, B, C }, centre),
      'vt.polygon([A, B, C]);',
      'vt.rightAngle(A, C, B);',
      `vt.measure(A, C, '${p.b} cm');`,
      `vt.measure(C, B, '${p.a} cm');`,
      exportNames(['A', 'B', 'C']),
    );
    const altitude = {
      description: 'Drop the altitude from C to the hypotenuse AB, with foot D',
      code: lines('// altitude from the right angle to the hypotenuse', 'const { A, B, C } = state;', 'const D = vt.perpendicular(C, A, B);', "vt.point(D.x, D.y, 'D', { labelOffset: { dx: 0, dy: 18 } });", exportNames(['D'])),
    };
    const median = {
      description: 'Mark the midpoint M of the hypotenuse AB and draw the median CM',
      code: lines('// median to the hypotenuse', 'const { A, B, C } = state;', "const M = vt.midpoint(A, B, 'M');", 'vt.connect(C, M);', exportNames(['M'])),
    };
    const bisector = {
      description: 'Draw the bisector of the right angle ACB from C, meeting AB at E',
      code: lines(
        '// bisector of the right angle, stopped at the hypotenuse',
        'const { A, B, C } = state;',
        'const E = vt.bisector(A, C, B, { until: [A, B] });',
        "vt.point(E.x, E.y, 'E', { labelOffset: { dx: 0, dy: 18 } });",
      ),
    };

    const c = m.c;
    const cd = dist(m.C, D);
    const ad = dist(m.A, D);
    const depth = p.ext.length;
    const intro = `In right triangle ABC, ∠ACB = 90°, AC = ${p.b} cm and BC = ${p.a} cm.`;
    const steps = [
      `The altitude CD from C to AB: by Pythagoras AB = √(${p.b}² + ${p.a}²) = ${value(c)} cm.`,
      `Triangles ACD and ABC are similar, so CD = AC·BC/AB = ${value(cd)} cm and AD = AC²/AB = ${value(ad)} cm.`,
    ];
    let question: string;
    let result: number;
    const interactions = [altitude];
    if (depth === 0) {
      question =
        p.ask === 'altitude'
          ? `${intro} What is the distance from C to the hypotenuse AB (in cm)?`
          : `${intro} Let D be the point of AB closest to C. What is the length of AD (in cm)?`;
      result = p.ask === 'altitude' ? cd : ad;
    } else {
      interactions.push(median);
      const dm = dist(D, M);
      steps.push(`The median CM goes to the midpoint M of AB, so AM = AB/2 = ${value(c / 2)} cm and DM = |AM − AD| = ${value(dm)} cm.`);
      if (depth === 1) {
        question = `${intro} Let D be the point of AB closest to C and M the midpoint of AB. What is the length of DM (in cm)?`;
        result = dm;
      } else {
        interactions.push(bisector);
        const ae = dist(m.A, E);
        result = shoelace([m.C, E, M]);
        steps.push(
          `The bisector of ∠ACB meets AB at E with AE : EB = AC : BC, so AE = AB·${p.b}/(${p.b} + ${p.a}) = ${value(ae)} cm and EM = |AM − AE| = ${value(dist(E, M))} cm.`,
          `Triangle CEM has base EM on AB and height CD, so its area is EM·CD/2 = ${value(result)} cm².`,
        );
        question = `${intro} M is the midpoint of AB and the bisector of ∠ACB meets AB at E. What is the area of triangle CEM (in cm²)?`;
      }
    }
    const unitText = depth === 2 ? ' cm²' : ' cm';
    const correct = `${value(result)}${unitText}`;
    const wrong = [
      ...numericDistractors(Number(value(result)), { step: Math.max(0.2, Number(num(result / 5, 1))), unit: unitText }),
      `${value(c / 2)}${unitText}`,
      `${value((p.a * p.b) / 2)}${unitText}`,
    ];
    const block = answerBlock(p, correct, wrong);
    const rel = depth === 0
      ? (p.ask === 'altitude' ? 'Altitude as product of legs over hypotenuse' : 'Geometric mean relations')
      : 'Distance between altitude foot and midpoint';
    const related = [['Plane Geometry', 'Triangles', 'Right Triangles', depth === 0 ? 'Altitude to the hypotenuse' : 'Median to the hypotenuse', rel]];
    if (depth === 2) related.push(['Plane Geometry', 'Triangles', 'Right Triangles', 'Altitude to the hypotenuse', 'Right-angle bisector between altitude and median']);
    return {
      knowledge: [
        ['Plane Geometry', 'Triangles', 'Right Triangles', 'Altitude to the hypotenuse'],
        ['Plane Geometry', 'Triangles', 'Right Triangles', 'Pythagorean theorem'],
        ...(depth >= 1 ? [['Plane Geometry', 'Triangles', 'Right Triangles', 'Median to the hypotenuse']] : []),
        ...(depth >= 2 ? [['Plane Geometry', 'Triangles', 'Congruence and Similarity', 'Angle bisector theorem']] : []),
        ...related,
      ],
      tools: [
        'construct perpendicular line',
        'drop altitude to hypotenuse',
        ...(depth >= 1 ? ['connect points', 'mark point', 'draw median to hypotenuse'] : []),
        ...(depth >= 2 ? ['construct angle bisector'] : []),
      ],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    const c = Math.sqrt(p.a * p.a + p.b * p.b);
    const ad = (p.b * p.b) / c;
    const h = (p.a * p.b) / c;
    if (p.ext.length === 0) return value(p.ask === 'altitude' ? h : ad);
    if (p.ext.length === 1) return value(Math.abs(c / 2 - ad));
    const ae = (c * p.b) / (p.a + p.b);
    return value((Math.abs(c / 2 - ae) * h) / 2);
  },

  expand(p, mode) {
    return mode === 'sequential' && p.ext.length < 2 ? { ...p, ext: [...p.ext, mode] } : null;
  },
});
