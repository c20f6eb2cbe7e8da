import type { Db } from './db.js';
import type { Sample, SampleKind, SampleStatus } from '../schemas/sample.js';
import { sampleFromRow, type SampleRow } from './samples.js';

/** What an export selects. Every field narrows the selection; absent fields do not filter. */
export interface ExportFilter {
  statuses: readonly SampleStatus[];
  rounds?: readonly number[];
  kinds?: readonly SampleKind[];
  /** Compared case-insensitively with the sample's domain (the first element of its first knowledge path). */
  domains?: readonly string[];
  maxDepth?: number;
  /** Every checker score at least this (samples without verdicts never pass). */
  minScore?: number;
  limit?: number;
}

export interface ExportSample {
  sample: Sample;
  /** The lineage root (the base sample every child descends from). */
  rootId: string;
}

interface Row extends SampleRow {
  verdicts_json: string;
}

interface VerdictJson {
  checker: string;
  score: number;
  pass: number;
  reasons: string;
}

const WHERE = `
  s.status IN (SELECT value FROM json_each(@statuses))
  AND (@rounds IS NULL OR s.round IN (SELECT value FROM json_each(@rounds)))
  AND (@kinds IS NULL OR s.kind IN (SELECT value FROM json_each(@kinds)))
  AND (@domains IS NULL OR lower(s.domain) IN (SELECT lower(value) FROM json_each(@domains)))
  AND (@maxDepth IS NULL OR s.depth <= @maxDepth)
  AND (@minScore IS NULL OR s.score_min >= @minScore)`;

function params(f: ExportFilter): Record<string, string | number | null> {
  const list = (v: readonly unknown[] | undefined) => (v === undefined ? null : JSON.stringify(v));
  return {
    statuses: JSON.stringify(f.statuses),
    rounds: list(f.rounds),
    kinds: list(f.kinds),
    domains: list(f.domains),
    maxDepth: f.maxDepth ?? null,
    minScore: f.minScore ?? null,
    limit: f.limit ?? -1,
  };
}

/** How many samples the filter selects (after --limit). */
export function countExportSelection(db: Db, f: ExportFilter): number {
  const row = db
    .prepare<unknown[], { n: number }>(`SELECT count(*) n FROM (SELECT 1 FROM samples s WHERE ${WHERE} LIMIT @limit)`)
    .get(params(f));
  return row?.n ?? 0;
}

/**
 * Streams the selected samples in id order, each with its verdicts (fetched in the same statement)
 * and its lineage root. Rows are read one at a time, so memory stays flat however large the store.
 */
export function* iterateExportSelection(db: Db, f: ExportFilter): Generator<ExportSample> {
  const stmt = db.prepare<unknown[], Row>(
    `SELECT s.id, s.round, s.parent_id, s.root_id, s.kind, s.depth, s.status, s.draft_json, s.images_json, s.elements_json,
            s.provenance_json, s.recovery_json,
            (SELECT json_group_array(json_object('checker', v.checker, 'score', v.score, 'pass', v.pass, 'reasons', v.reasons_json))
               FROM (SELECT * FROM verdicts WHERE sample_id = s.id ORDER BY rowid) v) AS verdicts_json
       FROM samples s WHERE ${WHERE} ORDER BY s.id LIMIT @limit`,
  );
  for (const r of stmt.iterate(params(f))) {
    const verdicts = (JSON.parse(r.verdicts_json) as VerdictJson[]).map((v) => ({
      checker: v.checker,
      score: v.score,
      pass: v.pass === 1,
      reasons: JSON.parse(v.reasons) as unknown,
    }));
    const sample = sampleFromRow(r, verdicts);
    yield { sample, rootId: r.root_id };
  }
}

/** The original image hash of one sample (a robustness sample's upright reference is its parent's figure). */
export function originalImageOf(db: Db, id: string): string | undefined {
  const row = db.prepare<[string], { images_json: string | null }>('SELECT images_json FROM samples WHERE id = ?').get(id);
  if (!row?.images_json) return undefined;
  return (JSON.parse(row.images_json) as { original?: string }).original;
}

/** Distinct domains of the stored samples with the given statuses (to suggest values when a --domain matches nothing). */
export function sampleDomains(db: Db, statuses: readonly SampleStatus[]): string[] {
  return db
    .prepare<[string], { domain: string }>(
      `SELECT DISTINCT domain FROM samples WHERE domain IS NOT NULL AND status IN (SELECT value FROM json_each(?)) ORDER BY domain`,
    )
    .all(JSON.stringify(statuses))
    .map((r) => r.domain);
}
