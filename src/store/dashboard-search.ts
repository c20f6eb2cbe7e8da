import type { Db } from './db.js';

/** Text search for the dashboard: the FTS5 index of migration 4 over questions and knowledge paths. */

export interface SearchClause {
  /** A condition on `s` (the samples table) to AND into a query. */
  sql: string;
  params: Record<string, string>;
}

/** The words of a free-text query (letters and digits); everything else, FTS syntax included, is dropped. */
export function searchWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, 16);
}

export function hasSearchIndex(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'samples_fts'").get() !== undefined;
}

/**
 * Samples whose question or knowledge paths contain every word (as a prefix). A database not yet
 * migrated to version 4 (the dashboard never migrates: it opens the file read-only) falls back to LIKE.
 */
export function searchClause(db: Db, words: readonly string[]): SearchClause {
  if (hasSearchIndex(db)) {
    const match = words.map((w) => `"${w}"*`).join(' ');
    return { sql: 's.rowid IN (SELECT rowid FROM samples_fts WHERE samples_fts MATCH @match)', params: { match } };
  }
  const params: Record<string, string> = {};
  const parts = words.map((w, i) => {
    params[`w${i}`] = `%${w}%`;
    return `(s.question LIKE @w${i} OR json_extract(s.draft_json, '$.knowledge') LIKE @w${i})`;
  });
  return { sql: parts.join(' AND ') || '1', params };
}

export interface NodeHit {
  id: string;
  path: string[];
}

/** Knowledge nodes whose path contains every word. */
export function searchKnowledgeNodes(db: Db, words: readonly string[], limit = 20): NodeHit[] {
  if (words.length === 0) return [];
  const params: Record<string, string | number> = { limit };
  const where = words.map((w, i) => {
    params[`w${i}`] = `%${w.toLowerCase()}%`;
    return `(path_key LIKE @w${i} OR lower(aliases_json) LIKE @w${i})`;
  });
  return db
    .prepare<unknown[], { id: string; path_json: string }>(`SELECT id, path_json FROM knowledge_nodes WHERE ${where.join(' AND ')} ORDER BY level, path_key LIMIT @limit`)
    .all(params)
    .map((r) => ({ id: r.id, path: JSON.parse(r.path_json) as string[] }));
}
