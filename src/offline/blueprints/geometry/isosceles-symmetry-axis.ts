import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { declarePoints, exportNames, lines } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { add, centroid, dist, intersect, mid, shoelace, sub, vec } from './lib/vec.js';

type Params = AnswerStyle & {
  /** Half the base BC, and the leg AB = AC. */
  half: number;
  leg: number;
  ask: 'height' | 'area';
  ext: ExpansionMode[];
};

const EASY: [number, number][] = [[3, 5], [4, 5], [6, 10], [8, 10]];
const MEDIUM: [number, number][] = [[5, 13], [8, 17], [15, 17], [9, 15], [12, 15], [12, 20], [16, 20]];

function model(p: Params) {
  const h = Math.sqrt(p.leg * p.leg - p.half * p.half);
  const A = vec(0, h);
  const B = vec(-p.half, 0);
  const C = vec(p.half, 0);
  const perpBisector = (X: typeof A, Y: typeof A) => {
    const M = mid(X, Y);
    const d = sub(Y, X);
    return [M, add(M, vec(-d.y, d.x))] as const;
  };
  const [m1, m2] = perpBisector(A, B);
  const [n1, n2] = perpBisector(B, C);
  return { A, B, C, O: intersect(m1, m2, n1, n2) };
}

export const isoscelesSymmetryAxis = defineBlueprint<Params>({
  id: 'isosceles-symmetry-axis',
  title: 'Isosceles triangle height along its symmetry axis',
  domain: 'Plane Geometry',
  knowledge: [
    ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Isosceles triangle base angles'],
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Pythagorean theorem'],
    ['Plane Geometry', 'Triangles', 'Triangle Area', 'Area from base and height'],
    ['Plane Geometry', 'Triangles', 'Triangle Centres', 'Circumcentre'],
  ],
  related: [
    ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Isosceles triangle base angles', 'Symmetry axis bisects the base at right angles'],
    ['Plane Geometry', 'Triangles', 'Triangle Centres', 'Circumcentre', 'Circumcentre on the symmetry axis of an isosceles triangle'],
  ],
  tools: ['draw symmetry axis', 'mark point', 'mark right angle', 'construct circumcircle'],
  newTools: ['axis from apex to base midpoint'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    let spec: [number, number];
    if (difficulty === 'hard') {
      const half = rng.int(3, 9);
      // 2·half would make the triangle equilateral
      const legs = Array.from({ length: Math.floor(2.2 * half) - Math.ceil(1.15 * half) + 1 }, (_, i) => Math.ceil(1.15 * half) + 1 + i).filter((l) => l !== 2 * half);
      spec = [half, rng.pick(legs)];
    } else spec = rng.pick(difficulty === 'easy' ? EASY : MEDIUM);
    return { half: spec[0], leg: spec[1], ask: rng.chance(0.5) ? 'height' : 'area', mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9), ext: [] };
  },

  build(p) {
    const m = model(p);
    const R = dist(m.O, m.A);
    const f = fitFrame([m.A, m.B, m.C, add(m.O, vec(-R, -R)), add(m.O, vec(R, R))], { x: 80, y: 80, w: 352, h: 352 });
    const px = { A: f.toPx(m.A), B: f.toPx(m.B), C: f.toPx(m.C) };
    const figureCode = lines(
      declarePoints(px, centroid(Object.values(px))),
      'vt.polygon([A, B, C]);',
      `vt.measure(A, B, '${p.leg}');`,
      `vt.measure(B, C, '${2 * p.half}');`,
      exportNames(['A', 'B', 'C']),
    );
    const axis = {
      description: 'Draw the symmetry axis of the triangle through A and the midpoint M of BC',
      code: lines(
        '// symmetry axis of the isosceles triangle',
        'const { A, B, C } = state;',
        // vt.measure put the base length on the side of BC away from the canvas centre; M goes on the other side.
        `const M = vt.midpoint(B, C, 'M', { labelOffset: { dx: -14, dy: ${px.B.y < 256 ? 16 : -14} } });`,
        'vt.symmetryAxis(A, M);',
        'vt.rightAngle(A, M, C);',
        exportNames(['M']),
      ),
    };
    const circle = {
      description: 'Draw the circle through A, B and C; its centre O lies on the symmetry axis',
      code: lines(
        '// circumcircle, centred on the axis',
        'const { A, B, C } = state;',
        'const c = vt.circleThrough(A, B, C);',
        "vt.point(c.center.x, c.center.y, 'O', { labelOffset: { dx: 10, dy: -6 } });",
        'vt.connect(c.center, B);',
      ),
    };
    const M = mid(m.B, m.C);
    const h = dist(m.A, M);
    const intro = `In triangle ABC, AB = AC = ${p.leg} and BC = ${2 * p.half}.`;
    const steps = [
      `The symmetry axis of the isosceles triangle passes through A and the midpoint M of BC and is perpendicular to BC, so BM = ${p.half}.`,
      `In right triangle ABM, AM = √(${p.leg}² − ${p.half}²) = ${value(h)}.`,
    ];
    const interactions = [axis];
    let question: string;
    let result: number;
    if (p.ext.length === 0 && p.ask === 'height') {
      question = `${intro} What is the distance from A to BC?`;
      result = h;
    } else if (p.ext.length === 0) {
      question = `${intro} What is the area of triangle ABC?`;
      result = shoelace([m.A, m.B, m.C]);
      steps.push(`The area is BC·AM/2 = ${2 * p.half}·${value(h)}/2 = ${value(result)}.`);
    } else {
      interactions.push(circle);
      result = dist(m.O, m.B);
      steps.push(
        `The circle through A, B, C has its centre O on the symmetry axis AM, with OA = OB = R and OM = |AM − R|.`,
        `In right triangle OMB: R² = ${p.half}² + (${value(h)} − R)², so R = ${p.leg}²/(2·${value(h)}) = ${value(result)}.`,
      );
      question = `${intro} What is the radius of the circle passing through A, B and C?`;
    }
    const correct = value(result);
    const wrong = [...numericDistractors(result), value(p.leg / 2 + p.half / 2), value(p.leg)];
    const block = answerBlock(p, correct, wrong);
    return {
      knowledge: [
        ['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Isosceles triangle base angles'],
        ['Plane Geometry', 'Triangles', 'Right Triangles', 'Pythagorean theorem'],
        ...(p.ext.length === 0 && p.ask === 'area' ? [['Plane Geometry', 'Triangles', 'Triangle Area', 'Area from base and height']] : []),
        ...(p.ext.length > 0
          ? [['Plane Geometry', 'Triangles', 'Triangle Centres', 'Circumcentre'], ['Plane Geometry', 'Triangles', 'Triangle Centres', 'Circumcentre', 'Circumcentre on the symmetry axis of an isosceles triangle']]
          : [['Plane Geometry', 'Triangles', 'Angles in Triangles', 'Isosceles triangle base angles', 'Symmetry axis bisects the base at right angles']]),
      ],
      tools: ['draw symmetry axis', 'mark point', 'mark right angle', 'axis from apex to base midpoint', ...(p.ext.length > 0 ? ['construct circumcircle'] : [])],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    const h = Math.sqrt(p.leg ** 2 - p.half ** 2);
    if (p.ext.length > 0) return value((p.leg * p.leg) / (2 * h));
    return value(p.ask === 'height' ? h : p.half * h);
  },

  expand(p, mode) {
    return mode === 'sequential' && p.ext.length === 0 ? { ...p, ext: [mode] } : null;
  },
});
