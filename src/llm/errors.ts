import type { UsageNote } from '../pipeline/payloads.js';

/**
 * Why an LLM call failed, machine-readable. The pipeline's processor treats `auth`, `model-not-found`,
 * `schema`, `not-json`, `empty-choices`, `answer-not-in-choices` and `budget-exceeded` as permanent and
 * retries the job for the others.
 */
export type LlmReason =
  | 'auth'
  | 'model-not-found'
  | 'bad-request'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'unreachable'
  | 'bad-response'
  | 'breaker-open'
  | 'budget-exceeded'
  | 'not-json'
  | 'schema'
  | 'empty-choices'
  | 'answer-not-in-choices'
  | 'closed';

/** Failures worth another attempt inside the client (with backoff); everything else is returned at once. */
export const TRANSIENT: ReadonlySet<LlmReason> = new Set(['rate-limited', 'server-error', 'timeout', 'unreachable', 'bad-response']);

/** Transient failures that say the endpoint is unhealthy (429 is the endpoint pacing us, handled by Retry-After). */
export const BREAKER_FAILURES: ReadonlySet<LlmReason> = new Set(['server-error', 'timeout', 'unreachable', 'bad-response']);

const RAW_LIMIT = 20_000;

export class LlmError extends Error {
  readonly reason: LlmReason;
  /** The model's raw output, kept for inspection when it could not be used. */
  readonly raw: string | undefined;
  readonly status: number | undefined;
  /** How long the endpoint asked us to wait (429 Retry-After), in ms. */
  readonly retryAfterMs: number | undefined;
  /** Usage of the calls made before the failure (they were paid for). */
  calls: UsageNote[];

  constructor(reason: LlmReason, message: string, opts: { raw?: string; status?: number; retryAfterMs?: number; calls?: UsageNote[]; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'LlmError';
    this.reason = reason;
    this.raw = opts.raw === undefined ? undefined : opts.raw.slice(0, RAW_LIMIT);
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
    this.calls = opts.calls ?? [];
  }
}
