/** A coordinate window for `vt.axes`. */
export interface Window {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  xStep: number;
  yStep: number;
  /** Axis names (the library writes "x" and "y" by default). */
  xLabel?: string;
  yLabel?: string;
}

/** The plot box every axes-based applied figure uses: square, with room for tick labels. */
const BOX = { x: 60, y: 44, w: 396, h: 410 };

/**
 * Figure-code lines drawing the axes; `O` and `U` are the pixels of (0, 0) and (1, 1), exported so that
 * interactions can place math coordinates exactly (see `TO_PX`).
 */
export function axesCode(w: Window): string {
  return [
    `const ax = vt.axes({ x: ${BOX.x}, y: ${BOX.y}, w: ${BOX.w}, h: ${BOX.h}, xMin: ${w.xMin}, xMax: ${w.xMax}, yMin: ${w.yMin}, yMax: ${w.yMax}, xStep: ${w.xStep}, yStep: ${w.yStep}${
      w.xLabel ? `, xLabel: ${JSON.stringify(w.xLabel)}, yLabel: ${JSON.stringify(w.yLabel)}` : ''
    } });`,
    'const O = ax.toPx(0, 0), U = ax.toPx(1, 1);',
  ].join('\n');
}

/** Interaction-code line: math coordinates to pixels, from the `O` and `U` the figure exported. */
export const TO_PX = 'const toPx = (X, Y) => ({ x: state.O.x + X * (state.U.x - state.O.x), y: state.O.y + Y * (state.U.y - state.O.y) });';
