import { describe, expect, it } from 'vitest';
import { changedPixels, decodePng, dHash, hammingDistance, inkStats, type RgbaImage } from '../../src/render/metrics.js';
import { expectOk, useRenderPool, type OkStep } from '../support/render-pool.js';

const env = useRenderPool();

const px = (img: RgbaImage, x: number, y: number) => {
  const o = (Math.round(y) * img.width + Math.round(x)) * 4;
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
};
const isWhite = (c: number[]) => c.every((v) => v >= 250);
const isDark = (c: number[]) => c.every((v) => v < 110);
const isReddish = (c: number[]) => c[0]! > 150 && c[1]! < 120 && c[2]! < 120;
const inkIn = (img: RgbaImage, x0: number, y0: number, w: number, h: number) => {
  let n = 0;
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (!isWhite(px(img, x, y))) n++;
  return n;
};

const figure = async (code: string, width = 400, height = 300) => expectOk(await env.pool.renderFigure({ code, width, height }), 'figure');
const interact = async (from: OkStep, code: string) => expectOk(await env.pool.applyInteraction({ image: from.png, code, state: from.state }), 'interaction');

describe('figures land where the code puts them', () => {
  it('draws a labelled point at its coordinates, with its label beside it, and records it', async () => {
    const r = await figure("vt.point(120, 80, 'P', { labelOffset: { dx: 24, dy: 0 } });");
    const img = decodePng(r.png);
    expect([r.width, r.height]).toEqual([400, 300]);
    expect(isDark(px(img, 120, 80))).toBe(true);
    expect(isWhite(px(img, 128, 80))).toBe(true);
    expect(inkIn(img, 136, 70, 18, 20)).toBeGreaterThan(10);
    expect(inkIn(img, 0, 0, 100, 300)).toBe(0);
    expect(r.elements).toEqual([{ type: 'point', name: 'P', points: [{ x: 120, y: 80 }] }]);
    const box = r.stats.inkBBox!;
    expect(box.x).toBe(116);
    expect(box.y).toBeLessThanOrEqual(76);
    expect(box.y + box.h).toBeGreaterThanOrEqual(84);
  });

  it('drops a perpendicular whose foot lies on the line, drawn in the auxiliary red', async () => {
    const fig = await figure("const A = vt.point(40, 260, 'A'), B = vt.point(360, 180, 'B'), C = vt.point(150, 40, 'C');\nvt.polygon([A, B, C]);\nvt.export({ A, B, C });");
    const step = await interact(fig, 'const F = vt.perpendicular(state.C, state.A, state.B);\nvt.export({ F });');
    const { A, B, C, F } = step.state as Record<string, { x: number; y: number }>;
    const cross = (B!.x - A!.x) * (F!.y - A!.y) - (B!.y - A!.y) * (F!.x - A!.x);
    const dot = (C!.x - F!.x) * (B!.x - A!.x) + (C!.y - F!.y) * (B!.y - A!.y);
    expect(Math.abs(cross)).toBeLessThan(1e-6);
    expect(Math.abs(dot)).toBeLessThan(1e-6);
    const img = decodePng(step.png);
    const samples = Array.from({ length: 21 }, (_, i) => px(img, C!.x + ((F!.x - C!.x) * (i + 2)) / 25, C!.y + ((F!.y - C!.y) * (i + 2)) / 25));
    expect(samples.filter(isReddish).length).toBeGreaterThan(8);
    expect(step.elements.map((e) => e.type)).toEqual(['segment', 'angle']);
    expect(step.stats.changedFraction).toBeGreaterThan(0);
    expect(step.stats.changedBBox!.y).toBeGreaterThanOrEqual(C!.y - 4);
  });

  it('rotates by 90° counter-clockwise exactly, in figure code, and moves the elements too', async () => {
    const square = "ctx.fillStyle = '#ff0000'; ctx.fillRect(10, 30, 10, 10); vt.point(50, 20, 'Q');";
    const upright = await figure(square, 200, 100);
    const turned = await figure(`${square}\nvt.rotate(90);`, 200, 100);
    expect([turned.width, turned.height]).toEqual([100, 200]);
    const img = decodePng(turned.png);
    // Pixel (x, y) goes to (y, W - 1 - x).
    expect(isReddish(px(img, 35, 200 - 1 - 15))).toBe(true);
    expect(isWhite(px(img, 15, 35))).toBe(true);
    expect(turned.elements.find((e) => e.name === 'Q')!.points[0]).toEqual({ x: 20, y: 150 });
    const back = await interact(turned, 'vt.rotate(270);');
    expect([back.width, back.height]).toEqual([200, 100]);
    expect(changedPixels(upright.png, back.png).fraction).toBe(0);
    expect(back.stats.changedFraction).toBe(1);
  });

  it('crops, zooms and flips the current image', async () => {
    const fig = await figure("ctx.fillStyle = '#ff0000'; ctx.fillRect(60, 50, 4, 4); vt.point(200, 150, 'M');", 300, 200);
    const cropped = await interact(fig, 'vt.crop(50, 40, 100, 80);');
    expect([cropped.width, cropped.height]).toEqual([100, 80]);
    expect(isReddish(px(decodePng(cropped.png), 11, 11))).toBe(true);
    const zoomed = await interact(fig, 'vt.zoom(50, 40, 100, 80, 2);');
    expect([zoomed.width, zoomed.height]).toEqual([200, 160]);
    expect(isReddish(px(decodePng(zoomed.png), 23, 23))).toBe(true);
    const flipped = await interact(fig, "vt.flip('horizontal');");
    expect(isReddish(px(decodePng(flipped.png), 300 - 1 - 61, 51))).toBe(true);
    const arbitrary = await interact(fig, 'vt.rotate(30);');
    expect([arbitrary.width, arbitrary.height]).toEqual([300, 200]);
  });

  it('draws bars at the heights chart.bars reports, with no value labels unless asked', async () => {
    const r = await figure(
      "const chart = vt.barChart({ x: 10, y: 10, w: 380, h: 280, labels: ['a', 'b', 'c'], values: [10, 20, 30], max: 40 });\nvt.export({ bars: chart.bars, y0: chart.yToPx(0), y40: chart.yToPx(40) });",
    );
    const img = decodePng(r.png);
    const { bars, y0, y40 } = r.state as { bars: { x: number; y: number; w: number; h: number }[]; y0: number; y40: number };
    bars.forEach((b, i) => {
      expect(b.h).toBeCloseTo(((y0 - y40) * (i + 1) * 10) / 40, 6);
      expect(px(img, b.x + b.w / 2, b.y + 3)).toEqual([76, 120, 168]);
      expect(isWhite(px(img, b.x + b.w / 2, b.y - 3))).toBe(true);
    });
    expect(r.elements.filter((e) => e.type === 'box').map((e) => e.name)).toEqual(['a', 'b', 'c']);
  });

  it('plots functions on axes through the points the axes map', async () => {
    const r = await figure('const ax = vt.axes({ x: 20, y: 20, w: 360, h: 260, xMin: -3, xMax: 3, yMin: -2, yMax: 4 });\nax.plot((x) => x, { color: "#0000ff", width: 3 });\nvt.export({ p: ax.toPx(2, 2), o: ax.toPx(0, 0) });');
    const img = decodePng(r.png);
    const { p, o } = r.state as Record<string, { x: number; y: number }>;
    expect(px(img, p!.x, p!.y)[2]).toBeGreaterThan(200);
    expect(px(img, p!.x, p!.y)[0]).toBeLessThan(80);
    expect(isDark(px(img, o!.x + 30, o!.y))).toBe(true);
  });

  it('rasterises an SVG string the code returns', async () => {
    const r = await figure('return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect x="100" y="100" width="50" height="50" fill="#00ff00"/></svg>`;');
    const img = decodePng(r.png);
    expect(px(img, 125, 125)).toEqual([0, 255, 0]);
    expect(isWhite(px(img, 50, 50))).toBe(true);
  });
});

describe('state and elements', () => {
  it('carries exported state through chained interactions, each starting from the previous image', async () => {
    const fig = await figure("const A = vt.point(50, 50, 'A'); vt.export({ A, note: 'start', list: [1, 2] });");
    const one = await interact(fig, "const B = vt.point(state.A.x + 100, state.A.y, 'B'); vt.segment(state.A, B); vt.export({ B });");
    const two = await interact(one, "vt.export({ seen: [state.A.name, state.B.name, state.note, state.list.length] }); vt.circle(state.B, 20);");
    expect(two.state).toEqual({ A: { x: 50, y: 50, name: 'A' }, note: 'start', list: [1, 2], B: { x: 150, y: 50, name: 'B' }, seen: ['A', 'B', 'start', 2] });
    expect(isDark(px(decodePng(two.png), 100, 50))).toBe(true);
    expect(two.elements).toEqual([{ type: 'circle', name: 'B', points: [{ x: 150, y: 50 }], radius: 20 }]);
  });

  it('records the library elements with their names and pixel coordinates', async () => {
    const r = await figure(
      "const A = vt.point(50, 250, 'A'), B = vt.point(350, 250, 'B'), C = vt.point(200, 50, 'C');\nvt.segment(A, B); vt.circle(C, 30); vt.angleMark(B, A, C, { label: 'α' }); vt.text(10, 20, 'title'); vt.rightAngle(A, B, C);",
    );
    expect(r.elements).toContainEqual({ type: 'segment', name: 'AB', points: [{ x: 50, y: 250 }, { x: 350, y: 250 }] });
    expect(r.elements).toContainEqual({ type: 'circle', name: 'C', points: [{ x: 200, y: 50 }], radius: 30 });
    expect(r.elements).toContainEqual({ type: 'text', text: 'title', points: [{ x: 10, y: 20 }] });
    expect(r.elements.find((e) => e.type === 'angle' && e.text === 'α')).toMatchObject({ name: 'BAC', radius: 24 });
  });

  it('computes the same stats in the page as the Node metrics do on the PNG', async () => {
    const fig = await figure("vt.polygon([{ x: 20, y: 20 }, { x: 380, y: 40 }, { x: 200, y: 280 }], { fill: 'rgba(255,0,0,0.4)' }); vt.text(30, 290, 'stats');");
    expect(inkStats(fig.png)).toEqual(fig.stats);
    const step = await interact(fig, "vt.highlight(100, 100, 80, 60); ctx.clearRect(0, 0, 10, 10);");
    const changed = changedPixels(fig.png, step.png);
    expect(step.stats.changedFraction).toBe(changed.fraction);
    expect(step.stats.changedBBox).toEqual(changed.bbox);
    expect(step.stats.inkFraction).toBe(inkStats(step.png).inkFraction);
  });

  it('renders deterministically, so the perceptual hash finds duplicates and tells figures apart', async () => {
    const code = "vt.circle({ x: 200, y: 150 }, 90); vt.point(200, 150, 'O'); vt.segment({ x: 200, y: 150 }, { x: 290, y: 150 });";
    const a = await figure(code), b = await figure(code);
    const near = await figure(`${code} vt.point(380, 290, '');`);
    const other = await figure("vt.polygon([{ x: 20, y: 280 }, { x: 380, y: 280 }, { x: 200, y: 20 }], { fill: '#333' });");
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
    expect(hammingDistance(dHash(a.png), dHash(near.png))).toBeLessThanOrEqual(2);
    expect(hammingDistance(dHash(a.png), dHash(other.png))).toBeGreaterThan(10);
  });
});
