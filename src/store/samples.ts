import type { Db } from './db.js';
import { Sample, type SampleStatus, type SampleKind } from '../schemas/sample.js';

/** A `samples` row as stored. */
export interface SampleRow {
  id: string;
  round: number;
  parent_id: string | null;
  root_id: string;
  kind: SampleKind;
  depth: number;
  status: SampleStatus;
  draft_json: string;
  images_json: string | null;
  elements_json: string;
  provenance_json: string;
  recovery_json: string;
}

interface VerdictRow {
  sample_id: string;
  checker: string;
  score: number;
  pass: number;
  reasons_json: string;
}

/** Inserts or replaces samples with their verdicts, in one transaction (the store stage's batch write). */
export function saveSamples(db: Db, samples: readonly (Sample & { rootId?: string })[]): void {
  const upsert = db.prepare(
    `INSERT INTO samples (id, round, parent_id, root_id, kind, depth, status, domain, difficulty, problem_type, question, answer,
                          score_min, draft_json, images_json, elements_json, provenance_json, recovery_json, created_at)
     VALUES (@id, @round, @parentId, @rootId, @kind, @depth, @status, @domain, @difficulty, @problemType, @question, @answer,
             @scoreMin, @draft, @images, @elements, @provenance, @recovery, @createdAt)
     ON CONFLICT(id) DO UPDATE SET status = excluded.status, score_min = excluded.score_min, images_json = excluded.images_json,
       elements_json = excluded.elements_json, provenance_json = excluded.provenance_json, recovery_json = excluded.recovery_json,
       draft_json = excluded.draft_json, question = excluded.question, answer = excluded.answer`,
  );
  const clearVerdicts = db.prepare('DELETE FROM verdicts WHERE sample_id = ?');
  const insertVerdict = db.prepare('INSERT INTO verdicts (sample_id, checker, score, pass, reasons_json) VALUES (?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const s of samples) {
      upsert.run({
        id: s.id,
        round: s.round,
        parentId: s.parentId,
        rootId: s.rootId ?? s.parentId ?? s.id,
        kind: s.kind,
        depth: s.depth,
        status: s.status,
        domain: s.draft.knowledge[0]?.[0] ?? null,
        difficulty: s.draft.difficulty,
        problemType: s.draft.problemType,
        question: s.draft.question,
        answer: s.draft.answer,
        scoreMin: s.verdicts.length ? Math.min(...s.verdicts.map((v) => v.score)) : null,
        draft: JSON.stringify(s.draft),
        images: s.images ? JSON.stringify(s.images) : null,
        elements: JSON.stringify(s.elements),
        provenance: JSON.stringify(s.provenance),
        recovery: JSON.stringify(s.recovery),
        createdAt: now,
      });
      clearVerdicts.run(s.id);
      for (const v of s.verdicts) insertVerdict.run(s.id, v.checker, v.score, v.pass ? 1 : 0, JSON.stringify(v.reasons));
    }
  })();
}

/** A stored row and its (already decoded) verdicts as a validated Sample. */
export function sampleFromRow(r: SampleRow, verdicts: readonly { checker: string; score: number; pass: boolean; reasons: unknown }[]): Sample {
  return Sample.parse({
    id: r.id,
    round: r.round,
    parentId: r.parent_id,
    kind: r.kind,
    depth: r.depth,
    status: r.status,
    draft: JSON.parse(r.draft_json),
    images: r.images_json ? JSON.parse(r.images_json) : null,
    elements: JSON.parse(r.elements_json),
    provenance: JSON.parse(r.provenance_json),
    recovery: JSON.parse(r.recovery_json),
    verdicts,
  });
}

function toSample(r: SampleRow, verdicts: VerdictRow[]): Sample {
  return sampleFromRow(r, verdicts.map((v) => ({ checker: v.checker, score: v.score, pass: v.pass === 1, reasons: JSON.parse(v.reasons_json) as unknown })));
}

export function getSample(db: Db, id: string): Sample | undefined {
  const row = db.prepare<[string], SampleRow>('SELECT * FROM samples WHERE id = ?').get(id);
  if (!row) return undefined;
  const verdicts = db.prepare<[string], VerdictRow>('SELECT * FROM verdicts WHERE sample_id = ? ORDER BY rowid').all(id);
  return toSample(row, verdicts);
}

export interface SampleFilter {
  round?: number;
  status?: SampleStatus;
  kind?: SampleKind;
  parentId?: string;
  limit?: number;
}

export function listSampleIds(db: Db, f: SampleFilter = {}): string[] {
  return db
    .prepare<unknown[], { id: string }>(
      `SELECT id FROM samples
       WHERE (@round IS NULL OR round = @round) AND (@status IS NULL OR status = @status)
         AND (@kind IS NULL OR kind = @kind) AND (@parentId IS NULL OR parent_id = @parentId)
       ORDER BY id LIMIT @limit`,
    )
    .all({ round: f.round ?? null, status: f.status ?? null, kind: f.kind ?? null, parentId: f.parentId ?? null, limit: f.limit ?? -1 })
    .map((r) => r.id);
}

export interface SampleCounts {
  total: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  byDepth: Record<number, number>;
}

export function countSamples(db: Db, round?: number): SampleCounts {
  const where = round === undefined ? '' : 'WHERE round = @round';
  const params = round === undefined ? {} : { round };
  const group = (col: string) => {
    const out: Record<string, number> = {};
    for (const r of db.prepare<unknown[], { k: string; n: number }>(`SELECT ${col} k, count(*) n FROM samples ${where} GROUP BY ${col}`).all(params)) out[r.k] = r.n;
    return out;
  };
  const byStatus = group('status');
  return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus, byKind: group('kind'), byDepth: group('depth') };
}

/** Per checker: how many samples it judged and how many passed. */
export function checkerPassRates(db: Db, round?: number): Record<string, { judged: number; passed: number }> {
  const out: Record<string, { judged: number; passed: number }> = {};
  const rows = db
    .prepare<unknown[], { checker: string; judged: number; passed: number }>(
      `SELECT v.checker, count(*) judged, sum(v.pass) passed FROM verdicts v JOIN samples s ON s.id = v.sample_id
       WHERE (@round IS NULL OR s.round = @round) GROUP BY v.checker ORDER BY v.checker`,
    )
    .all({ round: round ?? null });
  for (const r of rows) out[r.checker] = { judged: r.judged, passed: r.passed };
  return out;
}

/** Streams every sample with its verdicts in id order (for JSONL views and exports; memory stays flat). */
export function* iterateSamples(db: Db, f: { round?: number; status?: SampleStatus } = {}): Generator<Sample> {
  const verdicts = db.prepare<[string], VerdictRow>('SELECT * FROM verdicts WHERE sample_id = ? ORDER BY rowid');
  const rows = db
    .prepare<unknown[], SampleRow>('SELECT * FROM samples WHERE (@round IS NULL OR round = @round) AND (@status IS NULL OR status = @status) ORDER BY id')
    .iterate({ round: f.round ?? null, status: f.status ?? null });
  for (const row of rows) yield toSample(row, verdicts.all(row.id));
}
