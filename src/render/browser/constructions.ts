import type { Kit } from './kit.js';
import type { Draw } from './draw.js';
import type { Pt } from './geo.js';

/**
 * Auxiliary constructions of `vt` (drawn in the `vt.aux` style unless a style is given). Serialised with
 * `toString()` into the sandbox worker: self-contained, no imports at run time.
 */
export function createConstructions(k: Kit, draw: Draw) {
  const { geo, AUX } = k;
  const dist = (a: Pt, b: Pt) => Math.hypot(a.x - b.x, a.y - b.y);
  const plain = (p: Pt): Pt => ({ x: p.x, y: p.y });

  return {
    perpendicular(P: unknown, A: unknown, B: unknown, style?: unknown): Pt {
      const p = k.pt(P, 'vt.perpendicular: P'), a = k.pt(A, 'vt.perpendicular: A'), b = k.pt(B, 'vt.perpendicular: B');
      if (dist(a, b) < 1e-9) throw new RangeError('vt.perpendicular: A and B must be different points');
      const f = geo.foot(p, a, b);
      const s = k.style(style, 'vt.perpendicular', AUX);
      // When the foot falls outside segment AB, extend AB to it so the right angle is visible.
      const t = ((f.x - a.x) * (b.x - a.x) + (f.y - a.y) * (b.y - a.y)) / dist(a, b) ** 2;
      if (t < 0) k.stroke([a, f], s);
      if (t > 1) k.stroke([b, f], s);
      if (dist(p, f) > 1e-9) {
        draw.segment(p, f, style, AUX);
        const other = dist(a, f) > 1 ? a : b;
        draw.rightAngle(p, f, other, style, { ...AUX, dash: false });
      }
      return plain(f);
    },
    parallel(P: unknown, A: unknown, B: unknown, style?: unknown) {
      const p = k.pt(P, 'vt.parallel: P'), a = k.pt(A, 'vt.parallel: A'), b = k.pt(B, 'vt.parallel: B');
      return draw.line(p, geo.parallelPoint(p, a, b), style, AUX, 'vt.parallel');
    },
    bisector(A: unknown, V: unknown, B: unknown, style?: unknown): Pt {
      const a = k.pt(A, 'vt.bisector: A'), v = k.pt(V, 'vt.bisector: V'), b = k.pt(B, 'vt.bisector: B');
      const s = k.style(style, 'vt.bisector', AUX);
      const q = geo.bisector(a, v, b);
      const d = { x: q.x - v.x, y: q.y - v.y };
      let end: Pt | null = null;
      const until = s.raw.until;
      if (until !== undefined) {
        if (!Array.isArray(until) || until.length !== 2) throw new TypeError('vt.bisector: style.until must be a segment [C, D]');
        const c = k.pt(until[0], 'vt.bisector: style.until[0]'), e = k.pt(until[1], 'vt.bisector: style.until[1]');
        end = geo.intersect(v, q, c, e);
        if (!end) throw new RangeError('vt.bisector: the bisector is parallel to style.until');
      } else {
        const c = k.clip(v, d, true);
        end = c ? c[1] : q;
      }
      k.stroke([v, end], s);
      k.record({ type: 'ray', ...(s.name ? { name: s.name } : {}), points: [plain(v), plain(end)] });
      return plain(end);
    },
    midpoint(A: unknown, B: unknown, name?: unknown, style?: unknown): Pt {
      const a = k.pt(A, 'vt.midpoint: A'), b = k.pt(B, 'vt.midpoint: B');
      if (typeof name === 'object' && name !== null) [name, style] = [undefined, name];
      const m = geo.midpoint(a, b);
      return draw.point(m.x, m.y, name, { color: AUX.color, ...((style as object | undefined) ?? {}) });
    },
    connect(A: unknown, B: unknown, style?: unknown) {
      k.pt(A, 'vt.connect: A');
      k.pt(B, 'vt.connect: B');
      return draw.segment(A, B, style, AUX);
    },
    extend(A: unknown, B: unknown, length: unknown, style?: unknown): Pt {
      const a = k.pt(A, 'vt.extend: A'), b = k.pt(B, 'vt.extend: B');
      const len = k.num(length, 'vt.extend: length');
      const l = dist(a, b);
      if (l < 1e-9) throw new RangeError('vt.extend: A and B must be different points');
      const e = { x: b.x + ((b.x - a.x) / l) * len, y: b.y + ((b.y - a.y) / l) * len };
      draw.segment(b, e, style, AUX);
      return e;
    },
    reflect(P: unknown, A: unknown, B: unknown, name?: unknown, style?: unknown): Pt {
      const p = k.pt(P, 'vt.reflect: P'), a = k.pt(A, 'vt.reflect: A'), b = k.pt(B, 'vt.reflect: B');
      if (typeof name === 'object' && name !== null) [name, style] = [undefined, name];
      const r = geo.reflect(p, a, b);
      draw.segment(p, r, style, { ...AUX, dash: [6, 4] });
      return draw.point(r.x, r.y, name, { color: AUX.color, ...((style as object | undefined) ?? {}) });
    },
    tangent(P: unknown, C: unknown, r: unknown, style?: unknown): Pt[] {
      const p = k.pt(P, 'vt.tangent: P'), c = k.pt(C, 'vt.tangent: C');
      const rr = k.num(r, 'vt.tangent: r');
      const ts = geo.tangentPoints(p, c, rr);
      if (ts.length === 0) throw new RangeError('vt.tangent: P lies inside the circle, so there is no tangent from it');
      for (const t of ts) if (dist(p, t) > 1e-9) draw.segment(p, t, style, AUX);
      return ts.map(plain);
    },
    circleThrough(A: unknown, B: unknown, C: unknown, style?: unknown) {
      const a = k.pt(A, 'vt.circleThrough: A'), b = k.pt(B, 'vt.circleThrough: B'), c = k.pt(C, 'vt.circleThrough: C');
      const cc = geo.circumcircle(a, b, c);
      if (!cc) throw new RangeError('vt.circleThrough: the three points are collinear');
      return draw.circle(cc.center, cc.r, style, AUX, 'vt.circleThrough');
    },
    symmetryAxis(A: unknown, B: unknown, style?: unknown) {
      return draw.line(A, B, style, { ...AUX, dash: [10, 4, 2, 4] }, 'vt.symmetryAxis');
    },
    highlight(x: unknown, y: unknown, w: unknown, h: unknown, style?: unknown): void {
      const bx = k.num(x, 'vt.highlight: x'), by = k.num(y, 'vt.highlight: y'), bw = k.num(w, 'vt.highlight: w'), bh = k.num(h, 'vt.highlight: h');
      const s = k.style(style, 'vt.highlight', { color: '#ff7f0e', width: 3, fill: 'rgba(255,215,0,0.25)' });
      const box = [
        { x: bx, y: by },
        { x: bx + bw, y: by },
        { x: bx + bw, y: by + bh },
        { x: bx, y: by + bh },
      ];
      k.stroke(box, s, true);
      k.record({ type: 'box', ...(s.name ? { name: s.name } : {}), points: [box[0]!, box[2]!] });
    },
  };
}
