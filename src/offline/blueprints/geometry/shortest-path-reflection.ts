import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors, px } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { lines, pointCall } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { dist, intersect, reflectIn, vec } from './lib/vec.js';

type Params = AnswerStyle & {
  /** Distances of A and B from the line ℓ, and between their feet C and D along ℓ. */
  a: number;
  b: number;
  d: number;
  /** B to the right of A, or mirrored. */
  flip: boolean;
  ext: ExpansionMode[];
};

const EASY: [number, number, number][] = [[2, 4, 8], [4, 2, 8], [3, 5, 6], [5, 3, 6], [2, 3, 12], [3, 2, 12]];
const MEDIUM: [number, number, number][] = [[4, 5, 12], [3, 6, 12], [5, 4, 12], [5, 7, 16], [9, 7, 12], [3, 5, 15], [6, 2, 15], [4, 8, 9]];

function model(p: Params) {
  const s = p.flip ? -1 : 1;
  const A = vec(0, p.a);
  const B = vec(s * p.d, p.b);
  const C = vec(0, 0);
  const D = vec(s * p.d, 0);
  return { A, B, C, D, A1: reflectIn(A, C, D) };
}

export const shortestPathReflection = defineBlueprint<Params>({
  id: 'shortest-path-reflection',
  title: 'Shortest route touching a line by reflecting one endpoint',
  domain: 'Transformations and Symmetry',
  knowledge: [
    ['Transformations and Symmetry', 'Isometries', 'Reflections', 'Shortest path via reflection'],
    ['Transformations and Symmetry', 'Isometries', 'Reflections', 'Reflection in a line'],
  ],
  related: [
    ['Transformations and Symmetry', 'Isometries', 'Reflections', 'Shortest path via reflection', 'Straightening a broken path through the mirror image'],
    ['Transformations and Symmetry', 'Isometries', 'Reflections', 'Shortest path via reflection', 'Locating the touching point by similar triangles'],
  ],
  tools: ['reflect point', 'connect points', 'trace path', 'mark point'],
  newTools: ['reflect endpoint across the line'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    const [a, b, d] = difficulty === 'hard' ? [rng.int(2, 7), rng.int(2, 7), rng.int(5, 13)] : rng.pick(difficulty === 'easy' ? EASY : MEDIUM);
    return { a, b, d, flip: rng.chance(0.5), mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9), ext: [] };
  },

  build(p) {
    const m = model(p);
    const f = fitFrame([m.A, m.B, m.C, m.D, m.A1, vec(m.B.x, -p.a)], { x: 90, y: 60, w: 332, h: 400 });
    const pt = {
      A: f.toPx(m.A),
      B: f.toPx(m.B),
      C: f.toPx(m.C),
      D: f.toPx(m.D),
    };
    const y = pt.C.y;
    const out = p.flip ? 1 : -1;
    const figureCode = lines(
      `const L1 = { x: 24, y: ${px(y)} }, L2 = { x: 488, y: ${px(y)} };`,
      'vt.segment(L1, L2, { width: 3 });',
      `vt.text(470, ${px(y - 10)}, 'ℓ');`,
      `const A = ${pointCall('A', pt.A, vec(out * 16, -6))}, B = ${pointCall('B', pt.B, vec(-out * 16, -6))};`,
      `const C = ${pointCall('C', pt.C, vec(-6, 22))}, D = ${pointCall('D', pt.D, vec(-6, 22))};`,
      "vt.segment(A, C, { dash: true, color: '#555' });",
      "vt.segment(B, D, { dash: true, color: '#555' });",
      'vt.rightAngle(A, C, D);',
      'vt.rightAngle(B, D, C);',
      `vt.measure(A, C, '${p.a} km');`,
      `vt.measure(B, D, '${p.b} km');`,
      `vt.text(${px((pt.C.x + pt.D.x) / 2)}, ${px(y + 54)}, '${p.d} km', { align: 'center' });`,
      `vt.polyline([{ x: ${px(pt.C.x)}, y: ${px(y + 38)} }, { x: ${px(pt.D.x)}, y: ${px(y + 38)} }], { width: 1, color: '#555' });`,
      'vt.export({ L1, L2, A, B, C, D });',
    );
    const reflect = {
      description: "Reflect A in the line ℓ to A' and connect A' to B",
      code: lines("// mirror image of A, then the straight segment A'B", 'const { L1, L2, A, B } = state;', `const A1 = vt.reflect(A, L1, L2, "A'");`, 'vt.connect(A1, B);', 'vt.export({ A1 });'),
    };
    const route = {
      description: "Mark the point P where A'B crosses ℓ and trace the route A–P–B",
      code: lines('// the best point on ℓ and the route through it', 'const { L1, L2, A, B, A1 } = state;', 'const P = vt.geo.intersect(A1, B, L1, L2);', "vt.point(P.x, P.y, 'P', { labelOffset: { dx: 6, dy: -12 } });", "vt.polyline([A, P, B], { color: '#2ca02c', width: 3 });"),
    };
    const best = dist(m.A1, m.B);
    const P = intersect(m.A1, m.B, m.C, m.D);
    const intro = `Villages A and B lie on the same side of a straight road ℓ, ${p.a} km and ${p.b} km from it; the feet of their perpendiculars, C and D, are ${p.d} km apart. A bus stop P is to be built on ℓ.`;
    const steps = [
      `Reflect A in ℓ to A'. For every P on ℓ, AP = A'P, so AP + PB = A'P + PB ≥ A'B, with equality when P lies on A'B.`,
      `A' is ${p.a} km on the other side of ℓ, so A'B spans ${p.d} km along ℓ and ${p.a} + ${p.b} = ${p.a + p.b} km across it: A'B = √(${p.d}² + ${p.a + p.b}²) = ${value(best)} km.`,
    ];
    const interactions = [reflect];
    let question: string;
    let result: number;
    if (p.ext.length === 0) {
      question = `${intro} What is the smallest possible value of AP + PB (in km)?`;
      result = best;
    } else {
      interactions.push(route);
      result = dist(m.C, P);
      steps.push(`P is where A'B crosses ℓ. Triangles A'CP and BDP are similar, so CP : PD = ${p.a} : ${p.b} and CP = ${p.d}·${p.a}/${p.a + p.b} = ${value(result)} km.`);
      question = `${intro} Where P makes AP + PB as small as possible, how far is P from C (in km)?`;
    }
    const correct = `${value(result)} km`;
    const wrong = [...numericDistractors(Number(value(result)), { unit: ' km' }), `${value(p.d / 2)} km`, `${value(Math.hypot(p.d, p.b - p.a))} km`, `${value(p.a + p.b + p.d)} km`];
    const block = answerBlock(p, correct, wrong);
    return {
      knowledge: [
        ['Transformations and Symmetry', 'Isometries', 'Reflections', 'Shortest path via reflection'],
        ['Transformations and Symmetry', 'Isometries', 'Reflections', 'Reflection in a line'],
        ['Transformations and Symmetry', 'Isometries', 'Reflections', 'Shortest path via reflection', p.ext.length === 0 ? 'Straightening a broken path through the mirror image' : 'Locating the touching point by similar triangles'],
      ],
      tools: ['reflect point', 'connect points', 'reflect endpoint across the line', ...(p.ext.length > 0 ? ['trace path', 'mark point'] : [])],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    return value(p.ext.length === 0 ? Math.hypot(p.d, p.a + p.b) : (p.d * p.a) / (p.a + p.b));
  },

  expand(p, mode) {
    return mode === 'sequential' && p.ext.length === 0 ? { ...p, ext: [mode] } : null;
  },
});
