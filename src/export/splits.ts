import crypto from 'node:crypto';
import type { SplitSpec } from './options.js';

/** A stable number in [0, 1) from a string (the first 48 bits of its sha256). */
export function unitOf(key: string): number {
  return crypto.createHash('sha256').update(key).digest().readUIntBE(0, 6) / 2 ** 48;
}

/**
 * Picks the split of a sample from its lineage root, so a sample, its parent and its children always
 * land together (no leakage of a figure or a problem between train and test). Deterministic: the same
 * root goes to the same split on every run and machine.
 */
export function splitOf(rootId: string, splits: readonly SplitSpec[]): string {
  if (splits.length === 1) return splits[0]!.name;
  const u = unitOf(`split/${rootId}`);
  let acc = 0;
  for (const s of splits) {
    acc += s.ratio;
    if (u < acc) return s.name;
  }
  return splits[splits.length - 1]!.name;
}
