import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors } from '../../format.js';
import { binom } from './lib/math.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const PATHS = ['Probability and Counting', 'Counting', 'Paths and Arrangements'];
const LATTICE = [...PATHS, 'Lattice paths on a grid'];
const BLOCKED = [...PATHS, 'Lattice paths avoiding a blocked point'];
const PRODUCT = [...PATHS, 'Multiplication principle'];
const STREET = ['Maps and Orientation', 'Map Reading', 'Grids and Routes', 'Shortest route on a street grid', 'Number of shortest street routes'];
const PASCAL = [...LATTICE, 'Adding route counts at each intersection'];
const CHECKPOINT = [...PRODUCT, 'Routes through a checkpoint as a product'];

type Corner = [number, number];
type Params = {
  seed: number;
  cols: number;
  rows: number;
  /** Closed intersection, or null. */
  closed: Corner | null;
  shop: Corner;
  /** Sequential expansion: count only the routes through the shop. */
  viaShop: boolean;
  choice: boolean;
};

function layout(p: Params) {
  const cell = Math.min(360 / p.cols, 300 / p.rows);
  return { cell, x: 256 - (cell * p.cols) / 2, y: 280 + (cell * p.rows) / 2 };
}

const same = (a: Corner | null, b: Corner | null) => !!a && !!b && a[0] === b[0] && a[1] === b[1];

/** Route counts from `from` to every corner, east and north moves only, adding the counts from the west and the south. */
function sweep(p: Params, from: Corner, seed: number): number[][] {
  const n: number[][] = Array.from({ length: p.cols + 1 }, () => Array<number>(p.rows + 1).fill(0));
  for (let i = from[0]; i <= p.cols; i++)
    for (let j = from[1]; j <= p.rows; j++) {
      if (same([i, j], p.closed)) continue;
      n[i]![j] = i === from[0] && j === from[1] ? seed : (i > from[0] ? n[i - 1]![j]! : 0) + (j > from[1] ? n[i]![j - 1]! : 0);
    }
  return n;
}

/** Routes from P to Q avoiding the closed corner: all routes minus those through it. */
function routes(p: Params, P: Corner, Q: Corner): number {
  const all = (U: Corner, V: Corner) => (V[0] < U[0] || V[1] < U[1] ? 0 : binom(V[0] - U[0] + V[1] - U[1], V[0] - U[0]));
  return p.closed ? all(P, Q) - all(P, p.closed) * all(p.closed, Q) : all(P, Q);
}

export const gridShortestPaths = defineBlueprint<Params>({
  id: 'grid-shortest-paths',
  title: 'Shortest routes on a street grid by writing counts at the corners',
  domain: 'Probability and Counting',
  knowledge: [LATTICE, BLOCKED, PRODUCT],
  related: [PASCAL, CHECKPOINT, STREET],
  tools: ['add label', 'mark point'],
  newTools: ['write route counts at grid intersections'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    const [cols, rows] = difficulty === 'easy' ? [rng.int(2, 3), 2] : difficulty === 'medium' ? [4, 3] : [5, rng.int(3, 4)];
    for (;;) {
      const closed: Corner | null = difficulty === 'easy' ? null : [rng.int(1, cols - 1), rng.int(1, rows - 1)];
      const shop: Corner = [rng.int(1, cols - 1), rng.int(1, rows - 1)];
      const p: Params = { seed: instanceSeed(rng), cols, rows, closed, shop, viaShop: false, choice: difficulty === 'hard' };
      if (same(shop, closed) || routes(p, [0, 0], shop) === 0 || routes(p, shop, [cols, rows]) === 0) continue;
      return p;
    }
  },

  build(p) {
    const { cell, x, y } = layout(p);
    const at = ([i, j]: Corner) => `{ x: ${num(x + i * cell, 1)}, y: ${num(y - j * cell, 1)} }`;
    const figureCode = lines(
      `const G = { x: ${num(x, 1)}, y: ${num(y, 1)}, cell: ${num(cell, 1)}, cols: ${p.cols}, rows: ${p.rows} };`,
      "vt.grid({ x: G.x, y: G.y - G.rows * G.cell, w: G.cols * G.cell, h: G.rows * G.cell, step: G.cell }, { color: '#555', width: 3 });",
      `const A = vt.point(G.x, G.y, 'A', { labelOffset: { dx: -18, dy: 18 } }), B = vt.point(G.x + G.cols * G.cell, G.y - G.rows * G.cell, 'B');`,
      `const S = ${at(p.shop)};`,
      "vt.polygon([{ x: S.x - 8, y: S.y - 8 }, { x: S.x + 8, y: S.y - 8 }, { x: S.x + 8, y: S.y + 8 }, { x: S.x - 8, y: S.y + 8 }], { fill: '#1f77b4', color: '#1f77b4' });",
      "vt.label(S, 'S', { color: '#1f77b4', labelOffset: { dx: -16, dy: 18 } });",
      ...(p.closed
        ? [
            `const X = ${at(p.closed)};`,
            "vt.segment({ x: X.x - 10, y: X.y - 10 }, { x: X.x + 10, y: X.y + 10 }, { color: '#d62728', width: 4 });",
            "vt.segment({ x: X.x - 10, y: X.y + 10 }, { x: X.x + 10, y: X.y - 10 }, { color: '#d62728', width: 4 });",
            "vt.label(X, 'X', { color: '#d62728', labelOffset: { dx: -16, dy: 18 } });",
          ]
        : []),
      `vt.text(256, 40, 'Streets run east-west and north-south', { align: 'center', size: 16 });`,
      `vt.text(256, 64, ${JSON.stringify(p.closed ? 'S: shop    X: closed corner' : 'S: shop')}, { align: 'center', size: 15 });`,
      'vt.export({ G });',
    );
    const fromA = sweep(p, [0, 0], 1);
    const atShop = fromA[p.shop[0]]![p.shop[1]]!;
    const viaShop = sweep(p, p.shop, atShop);
    // The closed corner gets no number: it is crossed out.
    const grid = (n: number[][]) => JSON.stringify(n.map((col, i) => col.map((v, j) => (same([i, j], p.closed) ? null : v))));
    const interactions = [
      {
        description: 'Write at every intersection the number of shortest routes from A to it, adding the counts from the west and from the south',
        code: lines(
          `const counts = ${grid(fromA)};`,
          'const { x, y, cell } = state.G;',
          "counts.forEach((col, i) => col.forEach((n, j) => { if (n !== null) vt.text(x + i * cell - 5, y - j * cell - 7, String(n), { color: '#d62728', align: 'right', size: 14 }); }));",
        ),
      },
    ];
    const total = fromA[p.cols]![p.rows]!;
    const avoid = p.closed ? ' and never passing the closed corner X' : '';
    const steps = [
      `Write the route counts at the intersections: A gets 1, each corner gets the sum of the counts to its west and south${p.closed ? ', and the closed corner X counts as 0' : ''}.`,
      `The count written at B is ${total}, so there are ${total} shortest routes from A to B.`,
    ];
    let asked = total;
    let q = `Walking only east or north along the streets${avoid}, how many different shortest routes lead from A to B?`;
    if (p.viaShop) {
      interactions.push({
        description: `Starting from the count ${atShop} written at S, write in blue the counts of routes that pass S at the corners north-east of S`,
        code: lines(
          `const counts = ${grid(viaShop)};`,
          'const { x, y, cell } = state.G;',
          `counts.forEach((col, i) => col.forEach((n, j) => { if (n !== null && i >= ${p.shop[0]} && j >= ${p.shop[1]}) vt.text(x + i * cell + 5, y - j * cell + 18, String(n), { color: '#1f77b4', size: 14 }); }));`,
        ),
      });
      asked = viaShop[p.cols]![p.rows]!;
      steps.push(`The red count at S is ${atShop}. Restarting from S with ${atShop} and adding only counts north-east of S, the blue count at B is ${asked}.`);
      q = `Walking only east or north along the streets${avoid}, how many different shortest routes from A to B pass the shop S?`;
    }
    const answer = p.choice ? multipleChoice(num(asked), [...numericDistractors(asked, { step: Math.max(1, Math.round(asked / 6)) }), num(total)], p.seed, 'routes') : fillIn(num(asked));
    return {
      knowledge: [p.closed ? BLOCKED : LATTICE, STREET, ...(p.viaShop ? [PRODUCT, CHECKPOINT] : [PASCAL])],
      tools: ['add label', 'write route counts at grid intersections'],
      ...answer,
      figureCode,
      question: `The figure shows a street grid ${p.cols} blocks wide and ${p.rows} blocks high. ${q}`,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    const B: Corner = [p.cols, p.rows];
    return num(p.viaShop ? routes(p, [0, 0], p.shop) * routes(p, p.shop, B) : routes(p, [0, 0], B));
  },

  expand(p, mode) {
    return mode === 'sequential' && !p.viaShop ? { ...p, viaShop: true } : null;
  },
});
