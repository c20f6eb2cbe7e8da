export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** A reduced fraction "p/q" (or "p" when q divides p). */
export function fraction(p: number, q: number): string {
  const g = gcd(p, q) || 1;
  return q / g === 1 ? String(p / g) : `${p / g}/${q / g}`;
}

/** Binomial coefficient by the multiplicative formula. */
export function binom(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** √n in simplest radical form: "5", "2√3", "√13". */
export function radical(n: number): string {
  let outside = 1;
  let inside = n;
  for (let f = 2; f * f <= inside; f++) {
    while (inside % (f * f) === 0) {
      inside /= f * f;
      outside *= f;
    }
  }
  if (inside === 1) return String(outside);
  return outside === 1 ? `√${inside}` : `${outside}√${inside}`;
}

export const DEG = Math.PI / 180;

/** Degrees clockwise from north (screen y grows downwards), in [0, 360). */
export function bearingOf(from: { x: number; y: number }, to: { x: number; y: number }): number {
  const b = Math.atan2(to.x - from.x, from.y - to.y) / DEG;
  return (b + 360) % 360;
}

/** A bearing written with three digits, e.g. "062°". */
export function threeDigit(deg: number): string {
  return `${String(Math.round(deg) % 360).padStart(3, '0')}°`;
}

/** A number for use inside an expression: negatives in parentheses, e.g. "(-3)". */
export function term(x: number): string {
  const s = String(Math.round(x * 1e6) / 1e6);
  return x < 0 ? `(${s})` : s;
}
