import type { Vec } from './vec.js';

/** A point in space: x to the right, y into the page (depth), z up. */
export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export const vec3 = (x: number, y: number, z: number): Vec3 => ({ x, y, z });
export const sub3 = (a: Vec3, b: Vec3): Vec3 => vec3(a.x - b.x, a.y - b.y, a.z - b.z);
export const dot3 = (a: Vec3, b: Vec3): number => a.x * b.x + a.y * b.y + a.z * b.z;
export const len3 = (a: Vec3): number => Math.sqrt(dot3(a, a));

/** Cabinet oblique projection: depth drawn at `deg` (default 40°) and halved, as in textbook cuboid drawings. */
export function oblique(p: Vec3, deg = 40): Vec {
  const k = 0.5;
  const t = (deg * Math.PI) / 180;
  return { x: p.x + k * p.y * Math.cos(t), y: p.z + k * p.y * Math.sin(t) };
}

/**
 * The eight corners of an a × b × c cuboid: bottom face ABCD (A front left, B front right, C back right,
 * D back left) and top face EFGH above them.
 */
export function cuboidCorners(a: number, b: number, c: number): Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H', Vec3> {
  return {
    A: vec3(0, 0, 0),
    B: vec3(a, 0, 0),
    C: vec3(a, b, 0),
    D: vec3(0, b, 0),
    E: vec3(0, 0, c),
    F: vec3(a, 0, c),
    G: vec3(a, b, c),
    H: vec3(0, b, c),
  };
}

/**
 * A receding angle that keeps the drawn space diagonal AG clear of the corner F: they line up when
 * height/length equals the tangent of the receding angle.
 */
export function recedingAngle(length: number, height: number): number {
  return height / length > 0.75 ? 28 : 45;
}

/** Visible and hidden (dashed) edges of the cuboid as drawn from the front, above and to the right. */
export const CUBOID_EDGES = {
  visible: ['AB', 'BC', 'EF', 'FG', 'GH', 'HE', 'AE', 'BF', 'CG'],
  hidden: ['AD', 'DC', 'DH'],
} as const;
