import { defineBlueprint } from '../../blueprint.js';
import { numericDistractors, px } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { declarePoints, exportNames, lines, pointCall } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { CUBOID_EDGES, cuboidCorners, oblique } from './lib/solid.js';
import { centroid, dist, vec } from './lib/vec.js';

type Params = AnswerStyle & {
  /** Length AB, depth BC and height CG (cm); the height is the largest, so the best unfolding is front + right face. */
  a: number;
  b: number;
  c: number;
};

const EASY: [number, number, number][] = [[2, 4, 8], [3, 3, 8], [1, 2, 4], [4, 4, 15], [3, 5, 15]];
const MEDIUM: [number, number, number][] = [[5, 7, 9], [6, 6, 9], [7, 9, 12], [7, 8, 8], [4, 5, 12], [5, 7, 16]];

export const cuboidSurfacePath = defineBlueprint<Params>({
  id: 'cuboid-surface-path',
  title: 'Shortest path on the surface of a cuboid by unfolding two faces',
  domain: 'Solid Geometry',
  knowledge: [
    ['Solid Geometry', 'Spatial Reasoning', 'Paths on Surfaces', 'Shortest path on a cuboid surface'],
    ['Solid Geometry', 'Spatial Reasoning', 'Nets', 'Cuboid net dimensions'],
  ],
  related: [
    ['Solid Geometry', 'Spatial Reasoning', 'Paths on Surfaces', 'Shortest path on a cuboid surface', 'Unfolding the front and side faces'],
    ['Solid Geometry', 'Spatial Reasoning', 'Paths on Surfaces', 'Shortest path on a cuboid surface', 'Choosing the shortest of three unfoldings'],
  ],
  tools: ['unfold surface', 'trace path'],
  newTools: ['unfold adjacent face into plane'],
  expansions: [],

  params(rng, difficulty) {
    if (difficulty === 'hard') {
      const c = rng.int(8, 14);
      return { a: rng.int(3, c - 1), b: rng.int(2, c - 2), c, mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9) };
    }
    const [a, b, c] = rng.pick(difficulty === 'easy' ? EASY : MEDIUM);
    return { a, b, c, mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9) };
  },

  build(p) {
    const corners = cuboidCorners(p.a, p.b, p.c);
    const names = Object.keys(corners) as (keyof typeof corners)[];
    const flat = names.map((n) => oblique(corners[n]));
    // The front face is drawn true to shape, so the unfolded right face is a b × c rectangle beside it.
    const C2 = vec(p.a + p.b, 0);
    const G2 = vec(p.a + p.b, p.c);
    const f = fitFrame([...flat, C2, G2], { x: 70, y: 70, w: 372, h: 372 });
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
    const [c2, g2] = [f.toPx(C2), f.toPx(G2)];
    const cross = vec(p.a, (p.c * p.a) / (p.a + p.b));
    const X = f.toPx(cross);
    const unfold = {
      description: "Unfold the right face BCGF into the plane of the front face ABFE (C and G go to C' and G') and trace the straight path from A to G'",
      code: lines(
        '// right face unfolded about the edge BF',
        'const { A, B, F } = state;',
        `const C1 = ${pointCall("C'", c2, vec(8, 14))}, G1 = ${pointCall("G'", g2, vec(8, -8))};`,
        "vt.polygon([B, C1, G1, F], { color: '#d62728', dash: [6, 4] });",
        "vt.segment(A, G1, { color: '#2ca02c', width: 3 });",
        `vt.point(${px(X.x)}, ${px(X.y)}, 'X', { labelOffset: { dx: -18, dy: 0 } });`,
      ),
    };
    const unfolded = dist(vec(0, 0), G2);
    const question = `An ant crawls on the surface of the cuboid from corner A to corner G. AB = ${p.a} cm, BC = ${p.b} cm and CG = ${p.c} cm. What is the length of the shortest possible route (in cm)?`;
    const steps = [
      `Unfold the right face BCGF about the edge BF into the plane of the front face ABFE; G goes to G', and the two faces form one ${p.a + p.b} cm × ${p.c} cm rectangle.`,
      `On the unfolded faces the shortest route is the straight segment AG' (crossing BF at X): AG' = √((${p.a} + ${p.b})² + ${p.c}²) = ${value(unfolded)} cm.`,
      `The other unfoldings give √((${p.a} + ${p.c})² + ${p.b}²) and √((${p.b} + ${p.c})² + ${p.a}²), which are not shorter because ${p.c} cm is the longest edge.`,
    ];
    const correct = `${value(unfolded)} cm`;
    const wrong = [
      ...numericDistractors(Number(value(unfolded)), { unit: ' cm' }),
      `${value(Math.sqrt(p.a ** 2 + p.b ** 2 + p.c ** 2))} cm`,
      `${value(p.a + p.b + p.c)} cm`,
      `${value(Math.hypot(p.b + p.c, p.a))} cm`,
    ];
    const block = answerBlock(p, correct, wrong);
    return {
      knowledge: [
        ['Solid Geometry', 'Spatial Reasoning', 'Paths on Surfaces', 'Shortest path on a cuboid surface'],
        ['Solid Geometry', 'Spatial Reasoning', 'Nets', 'Cuboid net dimensions'],
        ['Solid Geometry', 'Spatial Reasoning', 'Paths on Surfaces', 'Shortest path on a cuboid surface', p.a === p.b || p.b === p.c ? 'Unfolding the front and side faces' : 'Choosing the shortest of three unfoldings'],
      ],
      tools: ['unfold surface', 'trace path', 'unfold adjacent face into plane'],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions: [unfold],
    };
  },

  solve(p) {
    const routes = [Math.hypot(p.a + p.b, p.c), Math.hypot(p.a + p.c, p.b), Math.hypot(p.b + p.c, p.a)];
    return value(Math.min(...routes));
  },
});
