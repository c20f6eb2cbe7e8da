import crypto from 'node:crypto';

function sha256(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

/** Key of one request in `llm_cache`: endpoint, model, the rendered messages, parameters, prompt/schema version. */
export function cacheKey(parts: { endpoint: string; model: string; messages: unknown; params: unknown; version: string }): string {
  return sha256(JSON.stringify([parts.endpoint, parts.model, parts.version, parts.params, parts.messages]));
}

/** The request as stored for inspection: image data URLs are replaced by their hashes to keep rows small. */
export function requestJson(messages: unknown, params: unknown, version: string): string {
  return JSON.stringify({ version, params, messages }, (_k, v: unknown) =>
    typeof v === 'string' && v.startsWith('data:image/') ? `[image sha256:${sha256(v)}]` : v,
  );
}
