import { SECRET_KEYS } from './schema.js';

/** A copy of the config with secret values replaced by a short, recognisable mask. */
export function maskSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEYS.has(k) && typeof v === 'string' ? maskOne(v) : maskSecrets(v);
  }
  return out as T;
}

function maskOne(secret: string): string {
  return secret.length <= 8 ? '****' : `${secret.slice(0, 3)}…${secret.slice(-2)} (masked)`;
}
