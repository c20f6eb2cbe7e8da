import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors, px } from '../../format.js';
import { answerBlock, solutionText, type AnswerStyle } from './lib/answer.js';
import { lines } from './lib/code.js';
import { CUBE_NETS, type Cell, foldNet, inLinePairs } from './lib/cube-net.js';

type Params = AnswerStyle & {
  net: number;
  /** Swap rows and columns (the net stands upright). */
  upright: boolean;
  /** The number written on each cell, in cell order. */
  numbers: number[];
  /** The numbers whose opposite faces are asked: the first, then the second for the expansion. */
  asked: [number, number];
  ext: ExpansionMode[];
};

const CELL = 80;

function cells(p: Params): Cell[] {
  return CUBE_NETS[p.net]!.map(([x, y]): Cell => (p.upright ? [y, x] : [x, y]));
}

function origin(cs: readonly Cell[]): { x: number; y: number } {
  const w = Math.max(...cs.map((c) => c[0])) + 1;
  const h = Math.max(...cs.map((c) => c[1])) + 1;
  return { x: 256 - (w * CELL) / 2, y: 256 - (h * CELL) / 2 };
}

/** The in-line pair containing the cell with number n (the draw guarantees one exists). */
function pairOf(p: Params, n: number): [number, number] {
  const i = p.numbers.indexOf(n);
  const pair = inLinePairs(cells(p)).find(([a, b]) => a === i || b === i)!;
  return pair[0] === i ? pair : [pair[1], pair[0]];
}

export const cubeNetOpposite = defineBlueprint<Params>({
  id: 'cube-net-opposite',
  title: 'Opposite faces of a cube from its net',
  domain: 'Solid Geometry',
  knowledge: [['Solid Geometry', 'Spatial Reasoning', 'Nets', 'Cube nets opposite faces']],
  related: [
    ['Solid Geometry', 'Spatial Reasoning', 'Nets', 'Cube nets opposite faces', 'Faces two apart in a straight run are opposite'],
    ['Solid Geometry', 'Spatial Reasoning', 'Nets', 'Cube nets opposite faces', 'Sums of numbers on opposite faces'],
  ],
  tools: ['highlight region', 'draw circle'],
  newTools: ['highlight straight run of three faces'],
  expansions: ['parallel'],

  params(rng, difficulty) {
    const net = difficulty === 'easy' ? rng.int(0, 15) : rng.int(0, CUBE_NETS.length - 1);
    const upright = difficulty !== 'easy' && rng.chance(0.5);
    const numbers = rng.shuffle([1, 2, 3, 4, 5, 6]);
    const pairs = rng.shuffle(inLinePairs(CUBE_NETS[net]!));
    const first = rng.pick(pairs[0]!);
    const second = rng.pick(pairs.find((q) => !q.includes(pairs[0]![0]))!);
    return { net, upright, numbers, asked: [numbers[first]!, numbers[second]!], mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9), ext: [] };
  },

  build(p) {
    const cs = cells(p);
    const o = origin(cs);
    const corner = (c: Cell) => ({ x: o.x + c[0] * CELL, y: o.y + c[1] * CELL });
    const centre = (c: Cell) => ({ x: o.x + (c[0] + 0.5) * CELL, y: o.y + (c[1] + 0.5) * CELL });
    const figureCode = lines(
      `const s = ${CELL};`,
      `const cells = [${cs.map((c) => `[${px(corner(c).x)}, ${px(corner(c).y)}]`).join(', ')}];`,
      `const numbers = [${p.numbers.join(', ')}];`,
      'cells.forEach(([x, y], i) => {',
      '  vt.polygon([{ x, y }, { x: x + s, y }, { x: x + s, y: y + s }, { x, y: y + s }]);',
      "  vt.text(x + s / 2, y + s / 2 + 11, String(numbers[i]), { align: 'center', size: 30 });",
      '});',
      'vt.export({ cells, s });',
    );
    const highlight = (n: number, color: string) => {
      const [i, j] = pairOf(p, n);
      const [a, b] = [corner(cs[i]!), corner(cs[j]!)];
      const [x0, y0] = [Math.min(a.x, b.x), Math.min(a.y, b.y)];
      const [ca, cb] = [centre(cs[i]!), centre(cs[j]!)];
      return {
        description: `Highlight the straight run of three faces from ${n} to the face two squares away, and circle its two ends`,
        code: lines(
          `// the run of three squares through the face numbered ${n}`,
          `vt.highlight(${px(x0 + 4)}, ${px(y0 + 4)}, ${px(Math.abs(a.x - b.x) + CELL - 8)}, ${px(Math.abs(a.y - b.y) + CELL - 8)}, { color: '${color}' });`,
          `vt.circle({ x: ${px(ca.x)}, y: ${px(ca.y)} }, 26, { color: '${color}' });`,
          `vt.circle({ x: ${px(cb.x)}, y: ${px(cb.y)} }, 26, { color: '${color}' });`,
        ),
      };
    };
    const opposite = (n: number) => p.numbers[pairOf(p, n)[1]]!;
    const [k1, k2] = p.asked;
    const o1 = opposite(k1);
    const steps = [
      `In the net, the faces ${k1} and ${o1} lie in a straight run of three squares; folding the run wraps it around the cube, so its two ends become opposite faces.`,
    ];
    const interactions = [highlight(k1, '#d62728')];
    let question: string;
    let result: number;
    if (p.ext.length === 0) {
      question = `The net in the figure is folded into a cube. Which number is on the face opposite the face numbered ${k1}?`;
      result = o1;
      steps.push(`So ${o1} is opposite ${k1}.`);
    } else {
      interactions.push(highlight(k2, '#1f77b4'));
      const o2 = opposite(k2);
      result = o1 + o2;
      steps.push(`Likewise ${k2} and ${o2} are the ends of another straight run of three, so ${o2} is opposite ${k2}.`, `The sum is ${o1} + ${o2} = ${result}.`);
      question = `The net in the figure is folded into a cube. What is the sum of the numbers on the faces opposite the faces numbered ${k1} and ${k2}?`;
    }
    const correct = String(result);
    const wrong = p.ext.length === 0 ? [1, 2, 3, 4, 5, 6].filter((n) => n !== k1 && n !== result).map(String) : numericDistractors(result, { step: 1 });
    const block = answerBlock(p, correct, wrong);
    return {
      knowledge: [
        ['Solid Geometry', 'Spatial Reasoning', 'Nets', 'Cube nets opposite faces'],
        ['Solid Geometry', 'Spatial Reasoning', 'Nets', 'Cube nets opposite faces', p.ext.length === 0 ? 'Faces two apart in a straight run are opposite' : 'Sums of numbers on opposite faces'],
      ],
      tools: ['highlight region', 'draw circle', 'highlight straight run of three faces'],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    const faces = foldNet(cells(p));
    const opposite = (n: number) => {
      const f = faces[p.numbers.indexOf(n)]!;
      return p.numbers[faces.indexOf(f ^ 1)]!;
    };
    return String(p.ext.length === 0 ? opposite(p.asked[0]) : opposite(p.asked[0]) + opposite(p.asked[1]));
  },

  expand(p, mode) {
    return mode === 'parallel' && p.ext.length === 0 ? { ...p, ext: [mode] } : null;
  },
});
