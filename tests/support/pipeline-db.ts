import Database from 'better-sqlite3';
import path from 'node:path';

export interface SampleRow {
  id: string;
  round: number;
  parent_id: string | null;
  root_id: string;
  kind: string;
  depth: number;
  status: string;
  images_json: string | null;
  recovery_json: string;
  draft_json: string;
}

/** Reads an output folder's database directly (independently of the store's own functions). */
export function readOutput(dir: string): { samples: SampleRow[]; rounds: { id: number; status: string }[]; failures: { stage: string; reason: string; message: string }[] } {
  const db = new Database(path.join(dir, 'flywheel.db'), { readonly: true });
  try {
    return {
      samples: db.prepare('SELECT * FROM samples ORDER BY id').all() as SampleRow[],
      rounds: db.prepare('SELECT id, status FROM rounds ORDER BY id').all() as { id: number; status: string }[],
      failures: db.prepare('SELECT stage, reason, message FROM failures ORDER BY id').all() as { stage: string; reason: string; message: string }[],
    };
  } finally {
    db.close();
  }
}

/** What two runs with the same seed must agree on: every sample's id, kind, depth and status. */
export function sampleSet(dir: string): string[] {
  return readOutput(dir).samples.map((s) => `${s.id} ${s.kind} ${s.depth} ${s.status}`);
}
