import { defineBlueprint } from '../../blueprint.js';
import { num, numericDistractors } from '../../format.js';
import type { Rng } from '../../rng.js';
import { answerLine, fillIn, instanceSeed, lines, multipleChoice, numbered } from './lib/draft.js';

const MAZES = ['Graph Theory and Logic Puzzles', 'Logic Puzzles', 'Mazes and Grids', 'Maze shortest route'];
const TRACE = [...MAZES, 'Tracing the unique route of a perfect maze'];
const DETOUR = [...MAZES, 'Detour to a side branch and back'];

type Params = {
  seed: number;
  size: number;
  /** Open passages between neighbouring cells, as pairs of cell indices (row * size + col). */
  passages: [number, number][];
  key: number;
  /** Sequential expansion: the key must be picked up on the way. */
  viaKey: boolean;
  choice: boolean;
};

function neighbours(p: Params): number[][] {
  const adj: number[][] = Array.from({ length: p.size * p.size }, () => []);
  for (const [a, b] of p.passages) {
    adj[a]!.push(b);
    adj[b]!.push(a);
  }
  return adj;
}

/** Breadth-first search from one or more cells: distances and parents. */
function bfs(p: Params, ...from: number[]): { dist: number[]; parent: number[] } {
  const adj = neighbours(p);
  const dist = Array<number>(adj.length).fill(-1);
  const parent = Array<number>(adj.length).fill(-1);
  for (const f of from) dist[f] = 0;
  const queue = [...from];
  for (let i = 0; i < queue.length; i++) {
    for (const v of adj[queue[i]!]!) {
      if (dist[v]! >= 0) continue;
      dist[v] = dist[queue[i]!]! + 1;
      parent[v] = queue[i]!;
      queue.push(v);
    }
  }
  return { dist, parent };
}

function route(p: Params, from: number, to: number): number[] {
  const { parent } = bfs(p, from);
  const out = [to];
  while (out[0] !== from) out.unshift(parent[out[0]!]!);
  return out;
}

/** Recursive backtracker: a random spanning tree of the grid, i.e. a maze with exactly one route between any two cells. */
function carve(rng: Rng, size: number): [number, number][] {
  const seen = new Set([0]);
  const stack = [0];
  const out: [number, number][] = [];
  while (stack.length) {
    const c = stack.at(-1)!;
    const [r, k] = [Math.floor(c / size), c % size];
    const options = [
      [r - 1, k],
      [r + 1, k],
      [r, k - 1],
      [r, k + 1],
    ]
      .filter(([a, b]) => a! >= 0 && a! < size && b! >= 0 && b! < size && !seen.has(a! * size + b!))
      .map(([a, b]) => a! * size + b!);
    if (!options.length) {
      stack.pop();
      continue;
    }
    const n = rng.pick(options);
    seen.add(n);
    out.push([c, n]);
    stack.push(n);
  }
  return out;
}

/** Wall segments in cell units [c1, r1, c2, r2], merged into runs; S opens on the left of the top-left cell and E on the right of the bottom-right cell. */
function walls(p: Params): number[][] {
  const open = new Set(p.passages.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
  const isOpen = (a: number, b: number) => open.has(`${Math.min(a, b)}-${Math.max(a, b)}`);
  const n = p.size;
  const out: number[][] = [];
  for (let r = 0; r <= n; r++) {
    let start = -1;
    for (let c = 0; c <= n; c++) {
      const wall = c < n && (r === 0 || r === n || !isOpen((r - 1) * n + c, r * n + c));
      if (wall && start < 0) start = c;
      if (!wall && start >= 0) {
        out.push([start, r, c, r]);
        start = -1;
      }
    }
  }
  for (let c = 0; c <= n; c++) {
    let start = -1;
    for (let r = 0; r <= n; r++) {
      const gap = (c === 0 && r === 0) || (c === n && r === n - 1);
      const wall = r < n && !gap && (c === 0 || c === n || !isOpen(r * n + c - 1, r * n + c));
      if (wall && start < 0) start = r;
      if (!wall && start >= 0) {
        out.push([c, start, c, r]);
        start = -1;
      }
    }
  }
  return out;
}

export const mazeShortestRoute = defineBlueprint<Params>({
  id: 'maze-shortest-route',
  title: 'Shortest route through a maze by tracing it',
  domain: 'Graph Theory and Logic Puzzles',
  knowledge: [MAZES],
  related: [TRACE, DETOUR],
  tools: ['trace path'],
  newTools: ['trace a maze route through cell centres', 'trace a side branch'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    const size = difficulty === 'easy' ? 5 : difficulty === 'medium' ? 6 : 8;
    for (;;) {
      const p: Params = { seed: instanceSeed(rng), size, passages: carve(rng, size), key: 0, viaKey: false, choice: difficulty === 'hard' };
      // The key sits on a side branch at least two moves away from the route.
      const { dist } = bfs(p, ...route(p, 0, size * size - 1));
      const keys = dist.map((_, c) => c).filter((c) => dist[c]! >= 2);
      if (keys.length) return { ...p, key: rng.pick(keys) };
    }
  },

  build(p) {
    const n = p.size;
    const cell = Math.floor(400 / n);
    const origin = { x: 256 - (cell * n) / 2, y: 280 - (cell * n) / 2 };
    const E = n * n - 1;
    const figureCode = lines(
      `const M = { x: ${origin.x}, y: ${origin.y}, cell: ${cell}, size: ${n} };`,
      'const P = (c, r) => ({ x: M.x + c * M.cell, y: M.y + r * M.cell });',
      'const mid = (i) => P((i % M.size) + 0.5, Math.floor(i / M.size) + 0.5);',
      `const walls = ${JSON.stringify(walls(p))};`,
      'for (const [c1, r1, c2, r2] of walls) vt.segment(P(c1, r1), P(c2, r2), { width: 3 });',
      "vt.text(mid(0).x, mid(0).y + 6, 'S', { align: 'center', size: 18, color: '#1f77b4' });",
      `vt.text(mid(${E}).x, mid(${E}).y + 6, 'E', { align: 'center', size: 18, color: '#2ca02c' });`,
      `const K = mid(${p.key});`,
      `vt.circle(K, ${Math.round(cell / 4)}, { fill: '#f2c14e', color: '#8c6d1f' });`,
      "vt.text(K.x, K.y + 5, 'K', { align: 'center', size: 14 });",
      `vt.text(256, ${Math.round(origin.y - 20)}, 'S: start   E: exit   K: key', { align: 'center', size: 15 });`,
      'vt.export({ M });',
    );
    const main = route(p, 0, E);
    const centres = (cells: number[], style: string) =>
      lines(
        'const mid = (i) => ({ x: state.M.x + ((i % state.M.size) + 0.5) * state.M.cell, y: state.M.y + (Math.floor(i / state.M.size) + 0.5) * state.M.cell });',
        `vt.polyline(${JSON.stringify(cells)}.map(mid), ${style});`,
      );
    const interactions = [{ description: 'Trace the route from S to E through the centres of the cells', code: centres(main, "{ color: '#d62728', width: 4 }") }];
    const moves = main.length - 1;
    const steps = [`The traced route from S to E is the only route without dead ends; it passes through ${main.length} cells, i.e. ${moves} moves.`];
    let value = moves;
    if (p.viaKey) {
      const onMain = new Set(main);
      const back = route(p, p.key, 0);
      const j = back.findIndex((c) => onMain.has(c));
      const branch = back.slice(0, j + 1).reverse();
      const extra = branch.length - 1;
      interactions.push({ description: 'Trace the side branch from the red route to the key K', code: centres(branch, "{ color: '#1f77b4', width: 4, dash: [8, 5] }") });
      value = moves + 2 * extra;
      steps.push(`The key K lies on a side branch that leaves the traced route; the traced branch is ${extra} moves long and must be walked there and back.`);
      steps.push(`Total: ${moves} + 2 × ${extra} = ${value} moves.`);
    }
    const answer = p.choice ? multipleChoice(num(value), [...numericDistractors(value, { step: 2 }), num(value + 1)], p.seed, 'moves') : fillIn(num(value));
    return {
      knowledge: [MAZES, p.viaKey ? DETOUR : TRACE],
      tools: ['trace path', 'trace a maze route through cell centres', ...(p.viaKey ? ['trace a side branch'] : [])],
      ...answer,
      figureCode,
      question: `In the maze, a move goes from a square to a neighbouring square not separated by a wall. What is the least number of moves to go from S to E${p.viaKey ? ', picking up the key K on the way' : ''}?`,
      solution: numbered([...steps, answerLine(answer)]),
      interactions,
    };
  },

  solve(p) {
    // Relax every passage until no distance improves (Bellman-Ford), from S and from the key.
    const n = p.size * p.size;
    const from = (s: number) => {
      const d = Array<number>(n).fill(Infinity);
      d[s] = 0;
      for (let changed = true; changed; ) {
        changed = false;
        for (const [a, b] of p.passages) {
          if (d[a]! + 1 < d[b]!) [d[b], changed] = [d[a]! + 1, true];
          if (d[b]! + 1 < d[a]!) [d[a], changed] = [d[b]! + 1, true];
        }
      }
      return d;
    };
    const dS = from(0);
    if (!p.viaKey) return num(dS[n - 1]!);
    const dK = from(p.key);
    return num(dS[p.key]! + dK[n - 1]!);
  },

  expand(p, mode) {
    return mode === 'sequential' && !p.viaKey ? { ...p, viaKey: true } : null;
  },
});
