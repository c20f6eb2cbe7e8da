import { defineBlueprint } from '../../blueprint.js';
import { num } from '../../format.js';
import { binom } from './lib/math.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const FIGURES = ['Probability and Counting', 'Counting', 'Counting Figures'];
const RECTANGLES = [...FIGURES, 'Counting rectangles in a grid'];
const SQUARES = [...FIGURES, 'Counting squares in a grid'];
const BY_LINES = [...RECTANGLES, 'Choosing two vertical and two horizontal grid lines'];
const BY_SIZE = [...SQUARES, 'Counting squares size by size in a rectangular grid'];

const COLORS = ['#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

type Params = {
  seed: number;
  cols: number;
  rows: number;
  shape: 'squares' | 'rectangles';
  choice: boolean;
};

function layout(p: Params) {
  // Left-aligned so the counts written by the interaction fit on the right.
  const cell = Math.min(320 / p.cols, 320 / p.rows);
  return { cell, x: 60, y: 275 - (cell * p.rows) / 2 };
}

/** Brute force: every pair of column lines with every pair of row lines. */
function enumerate(p: Params): { squares: Map<number, number>; rectangles: number } {
  const squares = new Map<number, number>();
  let rectangles = 0;
  for (let x1 = 0; x1 <= p.cols; x1++)
    for (let x2 = x1 + 1; x2 <= p.cols; x2++)
      for (let y1 = 0; y1 <= p.rows; y1++)
        for (let y2 = y1 + 1; y2 <= p.rows; y2++) {
          rectangles++;
          if (x2 - x1 === y2 - y1) squares.set(x2 - x1, (squares.get(x2 - x1) ?? 0) + 1);
        }
  return { squares, rectangles };
}

export const countGridShapes = defineBlueprint<Params>({
  id: 'count-grid-shapes',
  title: 'Counting squares or rectangles in a grid by marking them',
  domain: 'Probability and Counting',
  knowledge: [RECTANGLES, SQUARES],
  related: [BY_LINES, BY_SIZE],
  tools: ['number items', 'highlight region'],
  newTools: ['number grid lines', 'mark one square of each size'],
  expansions: [],

  params(rng, difficulty) {
    const [lo, hi] = difficulty === 'easy' ? [2, 3] : difficulty === 'medium' ? [3, 4] : [4, 5];
    const cols = rng.int(lo, hi + 1);
    const rows = rng.int(lo, Math.min(hi, cols));
    return { seed: instanceSeed(rng), cols, rows, shape: rng.pick(['squares', 'rectangles'] as const), choice: difficulty !== 'easy' };
  },

  build(p) {
    const { cell, x, y } = layout(p);
    const figureCode = lines(
      `const G = { x: ${num(x, 1)}, y: ${num(y, 1)}, cell: ${num(cell, 1)}, cols: ${p.cols}, rows: ${p.rows} };`,
      'vt.grid({ x: G.x, y: G.y, w: G.cell * G.cols, h: G.cell * G.rows, step: G.cell }, { color: \'#000\', width: 2 });',
      "vt.polygon([{ x: G.x, y: G.y }, { x: G.x + G.cell * G.cols, y: G.y }, { x: G.x + G.cell * G.cols, y: G.y + G.cell * G.rows }, { x: G.x, y: G.y + G.cell * G.rows }], { width: 3 });",
      `vt.text(220, 50, ${JSON.stringify(`A ${p.cols} × ${p.rows} grid of equal squares`)}, { align: 'center', size: 17 });`,
      'vt.export({ G });',
    );
    const { squares, rectangles } = enumerate(p);
    let interaction;
    let steps: string[];
    let total: number;
    let wrong: number[];
    if (p.shape === 'squares') {
      const sizes = [...squares.keys()].sort((a, b) => a - b);
      total = [...squares.values()].reduce((s, v) => s + v, 0);
      interaction = {
        description: 'Highlight one square of each size in the top-left corner and write how many positions that size has',
        code: lines(
          `const counts = ${JSON.stringify(sizes.map((s) => squares.get(s)))};`,
          `const colors = ${JSON.stringify(COLORS.slice(0, sizes.length))};`,
          '// Largest first, so the smaller squares stay visible on top.',
          'for (let i = counts.length - 1; i >= 0; i--) {',
          '  const s = (i + 1) * state.G.cell;',
          '  vt.polygon([{ x: state.G.x, y: state.G.y }, { x: state.G.x + s, y: state.G.y }, { x: state.G.x + s, y: state.G.y + s }, { x: state.G.x, y: state.G.y + s }], { color: colors[i], width: 4 - i * 0.5 });',
          '  vt.text(state.G.x + state.G.cell * state.G.cols + 12, state.G.y + 20 + i * 24, `${i + 1}×${i + 1}: ${counts[i]}`, { color: colors[i], size: 16 });',
          '}',
        ),
      };
      steps = [
        ...sizes.map((s) => `A highlighted ${s}×${s} square can slide to ${p.cols - s + 1} positions across and ${p.rows - s + 1} down: ${squares.get(s)} squares of that size.`),
        `In total ${sizes.map((s) => squares.get(s)).join(' + ')} = ${total} squares.`,
      ];
      wrong = [p.cols * p.rows, total + p.rows, total - 1, rectangles, total + sizes.length];
    } else {
      total = rectangles;
      interaction = {
        description: `Number the ${p.cols + 1} vertical grid lines and the ${p.rows + 1} horizontal grid lines`,
        code: lines(
          'const { x, y, cell, cols, rows } = state.G;',
          "for (let i = 0; i <= cols; i++) vt.text(x + i * cell, y - 8, String(i + 1), { color: '#d62728', align: 'center', size: 16 });",
          "for (let j = 0; j <= rows; j++) vt.text(x - 10, y + j * cell + 6, String(j + 1), { color: '#1f77b4', align: 'right', size: 16 });",
        ),
      };
      steps = [
        `Every rectangle is fixed by choosing two of the ${p.cols + 1} numbered vertical lines (C(${p.cols + 1}, 2) = ${binom(p.cols + 1, 2)} ways) and two of the ${p.rows + 1} numbered horizontal lines (C(${p.rows + 1}, 2) = ${binom(p.rows + 1, 2)} ways).`,
        `So there are ${binom(p.cols + 1, 2)} × ${binom(p.rows + 1, 2)} = ${total} rectangles.`,
      ];
      wrong = [p.cols * p.rows, (p.cols + 1) * (p.rows + 1), total - p.cols * p.rows, binom(p.cols + 1, 2) + binom(p.rows + 1, 2), total + p.cols];
    }
    const answer = p.choice ? multipleChoice(num(total), wrong.filter((w) => w > 0).map((w) => num(w)), p.seed, 'count') : fillIn(num(total));
    const what = p.shape === 'squares' ? 'squares of any size' : 'rectangles of any size (squares included)';
    return {
      knowledge: p.shape === 'squares' ? [SQUARES, BY_SIZE] : [RECTANGLES, BY_LINES],
      tools: p.shape === 'squares' ? ['highlight region', 'mark one square of each size'] : ['number items', 'number grid lines'],
      ...answer,
      figureCode,
      question: `The figure is a grid of ${p.cols} columns and ${p.rows} rows of equal squares. How many ${what} can be found in it?`,
      solution: numbered([...steps, answerLine(answer)]),
      interactions: [interaction],
    };
  },

  solve(p) {
    if (p.shape === 'rectangles') return num(binom(p.cols + 1, 2) * binom(p.rows + 1, 2));
    let total = 0;
    for (let s = 1; s <= Math.min(p.cols, p.rows); s++) total += (p.cols - s + 1) * (p.rows - s + 1);
    return num(total);
  },
});
