import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors } from '../../format.js';
import type { Rng } from '../../rng.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const PATHS = ['Graph Theory and Logic Puzzles', 'Graphs', 'Paths in Graphs'];
const SHORTEST = [...PATHS, 'Weighted shortest path'];
const BY_LABELS = [...SHORTEST, 'Shortest path by labelling vertices with distances'];
const DETOUR = [...SHORTEST, 'Shortest path after an edge is removed'];

const ROUTE_COLORS = ['#ff7f0e', '#2ca02c', '#9467bd'];

type Edge = [number, number, number];
type Params = {
  seed: number;
  /** Vertex positions in pixels, named A, B, C, ... in order; the route runs from the first to the last. */
  points: [number, number][];
  edges: Edge[];
  /** Edges closed by sequential expansions, in order. */
  closed: number[];
  choice: boolean;
};

const name = (i: number) => String.fromCharCode(65 + i);

/** Dijkstra over the open edges; returns the distance, the route, and whether the shortest route is unique. */
function dijkstra(p: Params, closed: readonly number[]): { dist: number; route: number[]; unique: boolean } | null {
  const n = p.points.length;
  const dist = Array<number>(n).fill(Infinity);
  const ways = Array<number>(n).fill(0);
  const prev = Array<number>(n).fill(-1);
  const done = Array<boolean>(n).fill(false);
  dist[0] = 0;
  ways[0] = 1;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i]! < Infinity && (u < 0 || dist[i]! < dist[u]!)) u = i;
    if (u < 0) break;
    done[u] = true;
    p.edges.forEach(([a, b, w], e) => {
      if (closed.includes(e) || (a !== u && b !== u)) return;
      const v = a === u ? b : a;
      if (dist[u]! + w < dist[v]!) {
        dist[v] = dist[u]! + w;
        ways[v] = ways[u]!;
        prev[v] = u;
      } else if (dist[u]! + w === dist[v]!) ways[v]! += ways[u]!;
    });
  }
  if (dist[n - 1] === Infinity) return null;
  const route = [n - 1];
  while (route[0] !== 0) route.unshift(prev[route[0]!]!);
  return { dist: dist[n - 1]!, route, unique: ways[n - 1] === 1 };
}

const edgeOf = (p: Params, a: number, b: number) => p.edges.findIndex(([u, v]) => (u === a && v === b) || (u === b && v === a));

/** The single heaviest edge of a route, or -1 on a tie. */
function heaviest(p: Params, route: readonly number[]): number {
  const es = route.slice(1).map((v, i) => edgeOf(p, route[i]!, v));
  const top = Math.max(...es.map((e) => p.edges[e]![2]));
  const at = es.filter((e) => p.edges[e]![2] === top);
  return at.length === 1 ? at[0]! : -1;
}

function makeGraph(rng: Rng, columns: number[], maxW: number): Pick<Params, 'points' | 'edges'> {
  const points: [number, number][] = [];
  const ids: number[][] = [];
  columns.forEach((size, c) => {
    ids.push([]);
    for (let i = 0; i < size; i++) {
      const y = 280 + (i - (size - 1) / 2) * (size === 3 ? 135 : 150) + rng.int(-12, 12);
      ids[c]!.push(points.length);
      points.push([Math.round(60 + (c * 392) / (columns.length - 1) + (size > 1 ? rng.int(-12, 12) : 0)), Math.round(y)]);
    }
  });
  const edges: Edge[] = [];
  const w = () => rng.int(1, maxW);
  ids.forEach((col, c) => {
    for (let i = 0; i + 1 < col.length; i++) if (rng.chance(0.6)) edges.push([col[i]!, col[i + 1]!, w()]);
    const next = ids[c + 1];
    if (!next) return;
    // A zipper between neighbouring columns: its edges never cross.
    let [a, b] = [0, 0];
    edges.push([col[0]!, next[0]!, w()]);
    while (a < col.length - 1 || b < next.length - 1) {
      if (a === col.length - 1) b++;
      else if (b === next.length - 1) a++;
      else {
        const r = rng.int(0, 2);
        if (r !== 1) a++;
        if (r !== 0) b++;
      }
      edges.push([col[a]!, next[b]!, w()]);
    }
  });
  return { points, edges };
}

export const weightedShortestPath = defineBlueprint<Params>({
  id: 'weighted-shortest-path',
  title: 'Weighted shortest path found by highlighting it',
  domain: 'Graph Theory and Logic Puzzles',
  knowledge: [SHORTEST],
  related: [BY_LABELS, DETOUR],
  tools: ['trace path', 'mark point'],
  newTools: ['highlight shortest route', 'cross out a closed edge'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    const columns = difficulty === 'easy' ? [1, 2, 2, 1] : difficulty === 'medium' ? [1, 2, 3, 1] : [1, 3, 3, 2, 1];
    const maxW = difficulty === 'easy' ? 9 : difficulty === 'medium' ? 12 : 15;
    for (;;) {
      const p: Params = { seed: instanceSeed(rng), ...makeGraph(rng, columns, maxW), closed: [], choice: difficulty !== 'easy' };
      const best = dijkstra(p, []);
      if (best?.unique && best.route.length > 2) return p;
    }
  },

  build(p) {
    const n = p.points.length;
    const target = name(n - 1);
    const figureCode = lines(
      `const V = ${JSON.stringify(Object.fromEntries(p.points.map(([x, y], i) => [name(i), { x, y }])))};`,
      `const roads = ${JSON.stringify(p.edges.map(([a, b, w]) => [name(a), name(b), w]))};`,
      'for (const [a, b, w] of roads) {',
      '  const [P, Q] = [V[a], V[b]];',
      '  vt.segment(P, Q, { color: \'#444\', width: 2 });',
      '  const len = Math.hypot(Q.x - P.x, Q.y - P.y);',
      "  vt.text((P.x + Q.x) / 2 - (12 * (Q.y - P.y)) / len, (P.y + Q.y) / 2 + (12 * (Q.x - P.x)) / len + 5, String(w), { align: 'center', size: 15, color: '#1f3a93' });",
      '}',
      "for (const [n, P] of Object.entries(V)) { vt.circle(P, 14, { fill: '#fff', width: 2 }); vt.text(P.x, P.y + 6, n, { align: 'center', size: 16 }); }",
      'vt.export({ V });',
    );
    // Each road of the route is highlighted between the town circles, so the names stay readable.
    const highlight = (route: number[], k: number) =>
      lines(
        `const route = ${JSON.stringify(route.map(name))}.map((n) => state.V[n]);`,
        'for (let i = 1; i < route.length; i++) {',
        '  const [P, Q] = [route[i - 1], route[i]], d = vt.geo.distance(P, Q);',
        `  vt.segment(vt.geo.along(P, Q, 16 / d), vt.geo.along(P, Q, 1 - 16 / d), { color: '${ROUTE_COLORS[k]}', width: 8, opacity: 0.55 });`,
        '}',
      );
    const first = dijkstra(p, [])!;
    const interactions = [
      {
        description: `Highlight the shortest route from A to ${target}: ${first.route.map(name).join('-')}`,
        code: highlight(first.route, 0),
      },
    ];
    const describe = (r: { route: number[]; dist: number }) =>
      `${r.route.map(name).join('-')} of length ${r.route
        .slice(1)
        .map((v, i) => p.edges[edgeOf(p, r.route[i]!, v)]![2])
        .join(' + ')} = ${r.dist}`;
    const steps = [`Comparing the routes from A to ${target}, the shortest one is highlighted: ${describe(first)}.`];
    let last = first;
    p.closed.forEach((e, k) => {
      const [a, b, w] = p.edges[e]!;
      const next = dijkstra(p, p.closed.slice(0, k + 1))!;
      interactions.push({
        description: `Cross out the closed road ${name(a)}${name(b)} (the longest on the highlighted route) and highlight the new shortest route ${next.route.map(name).join('-')}`,
        code: lines(
          `const M = vt.geo.along(state.V['${name(a)}'], state.V['${name(b)}'], 0.3);`,
          "vt.segment({ x: M.x - 10, y: M.y - 10 }, { x: M.x + 10, y: M.y + 10 }, { color: '#d62728', width: 4 });",
          "vt.segment({ x: M.x - 10, y: M.y + 10 }, { x: M.x + 10, y: M.y - 10 }, { color: '#d62728', width: 4 });",
          highlight(next.route, k + 1),
        ),
      });
      steps.push(`The longest road on the highlighted route ${last.route.map(name).join('-')} is ${name(a)}${name(b)} (${w}); crossing it out, the new shortest route is ${describe(next)}.`);
      last = next;
    });
    const value = last.dist;
    const answer = p.choice ? multipleChoice(num(value), [...numericDistractors(value, { step: 2 }), num(first.dist)], p.seed, 'dist') : fillIn(num(value));
    const closures = [
      '',
      ` Suppose the longest road on that shortest route is closed.`,
      ` Suppose the longest road on that shortest route is closed, and then the longest road on the new shortest route is closed too.`,
    ][p.closed.length]!;
    return {
      knowledge: [SHORTEST, p.closed.length ? DETOUR : BY_LABELS],
      tools: ['trace path', 'highlight shortest route', ...(p.closed.length ? ['cross out a closed edge'] : [])],
      ...answer,
      figureCode,
      question: `In the road map, the numbers are the lengths of the roads in km. Consider the shortest route from A to ${target}.${closures} What is the length${p.closed.length ? ' of the shortest route from A to ' + target + ' then' : ' of the shortest route'}, in km?`,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    // Exhaustive search over simple paths; closures are recomputed from the routes it finds.
    const n = p.points.length;
    const best = (closed: number[]): { len: number; route: number[] } | null => {
      let out: { len: number; route: number[] } | null = null;
      const walk = (v: number, seen: number[], len: number) => {
        if (v === n - 1) {
          if (!out || len < out.len) out = { len, route: seen };
          return;
        }
        p.edges.forEach(([a, b, w], e) => {
          const u = a === v ? b : b === v ? a : -1;
          if (u >= 0 && !closed.includes(e) && !seen.includes(u)) walk(u, [...seen, u], len + w);
        });
      };
      walk(0, [0], 0);
      return out;
    };
    const closed: number[] = [];
    let cur = best(closed)!;
    for (let k = 0; k < p.closed.length; k++) {
      const legs = cur.route.slice(1).map((v, i) => p.edges.findIndex(([a, b]) => (a === v && b === cur.route[i]) || (b === v && a === cur.route[i])));
      closed.push(legs.reduce((m, e) => (p.edges[e]![2] > p.edges[m]![2] ? e : m)));
      cur = best(closed)!;
    }
    return num(cur.len);
  },

  expand(p, mode) {
    if (mode !== 'sequential' || p.closed.length >= 2) return null;
    const cur = dijkstra(p, p.closed)!;
    const e = heaviest(p, cur.route);
    if (e < 0) return null;
    const next = dijkstra(p, [...p.closed, e]);
    return next?.unique ? { ...p, closed: [...p.closed, e] } : null;
  },
});
