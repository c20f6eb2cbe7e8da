import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

export interface CachedResponse {
  text: string;
  promptTokens: number;
  completionTokens: number;
}

export interface CacheEntry extends CachedResponse {
  key: string;
  role: string;
  model: string;
  /** What was asked, for inspection (images replaced by their hashes). */
  requestJson: string;
}

interface Statements {
  get: Statement<[string], CachedResponse>;
  put: Statement<unknown[]>;
}
const statements = new WeakMap<Db, Statements>();

function prepared(db: Db): Statements {
  let s = statements.get(db);
  if (!s) {
    s = {
      get: db.prepare<[string], CachedResponse>('SELECT response_text text, prompt_tokens promptTokens, completion_tokens completionTokens FROM llm_cache WHERE key = ?'),
      put: db.prepare<unknown[]>(
        `INSERT OR REPLACE INTO llm_cache (key, role, model, request_json, response_text, prompt_tokens, completion_tokens, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    statements.set(db, s);
  }
  return s;
}

export function getCachedResponse(db: Db, key: string): CachedResponse | undefined {
  return prepared(db).get.get(key);
}

/** Stores replies in one short transaction (callers batch the replies of one event-loop turn). */
export function putCachedResponses(db: Db, entries: readonly CacheEntry[]): void {
  const { put } = prepared(db);
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const e of entries) put.run(e.key, e.role, e.model, e.requestJson, e.text, e.promptTokens, e.completionTokens, now);
  })();
}
