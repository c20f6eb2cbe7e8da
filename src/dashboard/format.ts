/** Number formatting shared by the pages. */

export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '–';
}

export function usd(n: number): string {
  return n === 0 ? '$0' : n < 0.01 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`;
}

export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** A round's running time: start to finish, or to now while it runs. */
export function roundDuration(startedAt: string | null, finishedAt: string | null, now = Date.now()): number {
  if (!startedAt) return Number.NaN;
  return (finishedAt ? Date.parse(finishedAt) : now) - Date.parse(startedAt);
}
