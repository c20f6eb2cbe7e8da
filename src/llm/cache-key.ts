import crypto from 'node:crypto';

function sha256(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

const MEMO_MIN_CHARS = 1024;
const MEMO_SIZE = 64;
const memo = new Map<string, string>();

/**
 * Hash of a long text that repeats across calls (a role's system prompt is the same string for every
 * request): computed once instead of once per call.
 */
function textHash(s: string): string {
  if (s.length < MEMO_MIN_CHARS) return sha256(s);
  let h = memo.get(s);
  if (h === undefined) {
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
    h = sha256(s);
    memo.set(s, h);
  }
  return h;
}

type Message = { role: string; content?: unknown };

/** The system prompt (fixed by the prompt version) stands in the key and the stored record by its hash. */
function compactSystem(messages: readonly Message[], version: string): Message[] {
  return messages.map((m) => (m.role === 'system' && typeof m.content === 'string' ? { role: 'system', content: `[${version} system prompt sha256:${textHash(m.content)}]` } : m));
}

/** Key of one request in `llm_cache`: endpoint, model, the rendered messages, parameters, prompt/schema version. */
export function cacheKey(parts: { endpoint: string; model: string; messages: readonly Message[]; params: unknown; version: string }): string {
  return sha256(JSON.stringify([parts.endpoint, parts.model, parts.version, parts.params, compactSystem(parts.messages, parts.version)]));
}

const IMAGE_URL = /data:image\/[A-Za-z+.-]+;base64,[A-Za-z0-9+/=]+/g;

/** The request as stored for inspection, kept small: image data URLs and the system prompt become their hashes. */
export function requestJson(messages: readonly Message[], params: unknown, version: string): string {
  return JSON.stringify({ version, params, messages: compactSystem(messages, version) }).replace(IMAGE_URL, (url) => `[image sha256:${sha256(url)}]`);
}
