import { px, str } from '../../../format.js';
import { type Vec, len, sub } from './vec.js';

/**
 * Pieces of generated figure and interaction code. Everything here is in pixel coordinates (y down) and
 * prints concrete numbers, so the code reads like a hand-written figure.
 */

/** Label offset pointing from `center` towards `p`, `d` pixels long. */
export function awayFrom(p: Vec, center: Vec, d = 16): Vec {
  const v = sub(p, center);
  const l = len(v) || 1;
  return { x: (v.x / l) * d, y: (v.y / l) * d };
}

function styleCode(style: Record<string, string>): string {
  const entries = Object.entries(style);
  return entries.length ? `, { ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }` : '';
}

/** `vt.point(x, y, 'A', { labelOffset })`. */
export function pointCall(name: string, p: Vec, offset?: Vec): string {
  const style = offset ? styleCode({ labelOffset: `{ dx: ${px(offset.x)}, dy: ${px(offset.y)} }` }) : '';
  return `vt.point(${px(p.x)}, ${px(p.y)}, ${str(name)}${style})`;
}

/** `const A = vt.point(...);` lines, with labels pushed away from `center` when given. */
export function declarePoints(points: Record<string, Vec>, center?: Vec): string {
  return Object.entries(points)
    .map(([name, p]) => `const ${name} = ${pointCall(name, p, center ? awayFrom(p, center) : undefined)};`)
    .join('\n');
}

/** A `{ label: '40°' }`-style object literal with extra entries. */
export function styleArg(style: Record<string, string | number>): string {
  return styleCode(Object.fromEntries(Object.entries(style).map(([k, v]) => [k, typeof v === 'number' ? px(v) : v])));
}

export function exportNames(names: readonly string[]): string {
  return `vt.export({ ${names.join(', ')} });`;
}

export function lines(...parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
}
