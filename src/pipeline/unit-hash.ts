import crypto from 'node:crypto';

/** A deterministic number in [0, 1) from a string: reproducible choices without shared RNG state. */
export function unitHash(s: string): number {
  return crypto.createHash('sha1').update(s).digest().readUInt32BE(0) / 2 ** 32;
}
