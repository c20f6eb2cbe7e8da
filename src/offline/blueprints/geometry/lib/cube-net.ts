/** Cube nets as cells (column, row) on a square grid. */
export type Cell = [number, number];

/** Every 1-4-1 net, the 2-3-1 net with two straight runs of three, and the 3-3 net: nets with at least two in-line opposite pairs. */
export const CUBE_NETS: Cell[][] = [
  ...[0, 1, 2, 3].flatMap((top) =>
    [0, 1, 2, 3].map((bottom): Cell[] => [[top, 0], [0, 1], [1, 1], [2, 1], [3, 1], [bottom, 2]]),
  ),
  [[0, 0], [1, 0], [1, 1], [2, 1], [3, 1], [1, 2]],
  [[0, 0], [1, 0], [2, 0], [2, 1], [3, 1], [4, 1]],
];

const key = (c: Cell) => `${c[0]},${c[1]}`;

/**
 * Folds a net by rolling a cube over it: each cell receives the cube face that lands on it. Faces are
 * numbered so that 0/1, 2/3 and 4/5 are opposite; returns the face index of every cell.
 */
export function foldNet(cells: readonly Cell[]): number[] {
  // position -> face: down, up, north, south, east, west
  type Pose = [number, number, number, number, number, number];
  const roll = (p: Pose, dx: number, dy: number): Pose => {
    const [d, u, n, s, e, w] = p;
    if (dx === 1) return [e, w, n, s, u, d];
    if (dx === -1) return [w, e, n, s, d, u];
    if (dy === 1) return [s, n, d, u, e, w];
    return [n, s, u, d, e, w];
  };
  const index = new Map(cells.map((c, i) => [key(c), i]));
  const faces = new Array<number>(cells.length).fill(-1);
  const queue: [number, Pose][] = [[0, [0, 1, 2, 3, 4, 5]]];
  faces[0] = 0;
  while (queue.length > 0) {
    const [i, pose] = queue.shift()!;
    const [x, y] = cells[i]!;
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
      const j = index.get(key([x + dx, y + dy]));
      if (j === undefined || faces[j]! >= 0) continue;
      const next = roll(pose, dx, dy);
      faces[j] = next[0];
      queue.push([j, next]);
    }
  }
  return faces;
}

/** Pairs of cells two apart in a straight run of three: those fold onto opposite faces. */
export function inLinePairs(cells: readonly Cell[]): [number, number][] {
  const index = new Map(cells.map((c, i) => [key(c), i]));
  const out: [number, number][] = [];
  cells.forEach(([x, y], i) => {
    for (const [dx, dy] of [[1, 0], [0, 1]] as const) {
      const middle = index.get(key([x + dx, y + dy]));
      const far = index.get(key([x + 2 * dx, y + 2 * dy]));
      if (middle !== undefined && far !== undefined) out.push([i, far]);
    }
  });
  return out;
}
