import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors, px } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { awayFrom, declarePoints, lines, pointCall } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { type Vec, add, dist, foot, mul, polar, sub, unit, vec } from './lib/vec.js';

type Params = AnswerStyle & {
  r: number;
  /** Chord lengths AB and CD. */
  c1: number;
  c2: number;
  sameSide: boolean;
  /** Direction (degrees) from O towards chord AB. */
  psi: number;
  ext: ExpansionMode[];
};

/** Radius → chords with a whole-number distance from the centre. */
const CHORDS: Record<number, number[]> = { 5: [8, 6], 10: [16, 12], 13: [24, 10], 15: [24, 18], 17: [30, 16], 25: [48, 14, 40, 30] };

const distanceFor = (r: number, c: number) => Math.sqrt(r * r - (c / 2) ** 2);

function model(p: Params) {
  const O = vec(0, 0);
  const n = polar(O, p.psi, 1);
  const t = vec(-n.y, n.x);
  const chord = (c: number, side: number) => {
    const m = mul(n, side * distanceFor(p.r, c));
    return [add(m, mul(t, -c / 2)), add(m, mul(t, c / 2))] as [Vec, Vec];
  };
  const [A, B] = chord(p.c1, 1);
  const [C, D] = chord(p.c2, p.sameSide ? 1 : -1);
  return { O, A, B, C, D, R: polar(O, p.sameSide ? p.psi + 215 : p.psi + 90, p.r) };
}

export const chordDistance = defineBlueprint<Params>({
  id: 'chord-distance',
  title: 'Distance from the centre to a chord via the perpendicular from the centre',
  domain: 'Plane Geometry',
  knowledge: [
    ['Plane Geometry', 'Circles', 'Chords', 'Perpendicular from centre bisects chord'],
    ['Plane Geometry', 'Circles', 'Chords', 'Chord length from distance to centre'],
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Pythagorean theorem'],
  ],
  related: [
    ['Plane Geometry', 'Circles', 'Chords', 'Chord length from distance to centre', 'Distance of a chord from the centre'],
    ['Plane Geometry', 'Circles', 'Chords', 'Chord length from distance to centre', 'Distance between parallel chords on opposite sides'],
    ['Plane Geometry', 'Circles', 'Chords', 'Chord length from distance to centre', 'Distance between parallel chords on the same side'],
  ],
  tools: ['construct perpendicular line', 'mark right angle'],
  newTools: ['perpendicular from centre to chord'],
  expansions: ['parallel'],

  params(rng, difficulty) {
    let r: number;
    let c1: number;
    let c2: number;
    if (difficulty === 'hard') {
      r = rng.int(6, 12);
      c1 = 2 * rng.int(Math.ceil(0.35 * r), Math.floor(0.92 * r));
      c2 = 2 * rng.int(Math.ceil(0.35 * r), Math.floor(0.92 * r));
    } else {
      r = rng.pick(difficulty === 'easy' ? [5, 10, 13] : [13, 15, 17, 25]);
      const options = CHORDS[r]!;
      c1 = rng.pick(options);
      c2 = rng.pick(options);
    }
    const sameSide = Math.abs(distanceFor(r, c1) - distanceFor(r, c2)) > 0.25 * r && rng.chance(0.4);
    return { r, c1, c2, sameSide, psi: rng.int(60, 120), mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9), ext: [] };
  },

  build(p) {
    const m = model(p);
    const f = fitFrame([vec(-p.r, -p.r), vec(p.r, p.r)], { x: 86, y: 86, w: 340, h: 340 });
    const O = f.toPx(m.O);
    const pts = { A: f.toPx(m.A), B: f.toPx(m.B), C: f.toPx(m.C), D: f.toPx(m.D), R: f.toPx(m.R) };
    const figureCode = lines(
      `const O = ${pointCall('O', O, awayFrom(pts.R, O, -16))};`,
      declarePoints(pts, O),
      `vt.circle(O, ${(p.r * f.scale).toFixed(1)});`,
      'vt.segment(A, B);',
      'vt.segment(C, D);',
      'vt.segment(O, R);',
      `vt.measure(A, B, '${p.c1}');`,
      `vt.measure(C, D, '${p.c2}');`,
      `vt.measure(O, R, '${p.r}');`,
      'vt.export({ O, A, B, C, D });',
    );
    // Foot labels sit inside the circle, on the side away from the right-angle mark (which faces A or C).
    const footLabel = (name: string, from: Vec, to: Vec) => {
      const F = f.toPx(foot(m.O, from, to));
      const d = add(mul(unit(sub(f.toPx(to), f.toPx(from))), 14), mul(unit(sub(O, F)), 12));
      return `vt.point(${name}.x, ${name}.y, '${name}', { labelOffset: { dx: ${px(d.x)}, dy: ${px(d.y)} } });`;
    };
    const toAB = {
      description: 'Drop the perpendicular from the centre O to the chord AB, with foot M',
      code: lines('// perpendicular from the centre to chord AB', 'const { O, A, B } = state;', 'const M = vt.perpendicular(O, A, B);', footLabel('M', m.A, m.B)),
    };
    const toCD = {
      description: 'Drop the perpendicular from the centre O to the chord CD, with foot N',
      code: lines('// perpendicular from the centre to chord CD', 'const { O, C, D } = state;', 'const N = vt.perpendicular(O, C, D);', footLabel('N', m.C, m.D)),
    };
    const M = foot(m.O, m.A, m.B);
    const N = foot(m.O, m.C, m.D);
    const d1 = dist(m.O, M);
    const d2 = dist(m.O, N);
    const intro = `In the figure, a circle with centre O has radius ${p.r}. The chord AB has length ${p.c1}`;
    const steps = [
      `The perpendicular OM from the centre to AB bisects the chord, so AM = ${p.c1}/2 = ${value(p.c1 / 2)}.`,
      `In right triangle OMA, OM = √(OA² − AM²) = √(${p.r}² − ${value(p.c1 / 2)}²) = ${value(d1)}.`,
    ];
    let question: string;
    let result: number;
    const interactions = [toAB];
    if (p.ext.length === 0) {
      question = `${intro}. What is the distance from O to the chord AB?`;
      result = d1;
    } else {
      interactions.push(toCD);
      result = dist(M, N);
      steps.push(
        `Likewise the perpendicular ON to CD gives ON = √(${p.r}² − ${value(p.c2 / 2)}²) = ${value(d2)}.`,
        p.sameSide
          ? `Both chords lie on the same side of O and OM, ON lie on one line perpendicular to both, so the distance is ${value(d1)} − ${value(d2)} in absolute value: ${value(result)}.`
          : `The chords lie on opposite sides of O, and M, O, N are collinear, so the distance is ${value(d1)} + ${value(d2)} = ${value(result)}.`,
      );
      question = `${intro} and the chord CD, parallel to AB, has length ${p.c2}. What is the distance between the chords AB and CD?`;
    }
    const correct = value(result);
    const wrong = [...numericDistractors(result), value(d1 + d2), value(Math.abs(d1 - d2)), value(p.r - p.c1 / 2)].filter((w) => w !== '0');
    const block = answerBlock(p, correct, wrong);
    const leaf = p.ext.length === 0 ? 'Distance of a chord from the centre' : p.sameSide ? 'Distance between parallel chords on the same side' : 'Distance between parallel chords on opposite sides';
    return {
      knowledge: [
        ['Plane Geometry', 'Circles', 'Chords', 'Perpendicular from centre bisects chord'],
        ['Plane Geometry', 'Circles', 'Chords', 'Chord length from distance to centre'],
        ['Plane Geometry', 'Triangles', 'Right Triangles', 'Pythagorean theorem'],
        ['Plane Geometry', 'Circles', 'Chords', 'Chord length from distance to centre', leaf],
      ],
      tools: ['construct perpendicular line', 'mark right angle', 'perpendicular from centre to chord'],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    const d1 = distanceFor(p.r, p.c1);
    if (p.ext.length === 0) return value(d1);
    const d2 = distanceFor(p.r, p.c2);
    return value(p.sameSide ? Math.abs(d1 - d2) : d1 + d2);
  },

  expand(p, mode) {
    return mode === 'parallel' && p.ext.length === 0 ? { ...p, ext: [mode] } : null;
  },
});
