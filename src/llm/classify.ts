import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { LlmError } from './errors.js';
import { TruncatedResponseError } from './http-fetch.js';
import { retryAfterMs } from './retry-after.js';

/** Turns whatever the SDK (or fetch underneath it) threw into an LlmError with a reason. */
export function classify(err: unknown, where: string): LlmError {
  if (err instanceof LlmError) return err;
  if (err instanceof APIUserAbortError) return new LlmError('closed', `${where}: the request was cancelled`, { cause: err });
  if (err instanceof APIConnectionTimeoutError) return new LlmError('timeout', `${where}: no response before the time limit`, { cause: err });
  if (err instanceof APIConnectionError) {
    if (err.cause instanceof TruncatedResponseError) return new LlmError('bad-response', `${where}: ${err.cause.message}`, { cause: err });
    const cause = (err.cause as { cause?: { code?: string }; code?: string } | undefined) ?? {};
    const code = cause.code ?? cause.cause?.code;
    return new LlmError('unreachable', `${where}: cannot connect${code ? ` (${code})` : ''}: ${err.message}`, { cause: err });
  }
  if (err instanceof APIError && typeof err.status === 'number') {
    const status = err.status;
    const detail = `${where}: HTTP ${status}: ${err.message}`;
    if (status === 401 || status === 403) return new LlmError('auth', `${detail} (check llm.*.apiKey)`, { status, cause: err });
    if (status === 404) return new LlmError('model-not-found', `${detail} (check llm.*.model and llm.*.baseURL)`, { status, cause: err });
    if (status === 429) {
      const wait = retryAfterMs(err.headers);
      return new LlmError('rate-limited', detail, { status, cause: err, ...(wait === undefined ? {} : { retryAfterMs: wait }) });
    }
    if (status === 408) return new LlmError('timeout', detail, { status, cause: err });
    if (status >= 500 || status === 409) return new LlmError('server-error', detail, { status, cause: err });
    return new LlmError('bad-request', detail, { status, cause: err });
  }
  // A 200 whose body was not JSON.
  const e = err as Error;
  if (e instanceof SyntaxError) {
    return new LlmError('bad-response', `${where}: unreadable response: ${e.message}`, { cause: err });
  }
  if (e?.name === 'AbortError') return new LlmError('closed', `${where}: the request was cancelled`, { cause: err });
  return new LlmError('bad-response', `${where}: ${e?.message ?? String(err)}`, { cause: err });
}
