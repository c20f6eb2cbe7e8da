import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { lines } from './lib/code.js';
import { type Plane, planeCode } from './lib/plane.js';
import { type Vec, dist, intersect, reflectIn, vec } from './lib/vec.js';
import { firstFit } from './lib/retry.js';

type Mirror = 'vertical' | 'horizontal' | 'diagonal' | 'antidiagonal';

type Params = AnswerStyle & {
  /** x = c, y = c, y = x + c or y = −x + c. */
  mirror: Mirror;
  c: number;
  P: [number, number];
  Q: [number, number];
  ext: ExpansionMode[];
};

const PLANE: Plane = { box: { x: 46, y: 36, w: 440, h: 440 }, min: -5, max: 6 };

/** Two points of the mirror line at the edges of the plane. */
function mirrorEnds(p: Params): [Vec, Vec] {
  const { min, max } = PLANE;
  if (p.mirror === 'vertical') return [vec(p.c, min), vec(p.c, max)];
  if (p.mirror === 'horizontal') return [vec(min, p.c), vec(max, p.c)];
  if (p.mirror === 'diagonal') {
    const [x0, x1] = [Math.max(min, min - p.c), Math.min(max, max - p.c)];
    return [vec(x0, x0 + p.c), vec(x1, x1 + p.c)];
  }
  const [x0, x1] = [Math.max(min, p.c - max), Math.min(max, p.c - min)];
  return [vec(x0, p.c - x0), vec(x1, p.c - x1)];
}

function equation(p: Params): string {
  const c = p.c === 0 ? '' : p.c > 0 ? ` + ${p.c}` : ` − ${-p.c}`;
  if (p.mirror === 'vertical') return `x = ${p.c}`;
  if (p.mirror === 'horizontal') return `y = ${p.c}`;
  return p.mirror === 'diagonal' ? `y = x${c}` : `y = −x${c}`;
}

const pair = (v: Vec) => `(${value(v.x)}, ${value(v.y)})`;

/** Which side of the mirror a point is on (0 on the line). */
function side(p: Params, x: number, y: number): number {
  const s = p.mirror === 'vertical' ? x - p.c : p.mirror === 'horizontal' ? y - p.c : p.mirror === 'diagonal' ? y - x - p.c : y + x - p.c;
  return Math.sign(s);
}

function image(p: Params, [x, y]: [number, number]): [number, number] {
  if (p.mirror === 'vertical') return [2 * p.c - x, y];
  if (p.mirror === 'horizontal') return [x, 2 * p.c - y];
  if (p.mirror === 'diagonal') return [y - p.c, x + p.c];
  return [p.c - y, p.c - x];
}

export const reflectPointCoordinates = defineBlueprint<Params>({
  id: 'reflect-point-coordinates',
  title: 'Mirror image of a point in a line on the coordinate plane',
  domain: 'Analytic Geometry',
  knowledge: [
    ['Analytic Geometry', 'Lines and Circles', 'Circle Equations', 'Reflection of a point in a line'],
    ['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance between two points'],
  ],
  related: [
    ['Analytic Geometry', 'Lines and Circles', 'Circle Equations', 'Reflection of a point in a line', 'Reflection in a vertical or horizontal line'],
    ['Analytic Geometry', 'Lines and Circles', 'Circle Equations', 'Reflection of a point in a line', 'Reflection in a line of slope 1 or -1'],
    ['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance between two points', 'Shortest broken path through a line in coordinates'],
  ],
  tools: ['reflect point', 'connect points', 'mark point'],
  newTools: ['reflect point across a coordinate line'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    const mirror: Mirror = difficulty === 'easy' ? rng.pick(['vertical', 'horizontal']) : rng.pick(['diagonal', 'antidiagonal']);
    const c = difficulty === 'medium' ? 0 : rng.int(-1, 2);
    const lo = PLANE.min + 1;
    const hi = PLANE.max - 1;
    const ok = (x: number, y: number) => x >= lo && x <= hi && y >= lo && y <= hi && x !== 0 && y !== 0;
    return firstFit('reflect-point-coordinates', () => {
      const P: [number, number] = [rng.int(lo, hi), rng.int(lo, hi)];
      const Q: [number, number] = [rng.int(lo, hi), rng.int(lo, hi)];
      const p: Params = { mirror, c, P, Q, mc: true, choiceSeed: rng.int(0, 1e9), ext: [] };
      const [P1, Q1] = [image(p, P), image(p, Q)];
      const s = side(p, ...P);
      const apart = Math.hypot(P[0] - Q[0], P[1] - Q[1]) >= 3;
      const offLine = Math.abs(P[0] - P1[0]) + Math.abs(P[1] - P1[1]) >= 4 && Math.abs(Q[0] - Q1[0]) + Math.abs(Q[1] - Q1[1]) >= 2;
      if (s !== 0 && side(p, ...Q) === s && ok(...P) && ok(...Q) && ok(...P1) && ok(...Q1) && apart && offLine) return p;
      return null;
    });
  },

  build(p) {
    const [L1, L2] = mirrorEnds(p);
    const figureCode = lines(
      planeCode(PLANE),
      `const L1 = ax.toPx(${value(L1.x)}, ${value(L1.y)}), L2 = ax.toPx(${value(L2.x)}, ${value(L2.y)});`,
      "vt.segment(L1, L2, { color: '#1f77b4', width: 2.5 });",
      `vt.label(L2, 'ℓ', { color: '#1f77b4' });`,
      `const P = ax.point(${p.P[0]}, ${p.P[1]}, 'P'), Q = ax.point(${p.Q[0]}, ${p.Q[1]}, 'Q');`,
      'vt.export({ L1, L2, P, Q });',
    );
    const P = vec(...p.P);
    const Q = vec(...p.Q);
    const P1 = reflectIn(P, L1, L2);
    const reflect = {
      description: "Reflect P in the line ℓ to get its mirror image P'",
      code: lines("// mirror image of P in ℓ", 'const { L1, L2, P } = state;', `const P1 = vt.reflect(P, L1, L2, "P'");`, 'vt.export({ P1 });'),
    };
    const steps = [
      `Reflect P in ℓ (${equation(p)}): the segment PP' is perpendicular to ℓ and ℓ passes through its midpoint.`,
      `Reading the grid, P' = ${pair(P1)}.`,
    ];
    const interactions = [reflect];
    let question: string;
    let correct: string;
    let wrong: string[];
    if (p.ext.length === 0) {
      question = `In the coordinate plane, ℓ is the line ${equation(p)}. What are the coordinates of the mirror image of P in ℓ?`;
      correct = pair(P1);
      const [x, y] = p.P;
      wrong = [pair(vec(P1.y, P1.x)), pair(vec(-x, y)), pair(vec(x, -y)), pair(vec(-P1.x, -P1.y)), pair(vec(y, x)), pair(vec(P1.x + 1, P1.y)), pair(vec(P1.x, P1.y - 1))];
    } else {
      interactions.push({
        description: "Connect P' to Q; the segment crosses ℓ at the best point M",
        code: lines("// straight segment from the mirror image to Q", 'const { L1, L2, P, Q, P1 } = state;', 'vt.connect(P1, Q);', 'const M = vt.geo.intersect(P1, Q, L1, L2);', "vt.point(M.x, M.y, 'M', { labelOffset: { dx: 10, dy: -8 } });", "vt.polyline([P, M, Q], { color: '#2ca02c', width: 3 });"),
      });
      const best = dist(P1, Q);
      const M = intersect(P1, Q, L1, L2);
      steps.push(
        `For any point M on ℓ, PM = P'M, so PM + MQ = P'M + MQ ≥ P'Q, with equality where P'Q crosses ℓ (at ${pair(M)}).`,
        `P'Q = √(${value(Math.abs(Q.x - P1.x))}² + ${value(Math.abs(Q.y - P1.y))}²) = ${value(best)}.`,
      );
      question = `In the coordinate plane, ℓ is the line ${equation(p)}. A point M moves along ℓ. What is the smallest possible value of PM + MQ? Give it to two decimal places.`;
      correct = value(best);
      wrong = [...numericDistractors(best, { step: 1.2 }), value(dist(P, Q))];
    }
    const block = answerBlock(p, correct, wrong);
    const leaf = p.mirror === 'vertical' || p.mirror === 'horizontal' ? 'Reflection in a vertical or horizontal line' : 'Reflection in a line of slope 1 or -1';
    return {
      knowledge: [
        ['Analytic Geometry', 'Lines and Circles', 'Circle Equations', 'Reflection of a point in a line'],
        ['Analytic Geometry', 'Lines and Circles', 'Circle Equations', 'Reflection of a point in a line', leaf],
        ...(p.ext.length > 0
          ? [['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance between two points'], ['Analytic Geometry', 'Points and Distances', 'Distance and Midpoint', 'Distance between two points', 'Shortest broken path through a line in coordinates']]
          : []),
      ],
      tools: ['reflect point', 'reflect point across a coordinate line', ...(p.ext.length > 0 ? ['connect points', 'mark point'] : [])],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    const [x, y] = image(p, p.P);
    if (p.ext.length === 0) return `(${value(x)}, ${value(y)})`;
    return value(Math.hypot(p.Q[0] - x, p.Q[1] - y));
  },

  expand(p, mode) {
    return mode === 'sequential' && p.ext.length === 0 ? { ...p, ext: [mode] } : null;
  },
});
