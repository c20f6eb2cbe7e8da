import { type Vec, vec } from './vec.js';

/** A coordinate plane drawn with `vt.axes` in a fixed box: integer ticks, grid lines on every unit. */
export interface Plane {
  box: { x: number; y: number; w: number; h: number };
  min: number;
  max: number;
}

export function planeScale(pl: Plane): number {
  return pl.box.w / (pl.max - pl.min);
}

/** Where a math point lands on the canvas, as `ax.toPx` computes it. */
export function planeToPx(pl: Plane, p: Vec): Vec {
  const s = planeScale(pl);
  return vec(pl.box.x + (p.x - pl.min) * s, pl.box.y + pl.box.h - (p.y - pl.min) * s);
}

/** Figure code that draws the grid and the axes and binds `ax`. */
export function planeCode(pl: Plane): string {
  const { x, y, w, h } = pl.box;
  return [
    `vt.grid({ x: ${x}, y: ${y}, w: ${w}, h: ${h}, step: ${planeScale(pl)} }, { color: '#dddddd', width: 1 });`,
    `const ax = vt.axes({ x: ${x}, y: ${y}, w: ${w}, h: ${h}, xMin: ${pl.min}, xMax: ${pl.max}, yMin: ${pl.min}, yMax: ${pl.max}, xStep: 1, yStep: 1 });`,
  ].join('\n');
}
