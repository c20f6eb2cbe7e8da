import type { Kit } from './kit.js';
import type { Pt } from './geo.js';

/**
 * Image operations of `vt`: they replace the whole canvas (crop, zoom, rotate, flip) and move the
 * recorded elements with the pixels. Serialised with `toString()` into the sandbox worker:
 * self-contained, no imports at run time.
 */
export function createImageOps(k: Kit) {
  const { canvas, ctx } = k;

  /** Redraws the current image onto a fresh w×h white canvas through `paint`, mapping elements with `map`. */
  const replace = (where: string, w: number, h: number, smooth: boolean, paint: (img: ImageBitmap) => void, map: (p: Pt) => Pt, scale: number) => {
    k.checkSize(w, h, where);
    const img = canvas.transferToImageBitmap();
    canvas.width = w;
    canvas.height = h;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    ctx.imageSmoothingEnabled = smooth;
    ctx.imageSmoothingQuality = 'high';
    paint(img);
    ctx.restore();
    img.close();
    k.applyBaseState();
    for (const e of k.elements) {
      e.points = e.points.map((p) => {
        const q = map(p);
        return { x: q.x, y: q.y };
      });
      if (e.radius !== undefined) e.radius *= scale;
    }
  };
  const size = (v: unknown, where: string) => {
    const n = Math.round(k.num(v, where));
    if (n < 1) throw new RangeError(`${where} must be at least 1 px, got ${String(v)}`);
    return n;
  };

  return {
    crop(x: unknown, y: unknown, w: unknown, h: unknown): void {
      const x0 = Math.round(k.num(x, 'vt.crop: x')), y0 = Math.round(k.num(y, 'vt.crop: y'));
      const cw = size(w, 'vt.crop: w'), ch = size(h, 'vt.crop: h');
      replace('vt.crop', cw, ch, false, (img) => ctx.drawImage(img, -x0, -y0), (p) => ({ x: p.x - x0, y: p.y - y0 }), 1);
    },
    zoom(x: unknown, y: unknown, w: unknown, h: unknown, factor: unknown): void {
      const x0 = k.num(x, 'vt.zoom: x'), y0 = k.num(y, 'vt.zoom: y');
      const sw = k.num(w, 'vt.zoom: w'), sh = k.num(h, 'vt.zoom: h'), f = k.num(factor, 'vt.zoom: factor');
      if (sw <= 0 || sh <= 0 || f <= 0) throw new RangeError('vt.zoom: w, h and factor must be positive');
      const zw = size(sw * f, 'vt.zoom: w × factor'), zh = size(sh * f, 'vt.zoom: h × factor');
      replace(
        'vt.zoom',
        zw,
        zh,
        true,
        (img) => ctx.drawImage(img, x0, y0, sw, sh, 0, 0, zw, zh),
        (p) => ({ x: ((p.x - x0) * zw) / sw, y: ((p.y - y0) * zh) / sh }),
        f,
      );
    },
    rotate(deg: unknown): void {
      const n = ((k.num(deg, 'vt.rotate: deg') % 360) + 360) % 360;
      const W = canvas.width, H = canvas.height;
      if (n === 0) return;
      // Quarter turns are exact pixel permutations (the screen-counter-clockwise convention of vt).
      if (n === 90) return replace('vt.rotate', H, W, false, (img) => (ctx.setTransform(0, -1, 1, 0, 0, W), ctx.drawImage(img, 0, 0)), (p) => ({ x: p.y, y: W - p.x }), 1);
      if (n === 180) return replace('vt.rotate', W, H, false, (img) => (ctx.setTransform(-1, 0, 0, -1, W, H), ctx.drawImage(img, 0, 0)), (p) => ({ x: W - p.x, y: H - p.y }), 1);
      if (n === 270) return replace('vt.rotate', H, W, false, (img) => (ctx.setTransform(0, 1, -1, 0, H, 0), ctx.drawImage(img, 0, 0)), (p) => ({ x: H - p.y, y: p.x }), 1);
      const c = { x: W / 2, y: H / 2 };
      replace(
        'vt.rotate',
        W,
        H,
        true,
        (img) => {
          ctx.translate(c.x, c.y);
          ctx.rotate((-n * Math.PI) / 180);
          ctx.drawImage(img, -c.x, -c.y);
        },
        (p) => k.geo.rotate(p, c, n),
        1,
      );
    },
    flip(direction: unknown): void {
      const d = String(direction).toLowerCase();
      const W = canvas.width, H = canvas.height;
      if (d === 'horizontal' || d === 'h') {
        replace('vt.flip', W, H, false, (img) => (ctx.setTransform(-1, 0, 0, 1, W, 0), ctx.drawImage(img, 0, 0)), (p) => ({ x: W - p.x, y: p.y }), 1);
      } else if (d === 'vertical' || d === 'v') {
        replace('vt.flip', W, H, false, (img) => (ctx.setTransform(1, 0, 0, -1, 0, H), ctx.drawImage(img, 0, 0)), (p) => ({ x: p.x, y: H - p.y }), 1);
      } else throw new TypeError(`vt.flip: direction must be 'horizontal' or 'vertical', got ${k.describe(direction)}`);
    },
  };
}
