import { PNG } from 'pngjs';
import { pixelStats } from './browser/stats.js';
import type { BBox, ImageStats } from './types.js';

/**
 * Image metrics in plain TypeScript (no browser): decoding, ink and change statistics (the same
 * function the sandbox runs on canvas pixels, so both agree), near-uniform detection, and a 64-bit
 * difference hash for near-duplicate detection.
 */
export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  data: Uint8Array;
}

export type ImageInput = Uint8Array | RgbaImage;

export function decodePng(png: Uint8Array): RgbaImage {
  const img = PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  return { width: img.width, height: img.height, data: new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength) };
}

const asImage = (img: ImageInput): RgbaImage => (img instanceof Uint8Array ? decodePng(img) : img);

/** Share of non-white pixels and their bounding box (pixels composited over white, as in the sandbox). */
export function inkStats(img: ImageInput): ImageStats {
  const { width, height, data } = asImage(img);
  const { inkFraction, inkBBox } = pixelStats(data, width, height);
  return { inkFraction, inkBBox };
}

/** Share and bounding box of pixels that differ between two images (1 and the full box when sizes differ). */
export function changedPixels(a: ImageInput, b: ImageInput): { fraction: number; bbox: BBox | null } {
  const x = asImage(a), y = asImage(b);
  if (x.width !== y.width || x.height !== y.height) return { fraction: 1, bbox: { x: 0, y: 0, w: y.width, h: y.height } };
  const s = pixelStats(y.data, y.width, y.height, x.data);
  return { fraction: s.changedFraction ?? 0, bbox: s.changedBBox ?? null };
}

/**
 * True when the image is (nearly) one flat colour: at most `maxOddShare` of its pixels differ by more
 * than `tolerance` levels from the most common colour. Catches blank canvases and figures that are a
 * fill plus a few stray pixels.
 */
export function isNearUniform(img: ImageInput, opts: { tolerance?: number; maxOddShare?: number } = {}): boolean {
  const { width, height, data } = asImage(img);
  const tolerance = opts.tolerance ?? 8, maxOddShare = opts.maxOddShare ?? 0.001;
  const n = width * height;
  if (n === 0) return true;
  const counts = new Map<number, number>();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const step = Math.max(1, Math.floor(n / 4096));
  for (let i = 0; i < n; i += step) {
    const v = view.getUint32(i * 4);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let mode = 0, best = -1;
  for (const [v, c] of counts) if (c > best) [mode, best] = [v, c];
  const m = [(mode >>> 24) & 255, (mode >>> 16) & 255, (mode >>> 8) & 255, mode & 255];
  let odd = 0;
  const limit = maxOddShare * n;
  for (let i = 0, o = 0; i < n; i++, o += 4) {
    if (Math.abs(data[o]! - m[0]!) > tolerance || Math.abs(data[o + 1]! - m[1]!) > tolerance || Math.abs(data[o + 2]! - m[2]!) > tolerance || Math.abs(data[o + 3]! - m[3]!) > tolerance) {
      if (++odd > limit) return false;
    }
  }
  return true;
}

/**
 * 64-bit difference hash (dHash) as 16 hex digits: the image, composited over white and reduced to a
 * 9×8 grey grid by area averaging, gives one bit per horizontally adjacent pair (left brighter than
 * right). Near-identical images have hashes a few bits apart.
 */
export function dHash(img: ImageInput): string {
  const { width, height, data } = asImage(img);
  const grey = new Float64Array(9 * 8);
  for (let gy = 0; gy < 8; gy++) {
    const y0 = Math.floor((gy * height) / 8), y1 = Math.max(y0 + 1, Math.floor(((gy + 1) * height) / 8));
    for (let gx = 0; gx < 9; gx++) {
      const x0 = Math.floor((gx * width) / 9), x1 = Math.max(x0 + 1, Math.floor(((gx + 1) * width) / 9));
      let sum = 0, count = 0;
      for (let y = y0; y < y1 && y < height; y++) {
        for (let x = x0; x < x1 && x < width; x++) {
          const o = (y * width + x) * 4, a = data[o + 3]! / 255;
          const lum = 0.299 * data[o]! + 0.587 * data[o + 1]! + 0.114 * data[o + 2]!;
          sum += 255 - (255 - lum) * a;
          count++;
        }
      }
      grey[gy * 9 + gx] = count ? sum / count : 255;
    }
  }
  let hex = '';
  for (let gy = 0; gy < 8; gy++) {
    let byte = 0;
    for (let gx = 0; gx < 8; gx++) byte = (byte << 1) | (grey[gy * 9 + gx]! > grey[gy * 9 + gx + 1]! ? 1 : 0);
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** Number of differing bits between two hashes from `dHash`. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length || !/^[0-9a-f]*$/i.test(a + b)) throw new Error(`hammingDistance: expected two hashes of equal length, got "${a}" and "${b}"`);
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16);
    for (; x; x &= x - 1) d++;
  }
  return d;
}
