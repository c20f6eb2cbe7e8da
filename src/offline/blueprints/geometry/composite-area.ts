import { defineBlueprint } from '../../blueprint.js';
import { numericDistractors, px } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { lines } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { type Vec, centroid, shoelace, vec } from './lib/vec.js';

type Shape = 'L' | 'T' | 'U';

type Params = AnswerStyle & {
  shape: Shape;
  /** Overall width and height, and the cut-out or stem sizes (cm); see `outline`. */
  W: number;
  H: number;
  a: number;
  b: number;
  /** Offset of the T stem or the U slot from the left. */
  o: number;
};

interface Piece {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Outline (counter-clockwise, y up), the edges that carry a length label, the cuts and the rectangles they make. */
function outline(p: Params): { pts: Vec[]; labelled: [number, number][]; cuts: [Vec, Vec][]; pieces: Piece[] } {
  const { W, H, a, b, o } = p;
  if (p.shape === 'L') {
    // a × b notch removed at the top right
    const pts = [vec(0, 0), vec(W, 0), vec(W, H - b), vec(W - a, H - b), vec(W - a, H), vec(0, H)];
    return { pts, labelled: [[0, 1], [1, 2], [4, 5], [5, 0]], cuts: [[vec(0, H - b), vec(W - a, H - b)]], pieces: [{ x: 0, y: 0, w: W, h: H - b }, { x: 0, y: H - b, w: W - a, h: b }] };
  }
  if (p.shape === 'T') {
    // top bar W × b, stem a wide from x = o
    const pts = [vec(o, 0), vec(o + a, 0), vec(o + a, H - b), vec(W, H - b), vec(W, H), vec(0, H), vec(0, H - b), vec(o, H - b)];
    return { pts, labelled: [[0, 1], [1, 2], [4, 5], [5, 6]], cuts: [[vec(o, H - b), vec(o + a, H - b)]], pieces: [{ x: 0, y: H - b, w: W, h: b }, { x: o, y: 0, w: a, h: H - b }] };
  }
  // U: slot a wide and b deep from the top, starting at x = o
  const pts = [vec(0, 0), vec(W, 0), vec(W, H), vec(o + a, H), vec(o + a, H - b), vec(o, H - b), vec(o, H), vec(0, H)];
  return {
    pts,
    labelled: [[0, 1], [6, 7], [7, 0], [4, 5], [5, 6]],
    cuts: [[vec(o, 0), vec(o, H - b)], [vec(o + a, 0), vec(o + a, H - b)]],
    pieces: [{ x: 0, y: 0, w: o, h: H }, { x: o, y: 0, w: a, h: H - b }, { x: o + a, y: 0, w: W - o - a, h: H }],
  };
}

const COLORS = ['rgba(31,119,180,0.25)', 'rgba(44,160,44,0.25)', 'rgba(255,127,14,0.25)'];

export const compositeArea = defineBlueprint<Params>({
  id: 'composite-area',
  title: 'Area of an L, T or U shape by cutting it into rectangles',
  domain: 'Plane Geometry',
  knowledge: [['Plane Geometry', 'Area and Perimeter', 'Composite Figures', 'Area by decomposition']],
  related: [
    ['Plane Geometry', 'Area and Perimeter', 'Composite Figures', 'Area by decomposition', 'L-shaped figure as two rectangles'],
    ['Plane Geometry', 'Area and Perimeter', 'Composite Figures', 'Area by decomposition', 'T-shaped figure as two rectangles'],
    ['Plane Geometry', 'Area and Perimeter', 'Composite Figures', 'Area by decomposition', 'U-shaped figure as three rectangles'],
    ['Plane Geometry', 'Area and Perimeter', 'Composite Figures', 'Area by decomposition', 'Missing side lengths from opposite sides'],
  ],
  tools: ['decompose into shapes', 'shade region', 'number items'],
  newTools: ['cut into rectangles'],
  expansions: [],

  params(rng, difficulty) {
    const shape: Shape = difficulty === 'easy' ? 'L' : difficulty === 'medium' ? rng.pick(['L', 'T']) : rng.pick(['T', 'U']);
    const W = rng.int(8, 14);
    const H = rng.int(7, 12);
    const a = rng.int(2, Math.floor(W / 2));
    const b = rng.int(2, H - 3);
    const o = shape === 'T' ? rng.int(1, W - a - 1) : shape === 'U' ? rng.int(2, W - a - 2) : 0;
    return { shape, W, H, a, b, o, mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9) };
  },

  build(p) {
    const o = outline(p);
    const f = fitFrame(o.pts, { x: 90, y: 90, w: 332, h: 332 });
    const pts = o.pts.map(f.toPx);
    const edgeLength = (i: number, j: number) => Math.hypot(o.pts[j]!.x - o.pts[i]!.x, o.pts[j]!.y - o.pts[i]!.y);
    const figureCode = lines(
      `const P = [${pts.map((q) => `{ x: ${px(q.x)}, y: ${px(q.y)} }`).join(', ')}];`,
      'vt.polygon(P);',
      ...o.labelled.map(([i, j]) => `vt.measure(P[${i}], P[${j}], '${value(edgeLength(i, j))} cm');`),
      'vt.export({ P });',
    );
    const cutCode = o.cuts.map(([s, e]) => {
      const [S, E] = [f.toPx(s), f.toPx(e)];
      return `vt.connect({ x: ${px(S.x)}, y: ${px(S.y)} }, { x: ${px(E.x)}, y: ${px(E.y)} });`;
    });
    const pieceCode = o.pieces.flatMap((r, i) => {
      const [q0, q1] = [f.toPx(vec(r.x, r.y)), f.toPx(vec(r.x + r.w, r.y + r.h))];
      const c = centroid([q0, q1]);
      return [
        `vt.shade([{ x: ${px(q0.x)}, y: ${px(q0.y)} }, { x: ${px(q1.x)}, y: ${px(q0.y)} }, { x: ${px(q1.x)}, y: ${px(q1.y)} }, { x: ${px(q0.x)}, y: ${px(q1.y)} }], { fill: '${COLORS[i]}' });`,
        `vt.text(${px(c.x)}, ${px(c.y + 6)}, '${i + 1}', { color: '#d62728', align: 'center' });`,
      ];
    });
    const cut = {
      description: `Cut the figure along dashed lines into ${o.pieces.length} rectangles, shade and number them`,
      code: lines('// cut lines and the rectangles they make', ...cutCode, ...pieceCode),
    };
    const areas = o.pieces.map((r) => r.w * r.h);
    const total = areas.reduce((s, x) => s + x, 0);
    const question = `The figure shows ${p.shape === 'L' ? 'an' : 'a'} ${p.shape}-shaped plot; all corners are right angles and the marked lengths are in cm. What is its area (in cm²)?`;
    const steps = [
      `Cut the figure along the dashed lines into ${o.pieces.length} rectangles, numbered ${o.pieces.map((_, i) => i + 1).join(', ')}.`,
      `Missing sides follow from opposite sides of the outline (a total length is the sum of its parts).`,
      ...o.pieces.map((r, i) => `Rectangle ${i + 1} is ${value(r.w)} cm × ${value(r.h)} cm = ${value(areas[i]!)} cm².`),
      `Total area = ${areas.map((x) => value(x)).join(' + ')} = ${value(total)} cm².`,
    ];
    const correct = `${value(total)} cm²`;
    const wrong = [...numericDistractors(total, { unit: ' cm²', step: p.a * p.b > 3 ? p.a * p.b : 4 }), `${value(p.W * p.H)} cm²`, `${value(2 * (p.W + p.H))} cm²`];
    const block = answerBlock(p, correct, wrong);
    const leaf = { L: 'L-shaped figure as two rectangles', T: 'T-shaped figure as two rectangles', U: 'U-shaped figure as three rectangles' }[p.shape];
    return {
      knowledge: [
        ['Plane Geometry', 'Area and Perimeter', 'Composite Figures', 'Area by decomposition'],
        ['Plane Geometry', 'Area and Perimeter', 'Composite Figures', 'Area by decomposition', leaf],
        ['Plane Geometry', 'Area and Perimeter', 'Composite Figures', 'Area by decomposition', 'Missing side lengths from opposite sides'],
      ],
      tools: ['decompose into shapes', 'shade region', 'number items', 'cut into rectangles'],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions: [cut],
    };
  },

  solve(p) {
    return value(shoelace(outline(p).pts));
  },
});
