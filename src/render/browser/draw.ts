import type { Kit } from './kit.js';
import type { Pt } from './geo.js';

/**
 * The drawing calls of `vt` (points, lines, circles, marks, text, shading). Serialised with `toString()`
 * into the sandbox worker: self-contained, no imports at run time.
 */
export function createDraw(k: Kit) {
  const { geo } = k;
  const rad = (deg: number) => (deg * Math.PI) / 180;
  /** Screen angle (ccw, degrees) → canvas angle (cw, radians). */
  const canvasAngle = (deg: number) => -rad(deg);
  const unit = (a: Pt, b: Pt) => {
    const dx = b.x - a.x, dy = b.y - a.y, l = Math.hypot(dx, dy);
    return l < 1e-12 ? null : { x: dx / l, y: dy / l };
  };
  const named = (p: Pt, name?: string): Pt => (name ? { x: p.x, y: p.y, name } : { x: p.x, y: p.y });

  const draw = {
    point(x: unknown, y?: unknown, name?: unknown, style?: unknown): Pt {
      let p: Pt;
      let nameArg: unknown = name, styleArg: unknown = style;
      if (typeof x === 'object' && x !== null) {
        // vt.point(P, name?, style?)
        p = k.pt(x, 'vt.point: P');
        [nameArg, styleArg] = [y === undefined ? p.name : y, name];
      } else p = { x: k.num(x, 'vt.point: x'), y: k.num(y, 'vt.point: y') };
      if (typeof nameArg === 'object' && nameArg !== null) [nameArg, styleArg] = [undefined, nameArg];
      const s = k.style(styleArg, 'vt.point');
      const nm = k.str(nameArg);
      k.dot(p, s);
      const shown = s.label ?? nm;
      if (shown) k.labelNear(p, shown, s);
      k.record({ type: 'point', ...(nm ? { name: nm } : {}), points: [{ x: p.x, y: p.y }] });
      return named(p, nm || undefined);
    },
    label(P: unknown, text: unknown, style?: unknown): void {
      const p = k.pt(P, 'vt.label: P');
      const s = k.style(style, 'vt.label');
      const t = k.str(text);
      const at = k.labelNear(p, t, s);
      k.record({ type: 'text', text: t, points: [{ x: at.x, y: at.y }] });
    },
    text(x: unknown, y: unknown, text: unknown, style?: unknown): void {
      const px = k.num(x, 'vt.text: x'), py = k.num(y, 'vt.text: y');
      const s = k.style(style, 'vt.text');
      const t = k.str(text);
      k.text(px, py, t, s, s.align, 'alphabetic');
      k.record({ type: 'text', text: t, points: [{ x: px, y: py }] });
    },
    segment(A: unknown, B: unknown, style?: unknown, base?: Record<string, unknown>) {
      const a = k.pt(A, 'vt.segment: A'), b = k.pt(B, 'vt.segment: B');
      const s = k.style(style, 'vt.segment', base);
      k.stroke([a, b], s);
      const name = s.name ?? k.namesOf([a, b]);
      k.record({ type: 'segment', ...(name ? { name } : {}), points: [{ x: a.x, y: a.y }, { x: b.x, y: b.y }] });
      return { a, b };
    },
    ray(A: unknown, B: unknown, style?: unknown) {
      const a = k.pt(A, 'vt.ray: A'), b = k.pt(B, 'vt.ray: B');
      const d = unit(a, b);
      if (!d) throw new RangeError('vt.ray: A and B must be different points');
      const s = k.style(style, 'vt.ray');
      const c = k.clip(a, d, true);
      const end = c ? c[1] : b;
      k.stroke([a, end], s);
      const name = s.name ?? k.namesOf([a, b]);
      k.record({ type: 'ray', ...(name ? { name } : {}), points: [{ x: a.x, y: a.y }, { x: end.x, y: end.y }] });
      return { a, b: end };
    },
    line(A: unknown, B: unknown, style?: unknown, base?: Record<string, unknown>, where = 'vt.line') {
      const a = k.pt(A, `${where}: A`), b = k.pt(B, `${where}: B`);
      const d = unit(a, b);
      if (!d) throw new RangeError(`${where}: A and B must be different points`);
      const s = k.style(style, where, base);
      const c = k.clip(a, d, false) ?? [a, b];
      k.stroke(c, s);
      const name = s.name ?? k.namesOf([a, b]);
      k.record({ type: 'line', ...(name ? { name } : {}), points: c.map((p) => ({ x: p.x, y: p.y })) });
      return { a: c[0], b: c[1] };
    },
    arrow(A: unknown, B: unknown, style?: unknown) {
      const a = k.pt(A, 'vt.arrow: A'), b = k.pt(B, 'vt.arrow: B');
      const s = k.style(style, 'vt.arrow');
      k.arrow(a, b, s);
      const name = s.name ?? k.namesOf([a, b]);
      k.record({ type: 'segment', ...(name ? { name } : {}), points: [{ x: a.x, y: a.y }, { x: b.x, y: b.y }] });
      return { a, b };
    },
    polyline(points: unknown, style?: unknown): void {
      const ps = k.pts(points, 'vt.polyline: points', 2);
      k.stroke(ps, k.style(style, 'vt.polyline'));
    },
    polygon(points: unknown, style?: unknown): void {
      const ps = k.pts(points, 'vt.polygon: points', 3);
      const s = k.style(style, 'vt.polygon');
      k.stroke(ps, s, true);
      const name = s.name ?? k.namesOf(ps);
      k.record({ type: 'polygon', ...(name ? { name } : {}), points: ps.map((p) => ({ x: p.x, y: p.y })) });
    },
    circle(C: unknown, r: unknown, style?: unknown, base?: Record<string, unknown>, where = 'vt.circle') {
      const c = k.pt(C, `${where}: C`);
      const rr = k.num(r, `${where}: r`);
      if (rr < 0) throw new RangeError(`${where}: r must not be negative, got ${rr}`);
      const s = k.style(style, where, base);
      const ctx = k.ctx;
      ctx.save();
      ctx.globalAlpha = s.opacity;
      ctx.lineWidth = s.width;
      ctx.strokeStyle = s.color;
      ctx.setLineDash(s.dash);
      ctx.beginPath();
      ctx.arc(c.x, c.y, rr, 0, Math.PI * 2);
      if (s.fill) {
        ctx.fillStyle = s.fill;
        ctx.fill();
      }
      if (s.width > 0) ctx.stroke();
      ctx.restore();
      const name = s.name ?? c.name;
      k.record({ type: 'circle', ...(name ? { name } : {}), points: [{ x: c.x, y: c.y }], radius: rr });
      return { center: c, r: rr };
    },
    arc(C: unknown, r: unknown, fromDeg: unknown, toDeg: unknown, style?: unknown): void {
      const c = k.pt(C, 'vt.arc: C');
      const rr = k.num(r, 'vt.arc: r');
      const a0 = k.num(fromDeg, 'vt.arc: fromDeg'), a1 = k.num(toDeg, 'vt.arc: toDeg');
      const s = k.style(style, 'vt.arc');
      const ctx = k.ctx;
      ctx.save();
      ctx.globalAlpha = s.opacity;
      ctx.lineWidth = s.width;
      ctx.strokeStyle = s.color;
      ctx.setLineDash(s.dash);
      ctx.beginPath();
      ctx.arc(c.x, c.y, rr, canvasAngle(a0), canvasAngle(a1), true);
      ctx.stroke();
      ctx.restore();
      const at = (deg: number) => ({ x: c.x + rr * Math.cos(rad(deg)), y: c.y - rr * Math.sin(rad(deg)) });
      k.record({ type: 'arc', ...(s.name ? { name: s.name } : {}), points: [{ x: c.x, y: c.y }, at(a0), at(a1)], radius: rr });
    },
    angleMark(A: unknown, V: unknown, B: unknown, style?: unknown): number {
      const a = k.pt(A, 'vt.angleMark: A'), v = k.pt(V, 'vt.angleMark: V'), b = k.pt(B, 'vt.angleMark: B');
      const s = k.style(style, 'vt.angleMark');
      const deg = geo.angle(a, v, b);
      const da = geo.direction(v, a), db = geo.direction(v, b);
      // Sweep counter-clockwise through the interior (≤ 180°) angle.
      let from = da, to = db;
      if ((((db - da) % 360) + 360) % 360 > 180) [from, to] = [db, da];
      const r = s.radius ?? 24;
      const arcs = typeof s.raw.arcs === 'number' ? Math.max(1, Math.min(4, Math.floor(s.raw.arcs))) : 1;
      const ctx = k.ctx;
      ctx.save();
      ctx.globalAlpha = s.opacity;
      ctx.lineWidth = s.width === 2 ? 1.5 : s.width;
      ctx.strokeStyle = s.color;
      ctx.setLineDash(s.dash);
      if (s.fill) {
        ctx.beginPath();
        ctx.moveTo(v.x, v.y);
        ctx.arc(v.x, v.y, r, canvasAngle(from), canvasAngle(to), true);
        ctx.closePath();
        ctx.fillStyle = s.fill;
        ctx.fill();
      }
      for (let i = 0; i < arcs; i++) {
        ctx.beginPath();
        ctx.arc(v.x, v.y, r + i * 4, canvasAngle(from), canvasAngle(to), true);
        ctx.stroke();
      }
      ctx.restore();
      if (s.label) {
        const mid = rad((from + ((((to - from) % 360) + 360) % 360) / 2));
        const dir = { x: Math.cos(mid), y: -Math.sin(mid) };
        k.labelNear({ x: v.x + dir.x * (r + (arcs - 1) * 4), y: v.y + dir.y * (r + (arcs - 1) * 4) }, s.label, { ...s, radius: 0, labelOffset: undefined }, dir, 4);
      }
      const name = s.name ?? k.namesOf([a, v, b]);
      k.record({
        type: 'angle',
        ...(name ? { name } : {}),
        points: [a, v, b].map((p) => ({ x: p.x, y: p.y })),
        radius: r,
        ...(s.label ? { text: s.label } : {}),
      });
      return deg;
    },
    rightAngle(A: unknown, V: unknown, B: unknown, style?: unknown, base?: Record<string, unknown>): void {
      const a = k.pt(A, 'vt.rightAngle: A'), v = k.pt(V, 'vt.rightAngle: V'), b = k.pt(B, 'vt.rightAngle: B');
      const s = k.style(style, 'vt.rightAngle', base);
      const u = unit(v, a), w = unit(v, b);
      if (!u || !w) throw new RangeError('vt.rightAngle: A and B must differ from the vertex V');
      const n = s.radius ?? 12;
      const p1 = { x: v.x + u.x * n, y: v.y + u.y * n }, p3 = { x: v.x + w.x * n, y: v.y + w.y * n };
      const p2 = { x: p1.x + w.x * n, y: p1.y + w.y * n };
      k.stroke([p1, p2, p3], { ...s, width: s.width === 2 ? 1.5 : s.width, dash: [] });
      const name = s.name ?? k.namesOf([a, v, b]);
      k.record({ type: 'angle', ...(name ? { name } : {}), points: [a, v, b].map((p) => ({ x: p.x, y: p.y })), radius: n, text: '90°' });
    },
    shade(points: unknown, style?: unknown): void {
      const ps = k.pts(points, 'vt.shade: points', 3);
      const s = k.style(style, 'vt.shade');
      k.fill(ps, s.fill ?? (style && (style as { color?: unknown }).color ? s.color : 'rgba(31,119,180,0.3)'), s);
      const name = s.name ?? k.namesOf(ps);
      k.record({ type: 'region', ...(name ? { name } : {}), points: ps.map((p) => ({ x: p.x, y: p.y })) });
    },
    grid(box: unknown, style?: unknown): void {
      const b = (box ?? {}) as { x?: unknown; y?: unknown; w?: unknown; h?: unknown; step?: unknown };
      const x = b.x === undefined ? 0 : k.num(b.x, 'vt.grid: x'), y = b.y === undefined ? 0 : k.num(b.y, 'vt.grid: y');
      const w = b.w === undefined ? k.W() - x : k.num(b.w, 'vt.grid: w'), h = b.h === undefined ? k.H() - y : k.num(b.h, 'vt.grid: h');
      const step = b.step === undefined ? 32 : k.num(b.step, 'vt.grid: step');
      if (step < 2) throw new RangeError(`vt.grid: step must be at least 2 px, got ${step}`);
      const s = k.style(style, 'vt.grid', { color: '#cccccc', width: 1 });
      for (let gx = x; gx <= x + w + 1e-9; gx += step) k.stroke([{ x: gx, y }, { x: gx, y: y + h }], s);
      for (let gy = y; gy <= y + h + 1e-9; gy += step) k.stroke([{ x, y: gy }, { x: x + w, y: gy }], s);
    },
    measure(A: unknown, B: unknown, text: unknown, style?: unknown): void {
      const a = k.pt(A, 'vt.measure: A'), b = k.pt(B, 'vt.measure: B');
      const s = k.style(style, 'vt.measure');
      const t = k.str(text);
      const m = geo.midpoint(a, b);
      const d = unit(a, b) ?? { x: 1, y: 0 };
      let n = { x: -d.y, y: d.x };
      // Put the label on the side facing away from the canvas centre (outside a centred figure).
      if (n.x * (m.x - k.W() / 2) + n.y * (m.y - k.H() / 2) < 0) n = { x: -n.x, y: -n.y };
      const at = k.labelNear(m, t, { ...s, radius: 0 }, n, 6);
      k.record({ type: 'text', text: t, points: [{ x: at.x, y: at.y }] });
    },
  };
  return draw;
}

export type Draw = ReturnType<typeof createDraw>;
