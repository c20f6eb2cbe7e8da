import { z } from 'zod';

export const LLM_ROLES = ['author', 'checker', 'repairer', 'expander', 'normaliser', 'embedder'] as const;
export type LlmRole = (typeof LLM_ROLES)[number];

/** Settings of one OpenAI-compatible endpoint; a role's settings override `llm.defaults` field by field. */
export const EndpointSettings = z
  .object({
    baseURL: z.url().optional(),
    apiKey: z.string().min(1).optional(),
    model: z.string().min(1).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().optional(),
    timeoutMs: z.number().int().positive().optional(),
    maxRetries: z.number().int().min(0).max(20).optional(),
    concurrency: z.number().int().positive().optional(),
    rpm: z.number().int().positive().optional(),
    /** The endpoint accepts `response_format: json_schema`; otherwise JSON is asked for with `json_object` (or in the prompt only). */
    jsonSchema: z.boolean().optional(),
    /** When `jsonSchema` is off: send `response_format: json_object` (turn off for endpoints that reject it). */
    jsonObject: z.boolean().optional(),
    /** The model accepts images (judges and the expander then see the rendered figures). */
    vision: z.boolean().optional(),
    /** First retry delay; later ones double (with jitter). */
    retryBaseMs: z.number().int().positive().optional(),
    /** Longest single wait before a retry, Retry-After included; a longer Retry-After fails the call as `rate-limited`. */
    retryMaxMs: z.number().int().positive().optional(),
    /** Embedding length (embedder role): sent as `dimensions` and checked against every returned vector. */
    dimensions: z.number().int().positive().optional(),
  })
  .strict();
export type EndpointSettings = z.infer<typeof EndpointSettings>;

const Price = z.object({ inputPerMTok: z.number().min(0), outputPerMTok: z.number().min(0) }).strict();

export const LlmSettings = z
  .object({
    defaults: EndpointSettings.default({}),
    roles: z
      .object(Object.fromEntries(LLM_ROLES.map((r) => [r, EndpointSettings.default({})])) as Record<LlmRole, z.ZodDefault<typeof EndpointSettings>>)
      .strict()
      .default(() => Object.fromEntries(LLM_ROLES.map((r) => [r, {}])) as Record<LlmRole, EndpointSettings>),
    /** USD per million tokens, by model name. */
    prices: z.record(z.string(), Price).default({}),
    cache: z.boolean().default(true),
    budgetUsdPerRound: z.number().positive().optional(),
    breaker: z
      .object({
        failureThreshold: z.number().int().positive().default(8),
        cooldownMs: z.number().int().positive().default(15_000),
      })
      .strict()
      .default({ failureThreshold: 8, cooldownMs: 15_000 }),
  })
  .strict();
export type LlmSettings = z.infer<typeof LlmSettings>;
