import type { Db } from './db.js';
import { knowledgeClause, searchClause } from './dashboard-search.js';
import { SampleImages, type SampleKind, type SampleStatus } from '../schemas/sample.js';

/** Read-only sample queries for the dashboard's gallery and sample pages. */

export interface GalleryFilter {
  round?: number;
  status?: SampleStatus;
  kind?: SampleKind;
  domain?: string;
  depth?: number;
  minScore?: number;
  /** Words every match must contain (question or knowledge paths). */
  words?: string[];
  /** Samples with a knowledge path at or below this one. */
  knowledgePath?: string[];
  limit: number;
  offset: number;
}

export interface GalleryItem {
  id: string;
  round: number;
  kind: SampleKind;
  depth: number;
  status: SampleStatus;
  domain: string | null;
  difficulty: string | null;
  scoreMin: number | null;
  question: string;
  images: SampleImages | null;
}

function where(db: Db, f: GalleryFilter): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const eq = (column: string, name: string, value: unknown) => {
    if (value === undefined) return;
    clauses.push(`s.${column} = @${name}`);
    params[name] = value;
  };
  eq('round', 'round', f.round);
  eq('status', 'status', f.status);
  eq('kind', 'kind', f.kind);
  eq('domain', 'domain', f.domain);
  eq('depth', 'depth', f.depth);
  if (f.minScore !== undefined) {
    clauses.push('s.score_min >= @minScore');
    params.minScore = f.minScore;
  }
  for (const clause of [f.words?.length ? searchClause(db, f.words) : undefined, f.knowledgePath?.length ? knowledgeClause(db, f.knowledgePath) : undefined]) {
    if (!clause) continue;
    clauses.push(clause.sql);
    Object.assign(params, clause.params);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function gallery(db: Db, f: GalleryFilter): { total: number; items: GalleryItem[] } {
  const w = where(db, f);
  const total = db.prepare<unknown[], { n: number }>(`SELECT count(*) n FROM samples s ${w.sql}`).get(w.params)!.n;
  const rows = db
    .prepare<unknown[], Omit<GalleryItem, 'images'> & { imagesJson: string | null }>(
      `SELECT s.id, s.round, s.kind, s.depth, s.status, s.domain, s.difficulty, s.score_min scoreMin, s.question, s.images_json imagesJson
       FROM samples s ${w.sql} ORDER BY s.round DESC, s.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...w.params, limit: f.limit, offset: f.offset });
  const items = rows.map(({ imagesJson, ...r }) => {
    const images = imagesJson === null ? null : SampleImages.safeParse(JSON.parse(imagesJson));
    return { ...r, images: images?.success ? images.data : null };
  });
  return { total, items };
}

/** Values the gallery's filters can take, from what is stored. */
export function galleryChoices(db: Db): { rounds: number[]; domains: string[] } {
  return {
    rounds: db.prepare<[], { round: number }>('SELECT DISTINCT round FROM samples ORDER BY round DESC').all().map((r) => r.round),
    domains: db
      .prepare<[], { domain: string }>('SELECT DISTINCT domain FROM samples WHERE domain IS NOT NULL ORDER BY domain')
      .all()
      .map((r) => r.domain),
  };
}

export interface LineageEntry {
  id: string;
  kind: SampleKind;
  depth: number;
  status: SampleStatus;
  /** False for a parent named by a sample but not (yet) stored. */
  stored: boolean;
}

/** A sample's ancestors (parent first, up to the root) and its children. */
export function lineage(db: Db, id: string): { ancestors: LineageEntry[]; children: LineageEntry[] } {
  const ancestors = db
    .prepare<[string], { id: string; kind: SampleKind | null; depth: number | null; status: SampleStatus | null }>(
      `WITH RECURSIVE up(id, n) AS (
         SELECT parent_id, 1 FROM samples WHERE id = ? AND parent_id IS NOT NULL
         UNION ALL SELECT s.parent_id, up.n + 1 FROM up JOIN samples s ON s.id = up.id WHERE s.parent_id IS NOT NULL AND up.n < 16)
       SELECT up.id, s.kind, s.depth, s.status FROM up LEFT JOIN samples s ON s.id = up.id ORDER BY up.n`,
    )
    .all(id)
    .map((r) => ({ id: r.id, kind: r.kind ?? 'base', depth: r.depth ?? 0, status: r.status ?? 'pending', stored: r.kind !== null }));
  const children = db
    .prepare<[string], Omit<LineageEntry, 'stored'>>('SELECT id, kind, depth, status FROM samples WHERE parent_id = ? ORDER BY id')
    .all(id)
    .map((r) => ({ ...r, stored: true }));
  return { ancestors, children };
}
