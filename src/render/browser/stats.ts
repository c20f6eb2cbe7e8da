/**
 * Pixel statistics of an RGBA image, shared by the sandbox (on canvas pixels) and by Node (on decoded
 * PNGs) so both agree exactly. Pixels are compared after compositing over white; a channel counts as
 * different when it moves by more than `tolerance` levels. Serialised with `toString()` into the sandbox
 * worker: self-contained.
 */
export interface BoxStat {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PixelStats {
  inkFraction: number;
  inkBBox: BoxStat | null;
  /** Every pixel has the same RGBA value. */
  uniform: boolean;
  /** No pixel is even partly transparent. */
  opaque: boolean;
  changedFraction?: number;
  changedBBox?: BoxStat | null;
}

export function pixelStats(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, before?: Uint8Array | Uint8ClampedArray | null, tolerance = 2): PixelStats {
  const n = width * height;
  // Int32 views keep every pixel a small integer for the JIT (opaque white is -1).
  const words = (a: Uint8Array | Uint8ClampedArray) =>
    a.byteOffset % 4 === 0 ? new Int32Array(a.buffer, a.byteOffset, n) : new Int32Array(new Uint8Array(a.subarray(0, n * 4)).buffer);
  const px = words(rgba);
  const WHITE = -1;
  // How far a channel is from white after compositing over white.
  const ink = (c: number, a: number) => ((255 - c) * a) / 255;
  let inked = 0;
  let opaque = true;
  let ix0 = width, iy0 = height, ix1 = -1, iy1 = -1;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      if (px[i] === WHITE) continue;
      const o = i * 4, a = rgba[o + 3]!;
      if (a !== 255) opaque = false;
      if (ink(rgba[o]!, a) > tolerance || ink(rgba[o + 1]!, a) > tolerance || ink(rgba[o + 2]!, a) > tolerance) {
        inked++;
        if (x < ix0) ix0 = x;
        if (x > ix1) ix1 = x;
        if (y < iy0) iy0 = y;
        if (y > iy1) iy1 = y;
      }
    }
  }
  // Only an image that is all ink (or all white) can be one flat colour, so this rarely runs.
  let uniform = inked === 0 || inked === n;
  for (let i = 1; uniform && i < n; i++) if (px[i] !== px[0]) uniform = false;
  const out: PixelStats = {
    inkFraction: n ? inked / n : 0,
    inkBBox: inked ? { x: ix0, y: iy0, w: ix1 - ix0 + 1, h: iy1 - iy0 + 1 } : null,
    uniform,
    opaque,
  };
  if (before) {
    const prev = words(before);
    const over = (c: number, a: number) => 255 - ink(c, a);
    let changed = 0;
    let cx0 = width, cy0 = height, cx1 = -1, cy1 = -1;
    for (let y = 0, i = 0; y < height; y++) {
      for (let x = 0; x < width; x++, i++) {
        if (prev[i] === px[i]) continue;
        const o = i * 4, a = rgba[o + 3]!, b = before[o + 3]!;
        if (
          Math.abs(over(rgba[o]!, a) - over(before[o]!, b)) > tolerance ||
          Math.abs(over(rgba[o + 1]!, a) - over(before[o + 1]!, b)) > tolerance ||
          Math.abs(over(rgba[o + 2]!, a) - over(before[o + 2]!, b)) > tolerance
        ) {
          changed++;
          if (x < cx0) cx0 = x;
          if (x > cx1) cx1 = x;
          if (y < cy0) cy0 = y;
          if (y > cy1) cy1 = y;
        }
      }
    }
    out.changedFraction = n ? changed / n : 0;
    out.changedBBox = changed ? { x: cx0, y: cy0, w: cx1 - cx0 + 1, h: cy1 - cy0 + 1 } : null;
  }
  return out;
}
