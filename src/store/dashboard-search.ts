import type { Db } from './db.js';
import { pathKey } from './knowledge.js';

/** Text search for the dashboard: the FTS5 index of migration 4 over questions and knowledge paths. */

export interface Clause {
  /** A condition on `s` (the samples table) to AND into a query. */
  sql: string;
  params: Record<string, string | number>;
}

/** The words of a free-text query (letters and digits); everything else, FTS syntax included, is dropped. */
export function searchWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, 16);
}

export function hasSearchIndex(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'samples_fts'").get() !== undefined;
}

/**
 * The knowledge paths (JSON) of the sample `s`: from the compact search index when there is one (the
 * dashboard never migrates, it opens the file read-only; an older file falls back to the sample rows).
 */
export function knowledgeJson(db: Db): { join: string; column: string } {
  return hasSearchIndex(db)
    ? { join: 'JOIN samples_fts f ON f.rowid = s.rowid', column: 'f.knowledge' }
    : { join: '', column: "json_extract(s.draft_json, '$.knowledge')" };
}

/** Samples whose question or knowledge paths contain every word (as a prefix). */
export function searchClause(db: Db, words: readonly string[]): Clause {
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

/** True when one of the paths (a JSON array of paths) starts with the node whose key and level are given. */
export function knowledgeUnder(json: unknown, key: unknown, level: unknown): boolean {
  if (typeof json !== 'string' || typeof key !== 'string' || typeof level !== 'number') return false;
  let paths: unknown;
  try {
    paths = JSON.parse(json);
  } catch {
    return false;
  }
  return (
    Array.isArray(paths) &&
    paths.some((p) => Array.isArray(p) && p.length >= level && p.every((x) => typeof x === 'string') && pathKey(p.slice(0, level)) === key)
  );
}

const withFunctions = new WeakSet<Db>();

/**
 * Samples with a knowledge path at or below `path`, compared exactly as the store compares paths
 * (pathKey). With the search index, a phrase match narrows the rows first.
 */
export function knowledgeClause(db: Db, path: readonly string[]): Clause {
  if (!withFunctions.has(db)) {
    db.function('fw_knowledge_under', { deterministic: true }, (json, key, level) => (knowledgeUnder(json, key, level) ? 1 : 0));
    withFunctions.add(db);
  }
  const params = { nodeKey: pathKey(path), nodeLevel: path.length };
  const phrase = searchWords(path.join(' '));
  if (hasSearchIndex(db) && phrase.length) {
    return {
      sql: `s.rowid IN (SELECT rowid FROM samples_fts WHERE samples_fts MATCH @nodePhrase AND fw_knowledge_under(knowledge, @nodeKey, @nodeLevel))`,
      params: { ...params, nodePhrase: `knowledge : "${phrase.join(' ')}"` },
    };
  }
  return { sql: `fw_knowledge_under(json_extract(s.draft_json, '$.knowledge'), @nodeKey, @nodeLevel)`, params };
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
