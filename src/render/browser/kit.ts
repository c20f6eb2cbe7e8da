import type { Geo, Pt } from './geo.js';

/**
 * The drawing kit every part of the `vt` library shares: style resolution, strokes, dots, labels,
 * element records. Serialised with `toString()` into the sandbox worker: self-contained, no imports at
 * run time.
 */
export interface Style {
  color: string;
  width: number;
  dash: number[];
  fill: string | null;
  opacity: number;
  font: string;
  size: number;
  bold: boolean;
  label: string | undefined;
  labelOffset: { dx: number; dy: number } | undefined;
  align: CanvasTextAlign;
  radius: number | undefined;
  name: string | undefined;
  raw: Record<string, unknown>;
}

export interface ElementRec {
  type: 'point' | 'segment' | 'line' | 'ray' | 'circle' | 'arc' | 'angle' | 'polygon' | 'text' | 'region' | 'box';
  name?: string;
  points: { x: number; y: number }[];
  radius?: number;
  text?: string;
}

export interface KitHost {
  canvas: OffscreenCanvas;
  ctx: OffscreenCanvasRenderingContext2D;
  geo: Geo;
  /** Throws the sandbox's too-large error when a w×h canvas is over the cap. */
  checkSize(w: number, h: number, where: string): void;
  /** Upper bound on recorded elements (the rest are dropped). */
  maxElements: number;
}

export interface Kit {
  canvas: OffscreenCanvas;
  ctx: OffscreenCanvasRenderingContext2D;
  geo: Geo;
  elements: ElementRec[];
  W(): number;
  H(): number;
  pt(v: unknown, where: string): Pt;
  pts(v: unknown, where: string, min: number): Pt[];
  num(v: unknown, where: string): number;
  str(v: unknown): string;
  describe(v: unknown): string;
  style(s: unknown, where: string, base?: Record<string, unknown>): Style;
  setDefaults(s: unknown): void;
  stroke(points: Pt[], s: Style, closed?: boolean): void;
  fill(points: Pt[], fill: string, s: Style): void;
  dot(p: Pt, s: Style): void;
  /** Segment AB with a filled head at B (nothing recorded). */
  arrow(a: Pt, b: Pt, s: Style): void;
  text(x: number, y: number, text: string, s: Style, align: CanvasTextAlign, baseline: CanvasTextBaseline): void;
  textSize(text: string, s: Style): { w: number; h: number };
  /** Draws `text` beside `p`: at `s.labelOffset` if given, else pushed out along `dir` (or away from the canvas centre). */
  labelNear(p: Pt, text: string, s: Style, dir?: { x: number; y: number }, gap?: number): Pt;
  record(e: ElementRec): void;
  /** The part of the line through A with direction d inside the canvas: [entry, exit] (t ≥ 0 only when `ray`). */
  clip(A: Pt, d: { x: number; y: number }, ray: boolean): [Pt, Pt] | null;
  namesOf(points: Pt[]): string | undefined;
  checkSize(w: number, h: number, where: string): void;
  applyBaseState(): void;
  AUX: Record<string, unknown>;
}

export function createKit(host: KitHost): Kit {
  const { canvas, ctx, geo } = host;
  const FAMILY = '"DejaVu Sans", sans-serif';
  const AUX = Object.freeze({ color: '#d62728', dash: Object.freeze([6, 4]), width: 2 });
  let defaults: Record<string, unknown> = { color: '#000000', width: 2, opacity: 1, size: 16 };
  const elements: ElementRec[] = [];

  const describe = (v: unknown): string => {
    if (v === undefined) return 'undefined';
    if (typeof v === 'function') return 'a function';
    try {
      const s = JSON.stringify(v);
      return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
    } catch {
      return String(v);
    }
  };
  const num = (v: unknown, where: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${where} must be a finite number, got ${describe(v)}`);
    return v;
  };
  const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
  const pts = (v: unknown, where: string, min: number): Pt[] => {
    if (!Array.isArray(v)) throw new TypeError(`${where} must be an array of points, got ${describe(v)}`);
    if (v.length < min) throw new TypeError(`${where} needs at least ${min} points, got ${v.length}`);
    return v.map((p, i) => geo.pt(p, `${where}[${i}]`));
  };

  const style = (s: unknown, where: string, base?: Record<string, unknown>): Style => {
    if (s !== undefined && s !== null && (typeof s !== 'object' || Array.isArray(s))) {
      throw new TypeError(`${where}: style must be an object like { color: 'red', width: 2 }, got ${describe(s)}`);
    }
    const m: Record<string, unknown> = { ...defaults, ...(base ?? {}), ...((s as Record<string, unknown> | null) ?? {}) };
    const color = m.color === undefined ? '#000000' : String(m.color);
    const width = m.width === undefined ? 2 : num(m.width, `${where}: style.width`);
    const size = m.size === undefined ? 16 : num(m.size, `${where}: style.size`);
    let dash: number[] = [];
    if (m.dash === true) dash = [6, 4];
    else if (Array.isArray(m.dash)) dash = m.dash.map((d, i) => num(d, `${where}: style.dash[${i}]`));
    else if (m.dash !== undefined && m.dash !== false && m.dash !== null) throw new TypeError(`${where}: style.dash must be true, false or an array like [6, 4]`);
    const fill = m.fill === undefined || m.fill === null || m.fill === false ? null : m.fill === true ? 'rgba(31,119,180,0.3)' : String(m.fill);
    const opacity = m.opacity === undefined ? 1 : Math.max(0, Math.min(1, num(m.opacity, `${where}: style.opacity`)));
    const bold = m.bold === true;
    const font = typeof m.font === 'string' && m.font ? m.font : `${bold ? 'bold ' : ''}${size}px ${FAMILY}`;
    let labelOffset: Style['labelOffset'];
    if (m.labelOffset !== undefined && m.labelOffset !== null) {
      const o = m.labelOffset as { dx?: unknown; dy?: unknown };
      labelOffset = { dx: num(o.dx ?? 0, `${where}: style.labelOffset.dx`), dy: num(o.dy ?? 0, `${where}: style.labelOffset.dy`) };
    }
    const align = m.align === 'center' || m.align === 'right' || m.align === 'left' ? m.align : 'left';
    const radius = m.radius === undefined ? undefined : num(m.radius, `${where}: style.radius`);
    return {
      color,
      width,
      dash,
      fill,
      opacity,
      font,
      size,
      bold,
      label: m.label === undefined || m.label === null ? undefined : String(m.label),
      labelOffset,
      align,
      radius,
      name: m.name === undefined || m.name === null ? undefined : String(m.name),
      raw: m,
    };
  };

  const begin = (s: Style) => {
    ctx.save();
    ctx.globalAlpha = s.opacity;
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.color;
    ctx.lineWidth = s.width;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.setLineDash(s.dash);
    ctx.font = s.font;
  };

  const kit: Kit = {
    canvas,
    ctx,
    geo,
    elements,
    AUX,
    W: () => canvas.width,
    H: () => canvas.height,
    pt: geo.pt,
    pts,
    num,
    str,
    describe,
    style,
    setDefaults(s) {
      if (!s || typeof s !== 'object' || Array.isArray(s)) throw new TypeError(`vt.style: expected an object like { color: '#333', width: 3 }, got ${describe(s)}`);
      const next = { ...defaults, ...(s as Record<string, unknown>) };
      style(next, 'vt.style');
      defaults = next;
    },
    stroke(points, s, closed = false) {
      if (points.length < 2) return;
      begin(s);
      ctx.beginPath();
      ctx.moveTo(points[0]!.x, points[0]!.y);
      for (let i = 1; i < points.length; i++) ctx.lineTo(points[i]!.x, points[i]!.y);
      if (closed) ctx.closePath();
      if (s.fill) {
        ctx.fillStyle = s.fill;
        ctx.fill();
      }
      if (s.width > 0) ctx.stroke();
      ctx.restore();
    },
    fill(points, fill, s) {
      if (points.length < 3) return;
      begin(s);
      ctx.fillStyle = fill;
      ctx.beginPath();
      ctx.moveTo(points[0]!.x, points[0]!.y);
      for (let i = 1; i < points.length; i++) ctx.lineTo(points[i]!.x, points[i]!.y);
      ctx.closePath();
      ctx.fill();
      ctx.restore();
    },
    dot(p, s) {
      begin(s);
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.arc(p.x, p.y, s.radius ?? 4, 0, Math.PI * 2);
      ctx.fillStyle = s.fill ?? s.color;
      ctx.fill();
      ctx.restore();
    },
    arrow(a, b, s) {
      kit.stroke([a, b], s);
      const l = Math.hypot(b.x - a.x, b.y - a.y);
      if (l < 1e-9) return;
      const dx = (b.x - a.x) / l, dy = (b.y - a.y) / l;
      const head = s.radius ?? 8 + 2 * s.width;
      const bx = b.x - dx * head, by = b.y - dy * head, nx = (-dy * head) / 2, ny = (dx * head) / 2;
      kit.fill(
        [b, { x: bx + nx, y: by + ny }, { x: bx - nx, y: by - ny }],
        s.color,
        { ...s, dash: [] },
      );
    },
    text(x, y, text, s, align, baseline) {
      begin(s);
      ctx.textAlign = align;
      ctx.textBaseline = baseline;
      ctx.fillText(text, x, y);
      ctx.restore();
    },
    textSize(text, s) {
      ctx.save();
      ctx.font = s.font;
      const m = ctx.measureText(text);
      ctx.restore();
      const h = m.actualBoundingBoxAscent + m.actualBoundingBoxDescent || s.size;
      return { w: m.width, h };
    },
    labelNear(p, text, s, dir, gap = 6) {
      let at: Pt;
      if (s.labelOffset) at = { x: p.x + s.labelOffset.dx, y: p.y + s.labelOffset.dy };
      else {
        let ux = dir ? dir.x : p.x - canvas.width / 2;
        let uy = dir ? dir.y : p.y - canvas.height / 2;
        const len = Math.hypot(ux, uy);
        if (len < 1e-6) {
          ux = Math.SQRT1_2;
          uy = -Math.SQRT1_2;
        } else {
          ux /= len;
          uy /= len;
        }
        const { w, h } = kit.textSize(text, s);
        // Distance from the box centre to its edge along (ux, uy), so the box clears the point by `gap`.
        const reach = Math.min(Math.abs(ux) > 1e-6 ? w / 2 / Math.abs(ux) : Infinity, Math.abs(uy) > 1e-6 ? h / 2 / Math.abs(uy) : Infinity);
        const d = (s.radius ?? 4) + gap + reach;
        at = { x: p.x + ux * d, y: p.y + uy * d };
      }
      kit.text(at.x, at.y, text, s, 'center', 'middle');
      return at;
    },
    record(e) {
      if (elements.length < host.maxElements) elements.push(e);
    },
    clip(A, d, ray) {
      const W = canvas.width, H = canvas.height;
      let t0 = ray ? 0 : -Infinity, t1 = Infinity;
      const edges: [number, number][] = [
        [-d.x, A.x],
        [d.x, W - A.x],
        [-d.y, A.y],
        [d.y, H - A.y],
      ];
      for (const [p, q] of edges) {
        if (Math.abs(p) < 1e-12) {
          if (q < 0) return null;
        } else {
          const r = q / p;
          if (p < 0) t0 = Math.max(t0, r);
          else t1 = Math.min(t1, r);
        }
      }
      if (t0 > t1 || !Number.isFinite(t0) || !Number.isFinite(t1)) return null;
      return [
        { x: A.x + t0 * d.x, y: A.y + t0 * d.y },
        { x: A.x + t1 * d.x, y: A.y + t1 * d.y },
      ];
    },
    namesOf(points) {
      return points.every((p) => p.name) ? points.map((p) => p.name).join('') : undefined;
    },
    checkSize: host.checkSize,
    applyBaseState() {
      ctx.font = `16px ${FAMILY}`;
      ctx.fillStyle = '#000000';
      ctx.strokeStyle = '#000000';
    },
  };
  return kit;
}
