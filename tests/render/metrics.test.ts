import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { changedPixels, decodePng, dHash, hammingDistance, inkStats, isNearUniform, type RgbaImage } from '../../src/render/metrics.js';

function image(width: number, height: number, paint: (x: number, y: number) => [number, number, number, number] = () => [255, 255, 255, 255]): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 4);
  return { width, height, data };
}
function encode(img: RgbaImage): Uint8Array {
  const png = new PNG({ width: img.width, height: img.height });
  png.data = Buffer.from(img.data);
  return PNG.sync.write(png);
}

describe('image metrics', () => {
  it('decodes PNGs and measures ink over white, ignoring transparent pixels', () => {
    const img = image(20, 10, (x, y) => (x >= 4 && x < 8 && y >= 2 && y < 5 ? [0, 0, 0, 255] : x === 19 ? [0, 0, 0, 0] : [255, 255, 255, 255]));
    const decoded = decodePng(encode(img));
    expect([decoded.width, decoded.height]).toEqual([20, 10]);
    expect(inkStats(encode(img))).toEqual({ inkFraction: 12 / 200, inkBBox: { x: 4, y: 2, w: 4, h: 3 } });
    expect(inkStats(image(5, 5))).toEqual({ inkFraction: 0, inkBBox: null });
  });

  it('finds the share and box of changed pixels, and calls a size change a full change', () => {
    const a = image(10, 10);
    const b = image(10, 10, (x, y) => (x === 2 && y === 7 ? [255, 0, 0, 255] : x === 9 && y === 1 ? [254, 254, 254, 255] : [255, 255, 255, 255]));
    expect(changedPixels(a, b)).toEqual({ fraction: 0.01, bbox: { x: 2, y: 7, w: 1, h: 1 } });
    expect(changedPixels(a, image(10, 12))).toEqual({ fraction: 1, bbox: { x: 0, y: 0, w: 10, h: 12 } });
  });

  it('detects blank and near-uniform images', () => {
    expect(isNearUniform(image(50, 50))).toBe(true);
    expect(isNearUniform(image(50, 50, () => [40, 60, 80, 255]))).toBe(true);
    expect(isNearUniform(image(100, 100, (x, y) => (x === 3 && y === 3 ? [0, 0, 0, 255] : [255, 255, 255, 255])))).toBe(true);
    expect(isNearUniform(image(100, 100, (x) => (x < 50 ? [0, 0, 0, 255] : [255, 255, 255, 255])))).toBe(false);
  });

  it('hashes near-duplicates close together and different images far apart', () => {
    const base = image(64, 64, (x, y) => ((x - 32) ** 2 + (y - 32) ** 2 < 400 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const nudged = image(64, 64, (x, y) => ((x - 32) ** 2 + (y - 32) ** 2 < 400 || (x === 60 && y === 60) ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const stripes = image(64, 64, (x) => (Math.floor(x / 4) % 2 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    expect(dHash(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(dHash(encode(base))).toBe(dHash(base));
    expect(hammingDistance(dHash(base), dHash(nudged))).toBeLessThanOrEqual(1);
    expect(hammingDistance(dHash(base), dHash(stripes))).toBeGreaterThan(10);
    expect(() => hammingDistance('ab', 'abc')).toThrow(/equal length/);
  });
});
