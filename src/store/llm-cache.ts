import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import { blobToVector, vectorToBlob } from './vectors.js';

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

/** Vectors already fetched for these texts from an embedding model (by `model`, the embedder's space id). */
export function getCachedEmbeddings(db: Db, model: string, texts: readonly string[]): Map<string, Float32Array> {
  const stmt = db.prepare<[string, string], { vector: Buffer }>('SELECT vector FROM embedding_cache WHERE model = ? AND text = ?');
  const out = new Map<string, Float32Array>();
  for (const t of texts) {
    const row = stmt.get(model, t);
    if (row) out.set(t, blobToVector(row.vector));
  }
  return out;
}

export function putCachedEmbeddings(db: Db, model: string, entries: readonly (readonly [string, Float32Array])[]): void {
  const stmt = db.prepare('INSERT OR REPLACE INTO embedding_cache (model, text, vector) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const [text, v] of entries) stmt.run(model, text, vectorToBlob(v));
  })();
}
