export interface Pt {
  x: number;
  y: number;
}

export function midpoint(a: Pt, b: Pt): Pt {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

export function distance(a: Pt, b: Pt): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Foot of the perpendicular from p to the line through a and b (null when a and b coincide). */
export function perpendicularFoot(p: Pt, a: Pt, b: Pt): Pt | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  if (len2 < 1e-9) return null;
  const t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
  return { x: a.x + t * dx, y: a.y + t * dy };
}

/** Distance from p to the line through a and b. */
export function distanceToLine(p: Pt, a: Pt, b: Pt): number {
  const foot = perpendicularFoot(p, a, b);
  return foot ? distance(p, foot) : distance(p, a);
}

/** The angle at vertex v between rays v→a and v→b, in degrees. */
export function angleAt(v: Pt, a: Pt, b: Pt): number {
  const a1 = Math.atan2(a.y - v.y, a.x - v.x);
  const a2 = Math.atan2(b.y - v.y, b.x - v.x);
  let d = Math.abs(a1 - a2) * (180 / Math.PI);
  if (d > 180) d = 360 - d;
  return d;
}

export function centroid(points: readonly Pt[]): Pt {
  const n = points.length;
  return { x: points.reduce((s, p) => s + p.x, 0) / n, y: points.reduce((s, p) => s + p.y, 0) / n };
}

/** Where segments ab and cd cross strictly inside both (not at an endpoint), or null. */
export function segmentIntersection(a: Pt, b: Pt, c: Pt, d: Pt): Pt | null {
  const r = { x: b.x - a.x, y: b.y - a.y };
  const s = { x: d.x - c.x, y: d.y - c.y };
  const den = r.x * s.y - r.y * s.x;
  if (Math.abs(den) < 1e-9) return null;
  const t = ((c.x - a.x) * s.y - (c.y - a.y) * s.x) / den;
  const u = ((c.x - a.x) * r.y - (c.y - a.y) * r.x) / den;
  const eps = 0.02;
  if (t <= eps || t >= 1 - eps || u <= eps || u >= 1 - eps) return null;
  return { x: a.x + t * r.x, y: a.y + t * r.y };
}

/** A pixel answer: coordinates rounded to whole pixels. */
export function pixel(p: Pt): [number, number] {
  return [Math.round(p.x), Math.round(p.y)];
}
