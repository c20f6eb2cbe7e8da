import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { declarePoints, exportNames, lines } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { centroid, dist, foot, rotateAbout, vec } from './lib/vec.js';

type Params = AnswerStyle & {
  side: number;
  /** The long diagonal AC and the short diagonal BD. */
  long: number;
  short: number;
  given: 'AC' | 'BD';
  tilt: number;
  ext: ExpansionMode[];
};

const NICE: [number, number, number][] = [[5, 8, 6], [10, 16, 12], [13, 24, 10], [15, 24, 18], [17, 30, 16], [20, 32, 24], [25, 40, 30]];

function model(p: Params) {
  const O = vec(0, 0);
  const at = (x: number, y: number) => rotateAbout(vec(x, y), O, p.tilt);
  return { A: at(-p.long / 2, 0), B: at(0, -p.short / 2), C: at(p.long / 2, 0), D: at(0, p.short / 2) };
}

export const rhombusDiagonals = defineBlueprint<Params>({
  id: 'rhombus-diagonals',
  title: 'Rhombus diagonals and height',
  domain: 'Plane Geometry',
  knowledge: [
    ['Plane Geometry', 'Quadrilaterals', 'Special Quadrilaterals', 'Rhombus diagonals'],
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Pythagorean theorem'],
    ['Plane Geometry', 'Quadrilaterals', 'Parallelograms', 'Parallelogram area'],
  ],
  related: [
    ['Plane Geometry', 'Quadrilaterals', 'Special Quadrilaterals', 'Rhombus diagonals', 'Half diagonals and side form a right triangle'],
    ['Plane Geometry', 'Quadrilaterals', 'Special Quadrilaterals', 'Rhombus diagonals', 'Rhombus height from the diagonals'],
  ],
  tools: ['connect points', 'mark right angle', 'construct perpendicular line'],
  newTools: ['draw both diagonals'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    let spec: [number, number, number];
    if (difficulty === 'hard') {
      const side = rng.int(6, 14);
      const long = rng.int(Math.ceil(1.55 * side), Math.floor(1.85 * side));
      spec = [side, long, 2 * Math.sqrt(side * side - (long / 2) ** 2)];
    } else spec = rng.pick(difficulty === 'easy' ? NICE.slice(0, 3) : NICE.slice(2));
    return { side: spec[0], long: spec[1], short: spec[2], given: rng.chance(0.5) || difficulty === 'hard' ? 'AC' : 'BD', tilt: rng.int(-25, 25), mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9), ext: [] };
  },

  build(p) {
    const m = model(p);
    const f = fitFrame([m.A, m.B, m.C, m.D], { x: 70, y: 90, w: 372, h: 332 });
    const px = { A: f.toPx(m.A), B: f.toPx(m.B), C: f.toPx(m.C), D: f.toPx(m.D) };
    const figureCode = lines(
      declarePoints(px, centroid(Object.values(px))),
      'vt.polygon([A, B, C, D]);',
      `vt.measure(D, A, '${p.side} cm');`,
      exportNames(['A', 'B', 'C', 'D']),
    );
    const diagonals = {
      description: 'Draw both diagonals AC and BD, meeting at O at a right angle',
      code: lines(
        '// the diagonals of the rhombus',
        'const { A, B, C, D } = state;',
        'vt.connect(A, C);',
        'vt.connect(B, D);',
        'const O = vt.geo.intersect(A, C, B, D);',
        "vt.point(O.x, O.y, 'O', { labelOffset: { dx: 8, dy: -10 } });",
        'vt.rightAngle(A, O, B);',
        exportNames(['O']),
      ),
    };
    const height = {
      description: 'Drop the perpendicular from D to side AB, with foot H',
      code: lines('// height of the rhombus on side AB', 'const { A, B, D } = state;', 'const H = vt.perpendicular(D, A, B);', "vt.point(H.x, H.y, 'H', { labelOffset: { dx: 6, dy: 16 } });"),
    };
    const ac = dist(m.A, m.C);
    const bd = dist(m.B, m.D);
    const givenLen = p.given === 'AC' ? p.long : p.short;
    const [known, unknown] = p.given === 'AC' ? ['AC', 'BD'] : ['BD', 'AC'];
    const other = p.given === 'AC' ? bd : ac;
    const intro = `ABCD is a rhombus with side ${p.side} cm and diagonal ${known} = ${value(givenLen)} cm.`;
    const steps = [
      `The diagonals AC and BD bisect each other at O at a right angle, so triangle AOB is right-angled at O with hypotenuse AB = ${p.side} cm.`,
      `One leg is ${known}/2 = ${value(givenLen / 2)} cm, so the other is √(${p.side}² − ${value(givenLen / 2)}²) = ${value(other / 2)} cm and ${unknown} = ${value(other)} cm.`,
    ];
    const interactions = [diagonals];
    let question: string;
    let result: number;
    if (p.ext.length === 0) {
      question = `${intro} What is the length of ${unknown} (in cm)?`;
      result = other;
    } else {
      interactions.push(height);
      result = dist(m.D, foot(m.D, m.A, m.B));
      steps.push(
        `The area of the rhombus is AC·BD/2 = ${value((ac * bd) / 2)} cm².`,
        `It is also AB·DH with DH the perpendicular from D to AB, so DH = ${value((ac * bd) / 2)}/${p.side} = ${value(result)} cm.`,
      );
      question = `${intro} What is the distance between the lines AB and CD (in cm)?`;
    }
    const correct = `${value(result)} cm`;
    const wrong = [...numericDistractors(Number(value(result)), { unit: ' cm' }), `${value(p.side)} cm`, `${value(givenLen)} cm`];
    const block = answerBlock(p, correct, wrong);
    return {
      knowledge: [
        ['Plane Geometry', 'Quadrilaterals', 'Special Quadrilaterals', 'Rhombus diagonals'],
        ['Plane Geometry', 'Triangles', 'Right Triangles', 'Pythagorean theorem'],
        ...(p.ext.length > 0 ? [['Plane Geometry', 'Quadrilaterals', 'Parallelograms', 'Parallelogram area']] : []),
        ['Plane Geometry', 'Quadrilaterals', 'Special Quadrilaterals', 'Rhombus diagonals', p.ext.length > 0 ? 'Rhombus height from the diagonals' : 'Half diagonals and side form a right triangle'],
      ],
      tools: ['connect points', 'mark right angle', 'draw both diagonals', ...(p.ext.length > 0 ? ['construct perpendicular line'] : [])],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    const g = p.given === 'AC' ? p.long : p.short;
    const other = 2 * Math.sqrt(p.side * p.side - (g / 2) ** 2);
    return value(p.ext.length === 0 ? other : (g * other) / (2 * p.side));
  },

  expand(p, mode) {
    return mode === 'sequential' && p.ext.length === 0 ? { ...p, ext: [mode] } : null;
  },
});
