/** Plane vectors for blueprint geometry. Model coordinates are y-up; angles are degrees counter-clockwise. */
export interface Vec {
  x: number;
  y: number;
}

export const vec = (x: number, y: number): Vec => ({ x, y });
export const add = (a: Vec, b: Vec): Vec => ({ x: a.x + b.x, y: a.y + b.y });
export const sub = (a: Vec, b: Vec): Vec => ({ x: a.x - b.x, y: a.y - b.y });
export const mul = (a: Vec, k: number): Vec => ({ x: a.x * k, y: a.y * k });
export const dot = (a: Vec, b: Vec): number => a.x * b.x + a.y * b.y;
export const cross = (a: Vec, b: Vec): number => a.x * b.y - a.y * b.x;
export const len = (a: Vec): number => Math.hypot(a.x, a.y);
export const dist = (a: Vec, b: Vec): number => len(sub(a, b));
export const lerp = (a: Vec, b: Vec, t: number): Vec => add(a, mul(sub(b, a), t));
export const mid = (a: Vec, b: Vec): Vec => lerp(a, b, 0.5);
export const unit = (a: Vec): Vec => mul(a, 1 / len(a));

const RAD = Math.PI / 180;

/** The point at distance r from `from` in direction `deg`. */
export function polar(from: Vec, deg: number, r: number): Vec {
  return { x: from.x + r * Math.cos(deg * RAD), y: from.y + r * Math.sin(deg * RAD) };
}

/** Direction of b - a in degrees, in [0, 360). */
export function heading(a: Vec, b: Vec): number {
  const d = Math.atan2(b.y - a.y, b.x - a.x) / RAD;
  return d < 0 ? d + 360 : d;
}

/** The angle AVB in degrees, in [0, 180]. */
export function angleAt(a: Vec, v: Vec, b: Vec): number {
  const u = sub(a, v);
  const w = sub(b, v);
  return Math.acos(Math.max(-1, Math.min(1, dot(u, w) / (len(u) * len(w))))) / RAD;
}

export function rotateAbout(p: Vec, c: Vec, deg: number): Vec {
  const s = Math.sin(deg * RAD);
  const k = Math.cos(deg * RAD);
  const d = sub(p, c);
  return { x: c.x + d.x * k - d.y * s, y: c.y + d.x * s + d.y * k };
}

/** Foot of the perpendicular from p to line ab. */
export function foot(p: Vec, a: Vec, b: Vec): Vec {
  const d = sub(b, a);
  return lerp(a, b, dot(sub(p, a), d) / dot(d, d));
}

export function reflectIn(p: Vec, a: Vec, b: Vec): Vec {
  return sub(mul(foot(p, a, b), 2), p);
}

/** Intersection of lines ab and cd (they must not be parallel). */
export function intersect(a: Vec, b: Vec, c: Vec, d: Vec): Vec {
  const r = sub(b, a);
  const s = sub(d, c);
  const t = cross(sub(c, a), s) / cross(r, s);
  return add(a, mul(r, t));
}

/** Polygon area by the shoelace formula (absolute value). */
export function shoelace(pts: readonly Vec[]): number {
  let s = 0;
  pts.forEach((p, i) => {
    const q = pts[(i + 1) % pts.length]!;
    s += p.x * q.y - q.x * p.y;
  });
  return Math.abs(s) / 2;
}

export function centroid(pts: readonly Vec[]): Vec {
  const s = pts.reduce((acc, p) => add(acc, p), vec(0, 0));
  return mul(s, 1 / pts.length);
}
