import crypto from 'node:crypto';

function sha256(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

/** Key of one request in `llm_cache`: endpoint, model, the rendered messages, parameters, prompt/schema version. */
export function cacheKey(parts: { endpoint: string; model: string; messages: unknown; params: unknown; version: string }): string {
  return sha256(JSON.stringify([parts.endpoint, parts.model, parts.version, parts.params, parts.messages]));
}

const IMAGE_URL = /data:image\/[A-Za-z+.-]+;base64,[A-Za-z0-9+/=]+/g;

/**
 * The request as stored for inspection, kept small: image data URLs become their hashes and the
 * system prompt (fixed by the prompt version) becomes its hash.
 */
export function requestJson(messages: readonly { role: string; content?: unknown }[], params: unknown, version: string): string {
  const compact = messages.map((m) => (m.role === 'system' && typeof m.content === 'string' ? { role: 'system', content: `[${version} system prompt sha256:${sha256(m.content)}]` } : m));
  return JSON.stringify({ version, params, messages: compact }).replace(IMAGE_URL, (url) => `[image sha256:${sha256(url)}]`);
}
