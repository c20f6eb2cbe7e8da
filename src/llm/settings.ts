import type { EndpointSettings, LlmRole, LlmSettings } from '../config/sections/llm.js';

/** A role's endpoint with every default filled in. */
export interface RoleEndpoint {
  role: LlmRole;
  baseURL: string;
  apiKey: string;
  model: string;
  temperature: number;
  /** Sent as max_tokens when set; otherwise the endpoint's own limit applies (small local models reject large values). */
  maxTokens: number | undefined;
  timeoutMs: number;
  maxRetries: number;
  concurrency: number;
  rpm: number | undefined;
  jsonSchema: boolean;
  jsonObject: boolean;
  vision: boolean;
  retryBaseMs: number;
  retryMaxMs: number;
  dimensions: number | undefined;
}

const DEFAULTS = {
  temperature: 0.7,
  timeoutMs: 120_000,
  maxRetries: 4,
  concurrency: 16,
  jsonSchema: false,
  jsonObject: true,
  vision: true,
  retryBaseMs: 500,
  retryMaxMs: 60_000,
} as const;

/** Judges grade; they should be as deterministic as the endpoint allows. */
const ROLE_TEMPERATURE: Partial<Record<LlmRole, number>> = { checker: 0, normaliser: 0 };

/**
 * Merges `llm.defaults` with `llm.roles.<role>`; null when the role has no base URL or no model (it then
 * runs offline). The embedder never takes the default model: a chat model is not an embedding model, so
 * it needs `llm.roles.embedder.model` of its own.
 */
export function roleEndpoint(llm: LlmSettings, role: LlmRole): RoleEndpoint | null {
  const own = stripUndefined(llm.roles[role]);
  const s: EndpointSettings = { ...llm.defaults, ...own };
  if (role === 'embedder') s.model = own.model;
  if (!s.baseURL || !s.model) return null;
  return {
    role,
    baseURL: s.baseURL.replace(/\/+$/, ''),
    // Local servers (vLLM, Ollama) take any key; the SDK insists on one.
    apiKey: s.apiKey ?? 'no-key',
    model: s.model,
    temperature: s.temperature ?? ROLE_TEMPERATURE[role] ?? DEFAULTS.temperature,
    maxTokens: s.maxTokens,
    timeoutMs: s.timeoutMs ?? DEFAULTS.timeoutMs,
    maxRetries: s.maxRetries ?? DEFAULTS.maxRetries,
    concurrency: s.concurrency ?? DEFAULTS.concurrency,
    rpm: s.rpm,
    jsonSchema: s.jsonSchema ?? DEFAULTS.jsonSchema,
    jsonObject: s.jsonObject ?? DEFAULTS.jsonObject,
    vision: s.vision ?? DEFAULTS.vision,
    retryBaseMs: s.retryBaseMs ?? DEFAULTS.retryBaseMs,
    retryMaxMs: s.retryMaxMs ?? DEFAULTS.retryMaxMs,
    dimensions: s.dimensions,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
