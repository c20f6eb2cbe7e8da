/**
 * Rejection sampling with a bound: calls `draw` until it returns a value. A parameter space with no
 * solution then fails loudly instead of hanging a worker.
 */
export function firstFit<T>(what: string, draw: () => T | null | undefined, attempts = 20_000): T {
  for (let i = 0; i < attempts; i++) {
    const v = draw();
    if (v !== null && v !== undefined) return v;
  }
  throw new Error(`${what}: no parameters fit after ${attempts} draws`);
}
