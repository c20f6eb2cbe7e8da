import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors } from '../../format.js';
import { answerBlock, degrees, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { declarePoints, exportNames, lines } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { CUBOID_EDGES, cuboidCorners, dot3, len3, oblique, recedingAngle, sub3 } from './lib/solid.js';
import { centroid } from './lib/vec.js';

type Params = AnswerStyle & {
  /** Length AB, depth BC, height CG (cm). */
  a: number;
  b: number;
  c: number;
  ext: ExpansionMode[];
};

const EASY: [number, number, number][] = [[4, 3, 12], [3, 4, 12], [12, 9, 8], [9, 12, 8]];
const MEDIUM: [number, number, number][] = [[3, 2, 6], [4, 4, 7], [6, 2, 9], [6, 6, 7], [8, 4, 8], [10, 6, 15], [16, 12, 15], [12, 9, 20]];

export const cuboidDiagonal = defineBlueprint<Params>({
  id: 'cuboid-diagonal',
  title: 'Cuboid face diagonal, then space diagonal, then its angle with the base',
  domain: 'Solid Geometry',
  knowledge: [
    ['Solid Geometry', 'Polyhedra', 'Cubes and Cuboids', 'Face diagonal'],
    ['Solid Geometry', 'Polyhedra', 'Cubes and Cuboids', 'Space diagonal'],
  ],
  related: [
    ['Solid Geometry', 'Polyhedra', 'Cubes and Cuboids', 'Face diagonal', 'Diagonal of the base face by Pythagoras'],
    ['Solid Geometry', 'Polyhedra', 'Cubes and Cuboids', 'Space diagonal', 'Right triangle on a face diagonal and an edge'],
    ['Solid Geometry', 'Polyhedra', 'Cubes and Cuboids', 'Space diagonal', 'Angle between a space diagonal and a face'],
  ],
  tools: ['connect points', 'mark angle'],
  newTools: ['draw face diagonal', 'draw space diagonal'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    const [a, b, c] = difficulty === 'easy' ? rng.pick(EASY) : difficulty === 'medium' ? rng.pick(MEDIUM) : [rng.int(3, 12), rng.int(3, 10), rng.int(3, 12)];
    return { a, b, c, mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9), ext: [] };
  },

  build(p) {
    const corners = cuboidCorners(p.a, p.b, p.c);
    const names = Object.keys(corners) as (keyof typeof corners)[];
    const flat = names.map((n) => oblique(corners[n], recedingAngle(p.a, p.c)));
    const f = fitFrame(flat, { x: 90, y: 80, w: 332, h: 352 });
    const pts = Object.fromEntries(names.map((n, i) => [n, f.toPx(flat[i]!)]));
    const seg = (e: string, dashed: boolean) => `vt.segment(${e[0]}, ${e[1]}${dashed ? ', { dash: true, color: "#555" }' : ''});`;
    const figureCode = lines(
      declarePoints(pts, centroid(Object.values(pts))),
      ...CUBOID_EDGES.visible.map((e) => seg(e, false)),
      ...CUBOID_EDGES.hidden.map((e) => seg(e, true)),
      `vt.measure(A, B, '${p.a} cm');`,
      `vt.measure(B, C, '${p.b} cm');`,
      `vt.measure(C, G, '${p.c} cm');`,
      exportNames(names),
    );
    const faceDiagonal = {
      description: 'Draw the diagonal AC of the bottom face ABCD',
      code: lines('// face diagonal of the base', 'const { A, C } = state;', "vt.connect(A, C, { color: '#d62728', dash: [6, 4], width: 2.5 });"),
    };
    const spaceDiagonal = {
      description: 'Draw the space diagonal AG, forming the right triangle ACG with the edge CG',
      code: lines('// space diagonal over the face diagonal', 'const { A, G } = state;', "vt.connect(A, G, { color: '#1f77b4', dash: [6, 4], width: 2.5 });"),
    };
    const angle = {
      description: 'Mark the angle GAC between the space diagonal AG and the face diagonal AC',
      code: lines('// the angle the space diagonal makes with the base', 'const { A, C, G } = state;', "vt.angleMark(C, A, G, { color: '#d62728', label: 'θ', radius: 34 });"),
    };
    const A = corners.A;
    const ac = len3(sub3(corners.C, A));
    const ag = len3(sub3(corners.G, A));
    const intro = `The cuboid ABCD-EFGH has AB = ${p.a} cm, BC = ${p.b} cm and CG = ${p.c} cm.`;
    const steps = [`The face diagonal AC of the rectangle ABCD is the hypotenuse of right triangle ABC: AC = √(${p.a}² + ${p.b}²) = ${value(ac)} cm.`];
    const interactions = [faceDiagonal];
    let question: string;
    let correct: string;
    let result: number;
    let wrong: string[];
    const depth = p.ext.length;
    if (depth === 0) {
      question = `${intro} What is the distance from A to C (in cm)?`;
      result = ac;
    } else {
      interactions.push(spaceDiagonal);
      steps.push(`The edge CG is perpendicular to the base, so triangle ACG has a right angle at C and AG = √(AC² + CG²) = √(${value(ac * ac)} + ${p.c}²) = ${value(ag)} cm.`);
      if (depth === 1) {
        question = `${intro} What is the distance from A to G (in cm)?`;
        result = ag;
      } else {
        interactions.push(angle);
        const u = sub3(corners.G, A);
        const w = sub3(corners.C, A);
        result = (Math.acos(dot3(u, w) / (len3(u) * len3(w))) * 180) / Math.PI;
        steps.push(`The angle θ = ∠GAC between AG and the base satisfies tan θ = CG/AC = ${p.c}/${value(ac)}, so θ ≈ ${degrees(result, 1)}.`);
        question = `${intro} To the nearest tenth of a degree, what angle does the segment AG make with the bottom face ABCD?`;
      }
    }
    if (depth === 2) {
      correct = degrees(result, 1);
      wrong = [...numericDistractors(result, { step: 6, digits: 1, unit: '°' }), degrees(90 - result, 1)];
    } else {
      correct = `${value(result)} cm`;
      wrong = [...numericDistractors(Number(value(result)), { unit: ' cm' }), `${value(p.a + p.b + (depth ? p.c : 0))} cm`];
    }
    const block = answerBlock(p, correct, wrong);
    const leaf = ['Diagonal of the base face by Pythagoras', 'Right triangle on a face diagonal and an edge', 'Angle between a space diagonal and a face'][depth]!;
    return {
      knowledge: [
        ['Solid Geometry', 'Polyhedra', 'Cubes and Cuboids', 'Face diagonal'],
        ...(depth > 0 ? [['Solid Geometry', 'Polyhedra', 'Cubes and Cuboids', 'Space diagonal']] : []),
        ['Solid Geometry', 'Polyhedra', 'Cubes and Cuboids', depth === 0 ? 'Face diagonal' : 'Space diagonal', leaf],
      ],
      tools: ['connect points', 'draw face diagonal', ...(depth > 0 ? ['draw space diagonal'] : []), ...(depth > 1 ? ['mark angle'] : [])],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    const face = Math.hypot(p.a, p.b);
    if (p.ext.length === 0) return value(face);
    if (p.ext.length === 1) return value(Math.sqrt(p.a ** 2 + p.b ** 2 + p.c ** 2));
    return value((Math.atan2(p.c, face) * 180) / Math.PI, 1);
  },

  expand(p, mode) {
    return mode === 'sequential' && p.ext.length < 2 ? { ...p, ext: [...p.ext, mode] } : null;
  },
});
