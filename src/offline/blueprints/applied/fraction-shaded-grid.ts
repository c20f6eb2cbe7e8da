import { defineBlueprint } from '../../blueprint.js';
import { fraction, gcd } from './lib/math.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const AREA_MODELS = ['Number and Algebra Visuals', 'Fractions and Ratios', 'Area Models'];
const SHADED = [...AREA_MODELS, 'Fraction of a shape shaded'];
const UNIT_SQUARES = ['Measurement and Time', 'Measuring', 'Area Units', 'Counting unit squares', 'Counting whole and half squares of a shaded shape'];
const HALVES = [...SHADED, 'Shaded triangles as halves of grid rectangles'];
const COMPLEMENT = [...SHADED, 'Shaded area by subtracting corner triangles'];

const SIDE = 320;
const ORIGIN = { x: 96, y: 110 };

type V = [number, number];
type Params = {
  seed: number;
  n: number;
  /** Vertices of the shaded polygon on the unit lattice (x right, y down). */
  poly: V[];
  choice: boolean;
};

function shoelace(poly: V[]): number {
  let s = 0;
  poly.forEach(([x, y], i) => {
    const [u, w] = poly[(i + 1) % poly.length]!;
    s += x * w - u * y;
  });
  return Math.abs(s) / 2;
}

export const fractionShadedGrid = defineBlueprint<Params>({
  id: 'fraction-shaded-grid',
  title: 'Fraction of a square shaded, found with a grid overlay',
  domain: 'Number and Algebra Visuals',
  knowledge: [SHADED],
  related: [HALVES, COMPLEMENT, UNIT_SQUARES],
  tools: ['draw grid'],
  newTools: ['overlay a unit grid'],
  expansions: [],

  params(rng, difficulty) {
    const n = difficulty === 'easy' ? 4 : difficulty === 'medium' ? 6 : 8;
    const k = difficulty === 'easy' ? 3 : 4;
    for (;;) {
      const pts = Array.from({ length: k }, (): V => [rng.int(0, n), rng.int(0, n)]);
      const cx = pts.reduce((s, p) => s + p[0], 0) / k;
      const cy = pts.reduce((s, p) => s + p[1], 0) / k;
      const poly = [...pts].sort((a, b) => Math.atan2(a[1] - cy, a[0] - cx) - Math.atan2(b[1] - cy, b[0] - cx));
      const distinct = new Set(poly.map((p) => p.join(','))).size === k;
      const area = shoelace(poly);
      // No three consecutive corners in a line, and a share that is neither tiny nor nearly everything.
      const bent = poly.every((p, i) => {
        const [a, b] = [poly[(i + k - 1) % k]!, poly[(i + 1) % k]!];
        return (p[0] - a[0]) * (b[1] - a[1]) - (p[1] - a[1]) * (b[0] - a[0]) !== 0;
      });
      if (distinct && bent && area >= (n * n) / 8 && area <= (n * n * 3) / 4) return { seed: instanceSeed(rng), n, poly, choice: difficulty === 'hard' };
    }
  },

  build(p) {
    const area = shoelace(p.poly);
    const total = p.n * p.n;
    const value = fraction(area * 2, total * 2);
    const figureCode = lines(
      `const S = { x: ${ORIGIN.x}, y: ${ORIGIN.y}, side: ${SIDE}, n: ${p.n} };`,
      'const u = S.side / S.n;',
      `const shaded = ${JSON.stringify(p.poly)}.map(([i, j]) => ({ x: S.x + i * u, y: S.y + j * u }));`,
      "vt.polygon(shaded, { fill: '#74a9cf', color: '#045a8d', width: 2 });",
      'vt.polygon([{ x: S.x, y: S.y }, { x: S.x + S.side, y: S.y }, { x: S.x + S.side, y: S.y + S.side }, { x: S.x, y: S.y + S.side }], { width: 3 });',
      'for (let i = 1; i < S.n; i++) {',
      '  for (const [P, Q] of [[{ x: S.x + i * u, y: S.y }, { x: S.x + i * u, y: S.y + 8 }], [{ x: S.x + i * u, y: S.y + S.side }, { x: S.x + i * u, y: S.y + S.side - 8 }], [{ x: S.x, y: S.y + i * u }, { x: S.x + 8, y: S.y + i * u }], [{ x: S.x + S.side, y: S.y + i * u }, { x: S.x + S.side - 8, y: S.y + i * u }]]) vt.segment(P, Q, { width: 2 });',
      '}',
      `vt.text(256, 70, 'The marks split each side into ${p.n} equal parts', { align: 'center', size: 16 });`,
      'vt.export({ S });',
    );
    const interactions = [
      {
        description: `Overlay the ${p.n} × ${p.n} unit grid joining the marks on opposite sides`,
        code: lines('const { x, y, side, n } = state.S;', "vt.grid({ x, y, w: side, h: side, step: side / n }, { color: '#d62728', dash: [4, 3], width: 1 });"),
      },
    ];
    const alt = [fraction(Math.round(area), total), fraction(area * 2 + 2, total * 2), fraction(Math.max(1, area * 2 - 2), total * 2), fraction(total - area, total), fraction(area * 2, total * 2 + 4)];
    const answer = p.choice ? multipleChoice(value, alt, p.seed, 'frac') : fillIn(value);
    const onEdge = p.poly.filter(([x, y]) => x === 0 || y === 0 || x === p.n || y === p.n).length;
    return {
      knowledge: [SHADED, p.poly.length === 3 ? HALVES : COMPLEMENT, ...(p.n === 4 ? [UNIT_SQUARES] : [])],
      tools: ['draw grid', 'overlay a unit grid'],
      ...answer,
      figureCode,
      question: `The large square is divided into equal parts along each side by the marks. What fraction of the square is shaded? Give it in lowest terms.`,
      solution: numbered([
        `With the ${p.n} × ${p.n} grid overlaid, the square has ${total} unit squares and the shaded shape has its corners at grid points (${p.poly.map(([x, y]) => `(${x}, ${y})`).join(', ')}), ${onEdge} of them on the sides of the square.`,
        `Enclosing the shaded shape in grid rectangles and taking away the right triangles around it (each half a grid rectangle) leaves an area of ${area} unit squares.`,
        `The fraction shaded is ${area}/${total} = ${value}.`,
        answerLine(answer),
      ]),
      interactions,
    };
  },

  solve(p) {
    // Pick's theorem: area = interior lattice points + boundary lattice points / 2 - 1.
    const poly = p.poly;
    let boundary = 0;
    poly.forEach(([x, y], i) => {
      const [u, w] = poly[(i + 1) % poly.length]!;
      boundary += gcd(u - x, w - y);
    });
    const inside = (px: number, py: number) => {
      let c = false;
      poly.forEach(([x, y], i) => {
        const [u, w] = poly[(i + 1) % poly.length]!;
        if (y > py !== w > py && px < x + ((py - y) * (u - x)) / (w - y)) c = !c;
      });
      return c;
    };
    const onEdge = (px: number, py: number) =>
      poly.some(([x, y], i) => {
        const [u, w] = poly[(i + 1) % poly.length]!;
        return (u - x) * (py - y) === (w - y) * (px - x) && Math.min(x, u) <= px && px <= Math.max(x, u) && Math.min(y, w) <= py && py <= Math.max(y, w);
      });
    let interior = 0;
    for (let i = 0; i <= p.n; i++) for (let j = 0; j <= p.n; j++) if (!onEdge(i, j) && inside(i, j)) interior++;
    const doubled = 2 * interior + boundary - 2;
    return fraction(doubled, 2 * p.n * p.n);
  },
});
