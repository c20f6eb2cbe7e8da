import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import { z } from 'zod';
import { LLM_ROLES, type LlmSettings } from '../config/sections/llm.js';
import type { UsageNote } from '../pipeline/payloads.js';
import type { Db } from '../store/db.js';
import { getCachedResponse, putCachedResponses, type CacheEntry } from '../store/llm-cache.js';
import { backoffMs } from './backoff.js';
import { CircuitBreaker } from './breaker.js';
import { Budget, memorySpend, type SpendStore } from './budget.js';
import { cacheKey, requestJson } from './cache-key.js';
import { classify } from './classify.js';
import { costOf } from './cost.js';
import { BREAKER_FAILURES, LlmError, TRANSIENT } from './errors.js';
import { createHttpFetch } from './http-fetch.js';
import { EndpointLimiter } from './limiter.js';
import { roleEndpoint, type RoleEndpoint } from './settings.js';
import { estimateTokens } from './tokens.js';

export type ChatMessage = OpenAI.Chat.Completions.ChatCompletionMessageParam;
export type UserContent = OpenAI.Chat.Completions.ChatCompletionUserMessageParam['content'];
export type ResponseFormat = OpenAI.ResponseFormatJSONSchema | OpenAI.ResponseFormatJSONObject;

export interface ChatRequest {
  endpoint: RoleEndpoint;
  messages: ChatMessage[];
  responseFormat?: ResponseFormat;
  seed?: number;
  /** Prompt and schema version: part of the cache key. */
  version: string;
  /** The round the call is spent in (budget); absent for calls outside a round. */
  round?: number;
  /** Author, repairer and expander calls stop when the round's budget is spent; judging does not. */
  generation: boolean;
}

export interface ChatReply {
  text: string;
  /** `length` when the reply was cut off at max_tokens; null for cached replies. */
  finishReason: string | null;
  note: UsageNote;
  /** Stores the reply in the cache; called once the reply proved usable, so a bad answer is asked again on a re-run. */
  remember(): void;
}

export interface LlmClientOptions {
  llm: LlmSettings;
  /** The SQLite store holding the cache; without it nothing is cached. */
  db?: () => Db;
  /** Where the round budget is added up (Redis across machines); defaults to this process. */
  spend?: SpendStore;
  log?: (message: string) => void;
  /** Called for every failed attempt that is retried, so transient errors are recorded even when the call succeeds later. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  role: string;
  round: number | undefined;
  reason: string;
  message: string;
  /** 1-based attempt that failed. */
  attempt: number;
  waitMs: number;
}

/** What one endpoint (base URL) shares between the roles that use it. */
export interface EndpointState {
  limiter: EndpointLimiter;
  breaker: CircuitBreaker;
}

const Completion = z.object({
  choices: z.array(
    z.object({
      message: z.object({ content: z.string().nullable().optional() }).nullable().optional(),
      finish_reason: z.string().nullable().optional(),
    }),
  ),
  usage: z.object({ prompt_tokens: z.number().int().min(0).optional(), completion_tokens: z.number().int().min(0).optional() }).nullable().optional(),
});

const Embeddings = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()), index: z.number().int().min(0) })),
  usage: z.object({ prompt_tokens: z.number().int().min(0).optional() }).nullable().optional(),
});

/**
 * The one client every LLM role goes through: per-endpoint concurrency, rate and circuit breaker, retries
 * with backoff honouring Retry-After (the SDK's own retries are off), the SQLite response cache, usage
 * and cost per call, and the per-round budget.
 */
export class LlmClient {
  readonly budget: Budget;
  private readonly states = new Map<string, EndpointState>();
  private readonly sdk = new Map<string, OpenAI>();
  /** One controller per call in progress, aborted by close(); a shared signal would collect one listener per request. */
  private readonly calls = new Set<AbortController>();
  private closed = false;
  private readonly pending: CacheEntry[] = [];
  private readonly http = createHttpFetch();
  private cacheDb: Db | null | undefined;

  constructor(private readonly opts: LlmClientOptions) {
    this.budget = new Budget(opts.llm.budgetUsdPerRound, opts.spend ?? memorySpend());
    // Roles sharing a base URL share its limits; the most conservative setting among them wins.
    for (const role of LLM_ROLES) {
      const ep = roleEndpoint(opts.llm, role);
      if (!ep) continue;
      const cur = this.states.get(ep.baseURL);
      const concurrency = Math.min(ep.concurrency, cur?.limiter.concurrency ?? Infinity);
      const rpm = [ep.rpm, cur?.limiter.rpm].filter((v): v is number => v !== undefined);
      cur?.breaker.close();
      this.states.set(ep.baseURL, {
        limiter: new EndpointLimiter(concurrency, rpm.length ? Math.min(...rpm) : undefined),
        breaker: new CircuitBreaker(opts.llm.breaker.failureThreshold, opts.llm.breaker.cooldownMs),
      });
    }
  }

  /** The limiter and breaker of a configured base URL. */
  state(baseURL: string): EndpointState {
    const s = this.states.get(baseURL.replace(/\/+$/, ''));
    if (!s) throw new Error(`no configured LLM role uses ${baseURL}`);
    return s;
  }

  async chat(req: ChatRequest): Promise<ChatReply> {
    const ep = req.endpoint;
    const params = {
      temperature: ep.temperature,
      ...(ep.maxTokens === undefined ? {} : { max_tokens: ep.maxTokens }),
      ...(req.seed === undefined ? {} : { seed: req.seed }),
      ...(req.responseFormat ? { response_format: req.responseFormat } : {}),
    };
    const key = cacheKey({ endpoint: ep.baseURL, model: ep.model, messages: req.messages, params, version: req.version });
    const hit = this.opts.llm.cache ? this.cached(key) : undefined;
    if (hit !== undefined) {
      return { text: hit, finishReason: null, note: { role: ep.role, model: ep.model, usage: { promptTokens: 0, completionTokens: 0, cost: 0 }, cached: true }, remember: () => {} };
    }
    if (req.generation && req.round !== undefined) await this.budget.check(req.round, ep.role);

    const where = `${ep.role} (${ep.model} at ${ep.baseURL})`;
    const { completion, usage } = await this.send(ep, where, req.round, async (client, signal) => {
      const raw: unknown = await client.chat.completions.create({ model: ep.model, messages: req.messages, ...params }, { timeout: ep.timeoutMs, maxRetries: 0, signal });
      const parsed = Completion.safeParse(raw);
      if (!parsed.success) throw new LlmError('bad-response', `${where}: the response is not a chat completion: ${z.prettifyError(parsed.error).slice(0, 500)}`);
      if (parsed.data.choices.length === 0) throw new LlmError('empty-choices', `${where}: the response has no choices`, { raw: JSON.stringify(raw).slice(0, 2000) });
      return { completion: parsed.data, usage: parsed.data.usage };
    });
    const text = completion.choices[0]!.message?.content ?? '';
    const promptTokens = usage?.prompt_tokens ?? estimateTokens(JSON.stringify(req.messages).length);
    const completionTokens = usage?.completion_tokens ?? estimateTokens(text.length);
    const cost = costOf(this.opts.llm.prices, ep.model, promptTokens, completionTokens);
    if (req.round !== undefined) await this.budget.add(req.round, cost);
    return {
      text,
      finishReason: completion.choices[0]!.finish_reason ?? null,
      note: { role: ep.role, model: ep.model, usage: { promptTokens, completionTokens, cost }, cached: false },
      remember: () =>
        this.store({ key, role: ep.role, model: ep.model, requestJson: requestJson(req.messages, params, req.version), text, promptTokens, completionTokens }),
    };
  }

  /** Embeddings of `inputs`, in order, each checked to be a finite vector of one common length. */
  async embed(ep: RoleEndpoint, inputs: readonly string[], round?: number): Promise<{ vectors: number[][]; note: UsageNote }> {
    const where = `${ep.role} (${ep.model} at ${ep.baseURL})`;
    const data = await this.send(ep, where, round, async (client, signal) => {
      const raw: unknown = await client.embeddings.create(
        { model: ep.model, input: [...inputs], encoding_format: 'float', ...(ep.dimensions ? { dimensions: ep.dimensions } : {}) },
        { timeout: ep.timeoutMs, maxRetries: 0, signal },
      );
      const parsed = Embeddings.safeParse(raw);
      if (!parsed.success) throw new LlmError('bad-response', `${where}: the response is not an embeddings list: ${z.prettifyError(parsed.error).slice(0, 500)}`);
      return parsed.data;
    });
    const vectors: number[][] = new Array(inputs.length);
    for (const d of data.data) vectors[d.index] = d.embedding;
    const dim = ep.dimensions ?? vectors[0]?.length ?? 0;
    for (let i = 0; i < inputs.length; i++) {
      const v = vectors[i];
      if (!v || v.length !== dim || dim === 0 || !v.every(Number.isFinite)) {
        throw new LlmError('schema', `${where}: embedding ${i} of ${inputs.length} is missing or not a finite vector of length ${dim}`);
      }
    }
    const promptTokens = data.usage?.prompt_tokens ?? estimateTokens(inputs.reduce((a, s) => a + s.length, 0));
    const cost = costOf(this.opts.llm.prices, ep.model, promptTokens, 0);
    if (round !== undefined) await this.budget.add(round, cost);
    return { vectors, note: { role: ep.role, model: ep.model, usage: { promptTokens, completionTokens: 0, cost }, cached: false } };
  }

  /** Cancels every wait and in-flight request; later calls fail with reason `closed`. */
  async close(): Promise<void> {
    this.closed = true;
    this.flush();
    for (const c of this.calls) c.abort(new LlmError('closed', 'the LLM client was closed'));
    for (const s of this.states.values()) s.breaker.close();
    this.http.close();
  }

  private client(ep: RoleEndpoint): OpenAI {
    const id = `${ep.baseURL}\n${ep.apiKey}`;
    let c = this.sdk.get(id);
    if (!c) {
      c = new OpenAI({ baseURL: ep.baseURL, apiKey: ep.apiKey, maxRetries: 0, timeout: ep.timeoutMs, fetch: this.http.fetch });
      this.sdk.set(id, c);
    }
    return c;
  }

  /** One request with the endpoint's limits, breaker and retries. */
  private async send<T>(ep: RoleEndpoint, where: string, round: number | undefined, call: (client: OpenAI, signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.closed) throw new LlmError('closed', `${where}: the LLM client was closed`);
    const controller = new AbortController();
    const signal = controller.signal;
    this.calls.add(controller);
    try {
      return await this.attempts(ep, where, round, call, signal);
    } finally {
      this.calls.delete(controller);
    }
  }

  private async attempts<T>(ep: RoleEndpoint, where: string, round: number | undefined, call: (client: OpenAI, signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    const { limiter, breaker } = this.state(ep.baseURL);
    for (let attempt = 0; ; attempt++) {
      const release = await limiter.acquire(signal).catch((err: unknown) => {
        throw classify(signal.aborted ? signal.reason : err, where);
      });
      const pass = breaker.tryPass();
      let failure: LlmError;
      try {
        if (pass === 'refuse') {
          const secs = Math.max(0, (breaker.retryAt - Date.now()) / 1000).toFixed(1);
          throw new LlmError('breaker-open', `${where}: the endpoint failed ${breaker.failureThreshold} times in a row; calls fail fast until a probe in ${secs}s succeeds`);
        }
        const out = await call(this.client(ep), signal);
        breaker.success(pass);
        return out;
      } catch (err) {
        failure = classify(err, where);
        if (failure.reason === 'breaker-open') throw failure;
        if (BREAKER_FAILURES.has(failure.reason)) breaker.failure(pass);
        else breaker.neutral(pass);
      } finally {
        release();
      }
      if (!TRANSIENT.has(failure.reason) || attempt >= ep.maxRetries) throw failure;
      let wait = backoffMs(attempt, ep.retryBaseMs, ep.retryMaxMs);
      if (failure.retryAfterMs !== undefined) {
        if (failure.retryAfterMs > ep.retryMaxMs) {
          throw new LlmError('rate-limited', `${failure.message}; the server asks to wait ${Math.round(failure.retryAfterMs / 1000)}s, longer than llm retryMaxMs`, {
            status: 429,
            retryAfterMs: failure.retryAfterMs,
          });
        }
        wait = failure.retryAfterMs;
        limiter.pauseUntil(Date.now() + wait);
      }
      this.opts.onRetry?.({ role: ep.role, round, reason: failure.reason, message: failure.message, attempt: attempt + 1, waitMs: wait });
      await sleep(wait, undefined, { signal }).catch(() => {
        throw classify(signal.reason, where);
      });
    }
  }

  private cacheStore(): Db | null {
    if (this.cacheDb !== undefined) return this.cacheDb;
    try {
      this.cacheDb = this.opts.db ? this.opts.db() : null;
    } catch (err) {
      this.opts.log?.(`llm cache off: cannot open the store: ${(err as Error).message}`);
      this.cacheDb = null;
    }
    return this.cacheDb;
  }

  private cached(key: string): string | undefined {
    const waiting = this.pending.find((e) => e.key === key);
    if (waiting) return waiting.text;
    const db = this.cacheStore();
    return db ? getCachedResponse(db, key)?.text : undefined;
  }

  /** Replies are written in batches, one short transaction per event-loop turn, to keep the write lock brief. */
  private store(entry: CacheEntry): void {
    this.pending.push(entry);
    if (this.pending.length === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const entries = this.pending.splice(0);
    const db = entries.length ? this.cacheStore() : null;
    if (!db) return;
    try {
      putCachedResponses(db, entries);
    } catch (err) {
      // A busy or read-only store costs cache entries, never answers.
      this.opts.log?.(`llm cache: could not store ${entries.length} replies: ${(err as Error).message}`);
    }
  }
}
