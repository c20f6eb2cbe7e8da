import { defineBlueprint } from '../../blueprint.js';
import { num, px } from '../../format.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const COUNTING = ['Probability and Counting', 'Counting', 'Counting Figures', 'Counting triangles in a figure'];
const FAN = [...COUNTING, 'Triangles in a fan of segments from one vertex'];
const LAYERED = [...COUNTING, 'Triangles in a fan cut by parallel segments'];

const A = { x: 256, y: 60 };
const B = { x: 56, y: 430 };
const C = { x: 456, y: 430 };

type Params = {
  seed: number;
  /** Sectors of the fan: n - 1 segments from A to BC split it into n sectors. */
  n: number;
  /** Fractions of the height (from A) at which segments parallel to BC cross the fan. */
  cuts: number[];
  choice: boolean;
};

type Pt = { x: number; y: number };
type Seg = [Pt, Pt];

const lerp = (P: Pt, Q: Pt, t: number): Pt => ({ x: P.x + (Q.x - P.x) * t, y: P.y + (Q.y - P.y) * t });

function figureSegments(p: Params): { fan: Seg[]; across: Seg[] } {
  const feet = Array.from({ length: p.n + 1 }, (_, i) => lerp(B, C, i / p.n));
  const fan = feet.map((F): Seg => [A, F]);
  const across = [...p.cuts, 1].map((t): Seg => [lerp(A, B, t), lerp(A, C, t)]);
  return { fan, across };
}

/** Where segments PQ and RS meet (endpoints included), or null. */
function meet([P, Q]: Seg, [R, S]: Seg): Pt | null {
  const d = (Q.x - P.x) * (S.y - R.y) - (Q.y - P.y) * (S.x - R.x);
  if (Math.abs(d) < 1e-9) return null;
  const t = ((R.x - P.x) * (S.y - R.y) - (R.y - P.y) * (S.x - R.x)) / d;
  const u = ((R.x - P.x) * (Q.y - P.y) - (R.y - P.y) * (Q.x - P.x)) / d;
  const eps = 1e-9;
  return t >= -eps && t <= 1 + eps && u >= -eps && u <= 1 + eps ? lerp(P, Q, t) : null;
}

/** Brute force over every triple of segments: three pairwise crossings at three distinct points form a triangle. */
function countByEnumeration(p: Params): number {
  const { fan, across } = figureSegments(p);
  const segs = [...fan, ...across];
  const far = (P: Pt, Q: Pt) => Math.hypot(P.x - Q.x, P.y - Q.y) > 1e-6;
  let count = 0;
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length; j++)
      for (let k = j + 1; k < segs.length; k++) {
        const [X, Y, Z] = [meet(segs[i]!, segs[j]!), meet(segs[j]!, segs[k]!), meet(segs[i]!, segs[k]!)];
        if (X && Y && Z && far(X, Y) && far(Y, Z) && far(X, Z)) count++;
      }
  return count;
}

export const countTrianglesFan = defineBlueprint<Params>({
  id: 'count-triangles-fan',
  title: 'Counting triangles in a fan by numbering its parts',
  domain: 'Probability and Counting',
  knowledge: [COUNTING],
  related: [FAN, LAYERED],
  tools: ['number items', 'add label'],
  newTools: ['number the sectors of a fan'],
  expansions: [],

  params(rng, difficulty) {
    const n = difficulty === 'easy' ? rng.int(3, 4) : difficulty === 'medium' ? rng.int(3, 5) : rng.int(4, 6);
    const k = difficulty === 'easy' ? 0 : difficulty === 'medium' ? 1 : rng.int(1, 2);
    const cuts = k === 0 ? [] : k === 1 ? [rng.pick([0.45, 0.5, 0.55])] : [0.4, 0.7];
    return { seed: instanceSeed(rng), n, cuts, choice: difficulty === 'hard' };
  },

  build(p) {
    const { fan, across } = figureSegments(p);
    const feet = fan.map(([, F]) => F);
    const inner = feet.slice(1, -1);
    const rows = across.slice(0, -1);
    const names = ['B', ...inner.map((_, i) => `D${i + 1}`), 'C'];
    const figureCode = lines(
      `const A = vt.point(${A.x}, ${A.y}, 'A'), B = vt.point(${B.x}, ${B.y}, 'B'), C = vt.point(${C.x}, ${C.y}, 'C');`,
      'vt.polygon([A, B, C]);',
      `const feet = [${inner.map((F) => `{ x: ${px(F.x)}, y: ${px(F.y)} }`).join(', ')}];`,
      'feet.forEach((F, i) => { vt.segment(A, F); vt.point(F.x, F.y, `D${i + 1}`); });',
      ...rows.map(([P, Q]) => `vt.segment({ x: ${px(P.x)}, y: ${px(P.y)} }, { x: ${px(Q.x)}, y: ${px(Q.y)} });`),
      `vt.export({ feet: [B, ...feet, C], rows: [${across.map(([P]) => `{ x: ${px(P.x)}, y: ${px(P.y)} }`).join(', ')}] });`,
    );
    const letters = across.map((_, i) => String.fromCharCode(97 + i));
    const interactions = [
      {
        description: `Number the ${p.n} sectors of the fan 1 to ${p.n} along BC and label the ${across.length} segments parallel to BC`,
        code: lines(
          'for (let i = 0; i + 1 < state.feet.length; i++) {',
          '  const [P, Q] = [state.feet[i], state.feet[i + 1]];',
          "  vt.text((P.x + Q.x) / 2, P.y + 24, String(i + 1), { color: '#d62728', align: 'center', size: 18 });",
          '}',
          `const letters = ${JSON.stringify(letters)};`,
          "state.rows.forEach((P, i) => vt.text(P.x - 12, P.y - 6, letters[i], { color: '#d62728', align: 'right', size: 17 }));",
        ),
      },
    ];
    const runs = (p.n * (p.n + 1)) / 2;
    const total = countByEnumeration(p);
    const steps = [
      `With the sectors numbered 1 to ${p.n}, every triangle has its top vertex at A, and its two sides from A bound a run of consecutive numbered sectors: ${Array.from({ length: p.n }, (_, i) => p.n - i).join(' + ')} = ${runs} runs.`,
      across.length > 1
        ? `Its third side lies on one of the ${across.length} labelled segments parallel to BC (${letters.join(', ')}), so there are ${runs} × ${across.length} = ${total} triangles.`
        : `Its third side lies on BC, the only labelled segment a, so there are ${total} triangles.`,
    ];
    const answer = p.choice ? multipleChoice(num(total), [runs, total - runs, total + p.n, total + runs, p.n * across.length * 2].filter((x) => x > 0).map((x) => num(x)), p.seed, 'count') : fillIn(num(total));
    return {
      knowledge: [COUNTING, across.length > 1 ? LAYERED : FAN],
      tools: ['number items', 'add label', 'number the sectors of a fan'],
      ...answer,
      figureCode,
      question: `In the figure, segments join A to the points ${names.slice(1, -1).join(', ')} on BC${rows.length ? `, and ${rows.length === 1 ? 'one segment parallel to BC crosses' : `${rows.length} segments parallel to BC cross`} the triangle` : ''}. How many triangles of any size appear in the figure?`,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    // Pick two of the n + 1 segments from A, and one of the segments parallel to BC (BC included).
    return num(((p.n + 1) * p.n * (p.cuts.length + 1)) / 2);
  },
});
