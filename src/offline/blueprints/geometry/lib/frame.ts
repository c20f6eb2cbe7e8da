import { type Vec, vec } from './vec.js';

/** Maps y-up model coordinates onto the canvas (y-down pixels), uniformly scaled and centred in a box. */
export interface Frame {
  toPx(p: Vec): Vec;
  /** Pixels per model unit. */
  scale: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function fitFrame(points: readonly Vec[], box: Box): Frame {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(box.w / Math.max(x1 - x0, 1e-9), box.h / Math.max(y1 - y0, 1e-9));
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const mx = (x0 + x1) / 2;
  const my = (y0 + y1) / 2;
  return { scale, toPx: (p) => vec(cx + (p.x - mx) * scale, cy - (p.y - my) * scale) };
}
