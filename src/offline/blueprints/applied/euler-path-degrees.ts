import { defineBlueprint } from '../../blueprint.js';
import { createRng, type Rng } from '../../rng.js';
import { answerLine, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const EULER = ['Graph Theory and Logic Puzzles', 'Graphs', 'Paths in Graphs', 'Euler path'];
const DEGREE = ['Graph Theory and Logic Puzzles', 'Graphs', 'Graph Properties', 'Vertex degree'];
const ENDPOINTS = [...EULER, 'Odd vertices are the ends of an Euler path'];
const DEGREE_LABELS = [...DEGREE, 'Labelling each vertex with its degree'];

type Pt = [number, number];
type Params = {
  seed: number;
  points: Pt[];
  edges: [number, number][];
};

const name = (i: number) => String.fromCharCode(65 + i);

function cross(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const o = (p: Pt, q: Pt, r: Pt) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}

function nearSegment(p: Pt, a: Pt, b: Pt): boolean {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy) < 26;
}

function degrees(p: Params): number[] {
  const d = p.points.map(() => 0);
  for (const [a, b] of p.edges) {
    d[a]!++;
    d[b]!++;
  }
  return d;
}

function connected(p: Params): boolean {
  const seen = new Set([0]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [a, b] of p.edges)
      if (seen.has(a) !== seen.has(b)) {
        seen.add(a);
        seen.add(b);
        grew = true;
      }
  }
  return seen.size === p.points.length;
}

function makeGraph(rng: Rng, n: number, extra: number): Params {
  for (;;) {
    const points = Array.from({ length: n }, (_, i): Pt => {
      const t = ((i + rng.float(-0.2, 0.2)) / n) * 2 * Math.PI;
      const r = rng.int(130, 180);
      return [Math.round(256 + r * Math.cos(t)), Math.round(275 + r * Math.sin(t))];
    });
    const edges: [number, number][] = [];
    const pairs = rng.shuffle(Array.from({ length: n * n }, (_, k): [number, number] => [Math.floor(k / n), k % n]).filter(([a, b]) => a < b));
    for (const [a, b] of pairs) {
      if (edges.length >= n + extra) break;
      const clash = edges.some(([c, d]) => cross(points[a]!, points[b]!, points[c]!, points[d]!)) || points.some((q, i) => i !== a && i !== b && nearSegment(q, points[a]!, points[b]!));
      if (!clash) edges.push([a, b]);
    }
    const p = { seed: 0, points, edges };
    if (edges.length === n + extra && connected(p) && degrees(p).filter((d) => d % 2).length === 2) return p;
  }
}

export const eulerPathDegrees = defineBlueprint<Params>({
  id: 'euler-path-degrees',
  title: 'Ends of an Euler path found by labelling vertex degrees',
  domain: 'Graph Theory and Logic Puzzles',
  knowledge: [EULER, DEGREE],
  related: [ENDPOINTS, DEGREE_LABELS],
  tools: ['add label'],
  newTools: ['write the degree at each vertex'],
  expansions: [],

  params(rng, difficulty) {
    const n = difficulty === 'easy' ? 5 : difficulty === 'medium' ? 6 : 7;
    return { ...makeGraph(rng, n, difficulty === 'easy' ? 2 : 3), seed: instanceSeed(rng) };
  },

  build(p) {
    const deg = degrees(p);
    const odd = deg.map((d, i) => (d % 2 ? i : -1)).filter((i) => i >= 0);
    const pair = (a: number, b: number) => `${name(Math.min(a, b))} and ${name(Math.max(a, b))}`;
    const figureCode = lines(
      `const V = ${JSON.stringify(Object.fromEntries(p.points.map(([x, y], i) => [name(i), { x, y }])))};`,
      `const roads = ${JSON.stringify(p.edges.map(([a, b]) => name(a) + name(b)))};`,
      "for (const r of roads) vt.segment(V[r[0]], V[r[1]], { color: '#444', width: 3 });",
      "for (const [n, P] of Object.entries(V)) { vt.circle(P, 14, { fill: '#fff', width: 2 }); vt.text(P.x, P.y + 6, n, { align: 'center', size: 16 }); }",
      'vt.export({ V, C: { x: 256, y: 275 } });',
    );
    const interactions = [
      {
        description: 'Write the degree (number of roads) next to every town',
        code: lines(
          `const degree = ${JSON.stringify(Object.fromEntries(deg.map((d, i) => [name(i), d])))};`,
          'for (const [n, P] of Object.entries(state.V)) {',
          '  const len = Math.hypot(P.x - state.C.x, P.y - state.C.y) || 1;',
          "  vt.text(P.x + (30 * (P.x - state.C.x)) / len, P.y + (30 * (P.y - state.C.y)) / len + 6, String(degree[n]), { color: degree[n] % 2 ? '#d62728' : '#2ca02c', align: 'center', size: 17 });",
          '}',
        ),
      },
    ];
    const correct = pair(odd[0]!, odd[1]!);
    const others: string[] = [];
    for (let a = 0; a < p.points.length; a++) for (let b = a + 1; b < p.points.length; b++) if (pair(a, b) !== correct) others.push(pair(a, b));
    const byDegree = [...deg.keys()].sort((a, b) => deg[b]! - deg[a]!);
    const pool = [...new Set([pair(byDegree[0]!, byDegree[1]!), ...createRng(`${p.seed}/pairs`).shuffle(others)])].filter((x) => x !== correct);
    const answer = multipleChoice(correct, pool.slice(0, 3), p.seed, 'ends');
    return {
      knowledge: [EULER, DEGREE, ENDPOINTS, DEGREE_LABELS],
      tools: ['add label', 'write the degree at each vertex'],
      ...answer,
      figureCode,
      question: 'The map shows towns and the roads between them. An inspector wants to drive along every road exactly once, without driving any road twice. At which two towns must the trip start and end?',
      solution: numbered([
        `Writing the degree next to every town gives ${deg.map((d, i) => `${name(i)}: ${d}`).join(', ')}.`,
        `A route using every road once enters and leaves each town it passes through, so only its two ends can have an odd degree.`,
        `The towns with odd degree are ${correct}, so the trip must start at one of them and end at the other.`,
        answerLine(answer),
      ]),
      interactions,
    };
  },

  solve(p) {
    // Find an actual Euler trail by backtracking and report its ends.
    const used = p.edges.map(() => false);
    const trail = (v: number, left: number): number | null => {
      if (left === 0) return v;
      for (let e = 0; e < p.edges.length; e++) {
        const [a, b] = p.edges[e]!;
        if (used[e] || (a !== v && b !== v)) continue;
        used[e] = true;
        const end = trail(a === v ? b : a, left - 1);
        used[e] = false;
        if (end !== null) return end;
      }
      return null;
    };
    for (let s = 0; s < p.points.length; s++) {
      const end = trail(s, p.edges.length);
      if (end !== null && end !== s) return `${name(Math.min(s, end))} and ${name(Math.max(s, end))}`;
    }
    return 'none';
  },
});
