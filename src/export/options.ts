import { z } from 'zod';
import { FlywheelError } from '../errors.js';
import { SampleKind, SampleStatus } from '../schemas/sample.js';

export const EXPORT_FORMATS = ['v-interaction', 'sharegpt', 'ms-swift', 'llamafactory', 'perception', 'robustness'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Formats whose rows are conversations (they can carry error-recovery trajectories). */
export const SFT_FORMATS: readonly ExportFormat[] = ['sharegpt', 'ms-swift', 'llamafactory'];

export interface SplitSpec {
  name: string;
  ratio: number;
}

/** The validated options of one export. */
export interface ExportOptions {
  format: ExportFormat;
  out: string;
  force: boolean;
  statuses: SampleStatus[];
  rounds?: number[];
  kinds?: SampleKind[];
  domains?: string[];
  maxDepth?: number;
  minScore?: number;
  limit?: number;
  split: SplitSpec[];
  withRecovery: boolean;
}

/** The flags as commander hands them over (strings, before validation). */
export interface RawExportFlags {
  format?: string;
  out?: string;
  force?: boolean;
  status?: string;
  rounds?: string;
  kind?: string;
  domain?: string;
  maxDepth?: string;
  minScore?: string;
  limit?: string;
  split?: string;
  withRecovery?: boolean;
}

const MAX_ROUND = 1_000_000;

function bad(flag: string, what: string, fix: string): FlywheelError {
  return new FlywheelError(`${flag} ${what}`, { where: `flag ${flag}`, fix });
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `1,3-5` → [1, 3, 4, 5] (sorted, without duplicates). */
export function parseRounds(value: string): number[] {
  const out = new Set<number>();
  const items = list(value);
  if (!items.length) throw bad('--rounds', 'is empty', 'list round numbers and ranges, e.g. --rounds 1,3-5');
  for (const item of items) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(item);
    const from = m ? Number(m[1]) : NaN;
    const to = m?.[2] !== undefined ? Number(m[2]) : from;
    if (!m || from < 1 || to < from || to > MAX_ROUND) {
      throw bad('--rounds', `has an invalid item "${item}"`, `use round numbers from 1 and ascending ranges, e.g. --rounds 1,3-5`);
    }
    for (let r = from; r <= to; r++) out.add(r);
  }
  return [...out].sort((a, b) => a - b);
}

/** `train=0.95,test=0.05` → named ratios that sum to 1. */
export function parseSplit(value: string): SplitSpec[] {
  const fix = 'write name=ratio pairs that sum to 1, e.g. --split train=0.95,test=0.05';
  const parts = list(value);
  if (!parts.length) throw bad('--split', 'is empty', fix);
  const out: SplitSpec[] = [];
  for (const part of parts) {
    const m = /^([a-z][a-z0-9_-]{0,31})=(\d*\.?\d+)$/i.exec(part);
    if (!m) throw bad('--split', `has an invalid part "${part}"`, fix);
    const name = m[1]!;
    const ratio = Number(m[2]);
    if (!(ratio > 0 && ratio <= 1)) throw bad('--split', `ratio of "${name}" must be above 0 and at most 1, got ${m[2]}`, fix);
    if (out.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw bad('--split', `names "${name}" twice`, fix);
    out.push({ name, ratio });
  }
  const sum = out.reduce((a, s) => a + s.ratio, 0);
  if (Math.abs(sum - 1) > 1e-6) throw bad('--split', `ratios sum to ${Number(sum.toFixed(6))}, not 1`, fix);
  return out;
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < min || n > max) {
    throw bad(flag, `must be a whole number from ${min} to ${max}, got "${value}"`, `e.g. ${flag} ${min === max ? min : Math.min(max, min + 1)}`);
  }
  return n;
}

function enumList<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = list(value);
  if (!items.length) throw bad(flag, 'is empty', `choose from ${allowed.join(', ')}`);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) throw bad(flag, `has an unknown value "${item}"`, `choose from ${allowed.join(', ')} (comma-separated)`);
  }
  return [...new Set(items)] as T[];
}

/** Validates every export flag; each error names the flag, what was wrong and an example that works. */
export function parseExportFlags(raw: RawExportFlags): ExportOptions {
  if (raw.format === undefined) throw bad('--format', 'is required', `choose one of ${EXPORT_FORMATS.join(', ')}`);
  const format = ExportFormat.safeParse(raw.format);
  if (!format.success) throw bad('--format', `has an unknown format "${raw.format}"`, `choose one of ${EXPORT_FORMATS.join(', ')}`);
  if (raw.out === undefined || raw.out.trim() === '') throw bad('--out', 'is required', 'name the folder to write the dataset to, e.g. --out ./dataset');
  const opts: ExportOptions = {
    format: format.data,
    out: raw.out,
    force: raw.force === true,
    statuses: raw.status === undefined ? ['accepted'] : enumList('--status', raw.status, SampleStatus.options),
    split: raw.split === undefined ? [{ name: 'data', ratio: 1 }] : parseSplit(raw.split),
    withRecovery: raw.withRecovery === true,
  };
  if (raw.rounds !== undefined) opts.rounds = parseRounds(raw.rounds);
  if (raw.kind !== undefined) opts.kinds = enumList('--kind', raw.kind, SampleKind.options);
  if (raw.domain !== undefined) {
    const domains = list(raw.domain);
    if (!domains.length) throw bad('--domain', 'is empty', 'name a domain, e.g. --domain "Plane Geometry" (comma-separated for several)');
    opts.domains = domains;
  }
  if (raw.maxDepth !== undefined) opts.maxDepth = wholeNumber('--max-depth', raw.maxDepth, 1, 3);
  if (raw.minScore !== undefined) opts.minScore = wholeNumber('--min-score', raw.minScore, 0, 10);
  if (raw.limit !== undefined) opts.limit = wholeNumber('--limit', raw.limit, 1, Number.MAX_SAFE_INTEGER);
  if (opts.withRecovery && !SFT_FORMATS.includes(opts.format)) {
    throw bad('--with-recovery', `does not apply to --format ${opts.format}`, `use it with ${SFT_FORMATS.join(', ')}`);
  }
  if (opts.format === 'robustness') {
    if (opts.kinds && !(opts.kinds.length === 1 && opts.kinds[0] === 'robustness')) {
      throw bad('--kind', `conflicts with --format robustness (it exports kind robustness only)`, 'drop --kind, or choose another --format');
    }
    opts.kinds = ['robustness'];
  }
  return opts;
}
