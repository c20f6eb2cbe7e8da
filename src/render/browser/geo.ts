/**
 * `vt.geo`: pure plane geometry in screen pixels (y down). Angles in degrees, counter-clockwise as seen on
 * screen. This function is serialised with `toString()` into the sandbox worker, so it must stay
 * self-contained: no imports at run time, no references outside its own body.
 */
export interface Pt {
  x: number;
  y: number;
  name?: string;
}

export interface Geo {
  pt(v: unknown, where: string): Pt;
  midpoint(A: Pt, B: Pt): Pt;
  distance(A: Pt, B: Pt): number;
  angle(A: Pt, V: Pt, B: Pt): number;
  along(A: Pt, B: Pt, t: number): Pt;
  foot(P: Pt, A: Pt, B: Pt): Pt;
  reflect(P: Pt, A: Pt, B: Pt): Pt;
  rotate(P: Pt, C: Pt, deg: number): Pt;
  intersect(A: Pt, B: Pt, C: Pt, D: Pt): Pt | null;
  lineCircle(A: Pt, B: Pt, C: Pt, r: number): Pt[];
  circleCircle(C1: Pt, r1: number, C2: Pt, r2: number): Pt[];
  circumcircle(A: Pt, B: Pt, C: Pt): { center: Pt; r: number } | null;
  incircle(A: Pt, B: Pt, C: Pt): { center: Pt; r: number } | null;
  centroid(points: Pt[]): Pt;
  bisector(A: Pt, V: Pt, B: Pt): Pt;
  parallelPoint(P: Pt, A: Pt, B: Pt): Pt;
  tangentPoints(P: Pt, C: Pt, r: number): Pt[];
  polygonArea(points: Pt[]): number;
  /** Screen angle (degrees, counter-clockwise, 0 = right) of the direction from A to B. */
  direction(A: Pt, B: Pt): number;
}

export function createGeo(): Geo {
  const EPS = 1e-9;
  const describe = (v: unknown): string => {
    if (v === undefined) return 'undefined';
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
  /** Accepts `{ x, y }` (any object with numeric x and y) or `[x, y]`. */
  const pt = (v: unknown, where: string): Pt => {
    if (Array.isArray(v) && v.length >= 2) return { x: num(v[0], `${where}[0]`), y: num(v[1], `${where}[1]`) };
    if (v && typeof v === 'object') {
      const o = v as { x?: unknown; y?: unknown; name?: unknown };
      if (typeof o.x === 'number' && typeof o.y === 'number' && Number.isFinite(o.x) && Number.isFinite(o.y)) {
        return typeof o.name === 'string' && o.name ? { x: o.x, y: o.y, name: o.name } : { x: o.x, y: o.y };
      }
    }
    throw new TypeError(`${where} must be a point { x, y } with finite numbers, got ${describe(v)}`);
  };
  const pts = (v: unknown, where: string, min: number): Pt[] => {
    if (!Array.isArray(v)) throw new TypeError(`${where} must be an array of points, got ${describe(v)}`);
    if (v.length < min) throw new TypeError(`${where} needs at least ${min} points, got ${v.length}`);
    return v.map((p, i) => pt(p, `${where}[${i}]`));
  };
  const P = (v: Pt): Pt => ({ x: v.x, y: v.y });

  const geo: Geo = {
    pt,
    midpoint(A, B) {
      const a = pt(A, 'vt.geo.midpoint: A'), b = pt(B, 'vt.geo.midpoint: B');
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    },
    distance(A, B) {
      const a = pt(A, 'vt.geo.distance: A'), b = pt(B, 'vt.geo.distance: B');
      return Math.hypot(b.x - a.x, b.y - a.y);
    },
    angle(A, V, B) {
      const a = pt(A, 'vt.geo.angle: A'), v = pt(V, 'vt.geo.angle: V'), b = pt(B, 'vt.geo.angle: B');
      const ux = a.x - v.x, uy = a.y - v.y, wx = b.x - v.x, wy = b.y - v.y;
      if (Math.hypot(ux, uy) < EPS || Math.hypot(wx, wy) < EPS) throw new RangeError('vt.geo.angle: A and B must differ from the vertex V');
      return (Math.abs(Math.atan2(ux * wy - uy * wx, ux * wx + uy * wy)) * 180) / Math.PI;
    },
    along(A, B, t) {
      const a = pt(A, 'vt.geo.along: A'), b = pt(B, 'vt.geo.along: B');
      const k = num(t, 'vt.geo.along: t');
      return { x: a.x + k * (b.x - a.x), y: a.y + k * (b.y - a.y) };
    },
    foot(Pp, A, B) {
      const p = pt(Pp, 'vt.geo.foot: P'), a = pt(A, 'vt.geo.foot: A'), b = pt(B, 'vt.geo.foot: B');
      const dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
      if (len2 < EPS) throw new RangeError('vt.geo.foot: A and B must be different points');
      const t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
      return { x: a.x + t * dx, y: a.y + t * dy };
    },
    reflect(Pp, A, B) {
      const p = pt(Pp, 'vt.geo.reflect: P');
      const f = geo.foot(p, A, B);
      return { x: 2 * f.x - p.x, y: 2 * f.y - p.y };
    },
    rotate(Pp, C, deg) {
      const p = pt(Pp, 'vt.geo.rotate: P'), c = pt(C, 'vt.geo.rotate: C');
      const t = (num(deg, 'vt.geo.rotate: deg') * Math.PI) / 180;
      const dx = p.x - c.x, dy = p.y - c.y, cos = Math.cos(t), sin = Math.sin(t);
      return { x: c.x + dx * cos + dy * sin, y: c.y - dx * sin + dy * cos };
    },
    intersect(A, B, C, D) {
      const a = pt(A, 'vt.geo.intersect: A'), b = pt(B, 'vt.geo.intersect: B'), c = pt(C, 'vt.geo.intersect: C'), d = pt(D, 'vt.geo.intersect: D');
      const rx = b.x - a.x, ry = b.y - a.y, sx = d.x - c.x, sy = d.y - c.y;
      const den = rx * sy - ry * sx;
      if (Math.abs(den) < EPS * Math.max(1, Math.hypot(rx, ry) * Math.hypot(sx, sy))) return null;
      const t = ((c.x - a.x) * sy - (c.y - a.y) * sx) / den;
      return { x: a.x + t * rx, y: a.y + t * ry };
    },
    lineCircle(A, B, C, r) {
      const a = pt(A, 'vt.geo.lineCircle: A'), b = pt(B, 'vt.geo.lineCircle: B'), c = pt(C, 'vt.geo.lineCircle: C');
      const rr = num(r, 'vt.geo.lineCircle: r');
      const dx = b.x - a.x, dy = b.y - a.y, fx = a.x - c.x, fy = a.y - c.y;
      const qa = dx * dx + dy * dy, qb = 2 * (fx * dx + fy * dy), qc = fx * fx + fy * fy - rr * rr;
      if (qa < EPS) throw new RangeError('vt.geo.lineCircle: A and B must be different points');
      const disc = qb * qb - 4 * qa * qc;
      if (disc < -EPS) return [];
      const s = Math.sqrt(Math.max(0, disc));
      const ts = s < EPS ? [-qb / (2 * qa)] : [(-qb - s) / (2 * qa), (-qb + s) / (2 * qa)];
      return ts.map((t) => ({ x: a.x + t * dx, y: a.y + t * dy }));
    },
    circleCircle(C1, r1, C2, r2) {
      const a = pt(C1, 'vt.geo.circleCircle: C1'), b = pt(C2, 'vt.geo.circleCircle: C2');
      const ra = num(r1, 'vt.geo.circleCircle: r1'), rb = num(r2, 'vt.geo.circleCircle: r2');
      const d = Math.hypot(b.x - a.x, b.y - a.y);
      if (d < EPS || d > ra + rb + EPS || d < Math.abs(ra - rb) - EPS) return [];
      const l = (ra * ra - rb * rb + d * d) / (2 * d);
      const h = Math.sqrt(Math.max(0, ra * ra - l * l));
      const mx = a.x + (l * (b.x - a.x)) / d, my = a.y + (l * (b.y - a.y)) / d;
      if (h < EPS) return [{ x: mx, y: my }];
      const ox = (-h * (b.y - a.y)) / d, oy = (h * (b.x - a.x)) / d;
      return [
        { x: mx + ox, y: my + oy },
        { x: mx - ox, y: my - oy },
      ];
    },
    circumcircle(A, B, C) {
      const a = pt(A, 'vt.geo.circumcircle: A'), b = pt(B, 'vt.geo.circumcircle: B'), c = pt(C, 'vt.geo.circumcircle: C');
      const d = 2 * (a.x * (b.y - c.y) + b.x * (c.y - a.y) + c.x * (a.y - b.y));
      if (Math.abs(d) < EPS) return null;
      const a2 = a.x * a.x + a.y * a.y, b2 = b.x * b.x + b.y * b.y, c2 = c.x * c.x + c.y * c.y;
      const center = {
        x: (a2 * (b.y - c.y) + b2 * (c.y - a.y) + c2 * (a.y - b.y)) / d,
        y: (a2 * (c.x - b.x) + b2 * (a.x - c.x) + c2 * (b.x - a.x)) / d,
      };
      return { center, r: Math.hypot(a.x - center.x, a.y - center.y) };
    },
    incircle(A, B, C) {
      const a = pt(A, 'vt.geo.incircle: A'), b = pt(B, 'vt.geo.incircle: B'), c = pt(C, 'vt.geo.incircle: C');
      const la = Math.hypot(b.x - c.x, b.y - c.y), lb = Math.hypot(a.x - c.x, a.y - c.y), lc = Math.hypot(a.x - b.x, a.y - b.y);
      const p = la + lb + lc;
      const area = Math.abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
      if (p < EPS || area < EPS) return null;
      return { center: { x: (la * a.x + lb * b.x + lc * c.x) / p, y: (la * a.y + lb * b.y + lc * c.y) / p }, r: (2 * area) / p };
    },
    centroid(points) {
      const ps = pts(points, 'vt.geo.centroid: points', 1);
      return { x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length };
    },
    bisector(A, V, B) {
      const a = pt(A, 'vt.geo.bisector: A'), v = pt(V, 'vt.geo.bisector: V'), b = pt(B, 'vt.geo.bisector: B');
      const la = Math.hypot(a.x - v.x, a.y - v.y), lb = Math.hypot(b.x - v.x, b.y - v.y);
      if (la < EPS || lb < EPS) throw new RangeError('vt.geo.bisector: A and B must differ from the vertex V');
      let sx = (a.x - v.x) / la + (b.x - v.x) / lb, sy = (a.y - v.y) / la + (b.y - v.y) / lb;
      const ls = Math.hypot(sx, sy);
      if (ls < 1e-7) {
        // A straight angle: its bisector is perpendicular to VA, on the counter-clockwise side.
        sx = (a.y - v.y) / la;
        sy = -(a.x - v.x) / la;
        return { x: v.x + sx, y: v.y + sy };
      }
      return { x: v.x + sx / ls, y: v.y + sy / ls };
    },
    parallelPoint(Pp, A, B) {
      const p = pt(Pp, 'vt.geo.parallelPoint: P'), a = pt(A, 'vt.geo.parallelPoint: A'), b = pt(B, 'vt.geo.parallelPoint: B');
      return { x: p.x + b.x - a.x, y: p.y + b.y - a.y };
    },
    tangentPoints(Pp, C, r) {
      const p = pt(Pp, 'vt.geo.tangentPoints: P'), c = pt(C, 'vt.geo.tangentPoints: C');
      const rr = num(r, 'vt.geo.tangentPoints: r');
      const d = Math.hypot(p.x - c.x, p.y - c.y);
      if (d < rr - EPS) return [];
      if (d <= rr + EPS) return [P(p), P(p)];
      const base = Math.atan2(p.y - c.y, p.x - c.x), off = Math.acos(rr / d);
      return [base + off, base - off].map((t) => ({ x: c.x + rr * Math.cos(t), y: c.y + rr * Math.sin(t) }));
    },
    polygonArea(points) {
      const ps = pts(points, 'vt.geo.polygonArea: points', 3);
      let s = 0;
      for (let i = 0; i < ps.length; i++) {
        const a = ps[i]!, b = ps[(i + 1) % ps.length]!;
        s += a.x * b.y - b.x * a.y;
      }
      return Math.abs(s) / 2;
    },
    direction(A, B) {
      const a = pt(A, 'vt.geo.direction: A'), b = pt(B, 'vt.geo.direction: B');
      return (Math.atan2(-(b.y - a.y), b.x - a.x) * 180) / Math.PI;
    },
  };
  return geo;
}
