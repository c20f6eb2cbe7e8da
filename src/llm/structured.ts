import type { UsageNote } from '../pipeline/payloads.js';
import type { ChatMessage, ChatReply, LlmClient, ResponseFormat, UserContent } from './client.js';
import { LlmError, type LlmReason } from './errors.js';
import { parseJsonText } from './json-text.js';
import { loadPrompt } from './prompts.js';
import type { RoleEndpoint } from './settings.js';

/** Why a parsed reply is unusable: `schema` or a more specific permanent reason. */
export type CheckReason = Extract<LlmReason, 'schema' | 'empty-choices' | 'answer-not-in-choices'>;
export type CheckResult<T> = { ok: true; value: T } | { ok: false; reason: CheckReason; message: string };

export interface StructuredRequest<T> {
  endpoint: RoleEndpoint;
  system: string;
  /** The user turn: text, or text and images. */
  user: UserContent;
  /** Name and JSON Schema of the reply (sent as `json_schema` when the endpoint supports it). */
  schemaName: string;
  jsonSchema: Record<string, unknown>;
  /** Validates the parsed JSON (zod, plus role-specific rules). */
  check: (value: unknown) => CheckResult<T>;
  /** Prompt version: part of the cache key. */
  version: string;
  seed?: number;
  round?: number;
  generation: boolean;
}

function responseFormat(ep: RoleEndpoint, name: string, schema: Record<string, unknown>): ResponseFormat | undefined {
  if (ep.jsonSchema) return { type: 'json_schema', json_schema: { name, schema, strict: false } };
  return ep.jsonObject ? { type: 'json_object' } : undefined;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; reason: LlmReason; message: string };

function interpret<T>(reply: ChatReply, check: (v: unknown) => CheckResult<T>): Outcome<T> {
  const parsed = parseJsonText(reply.text);
  if (parsed.ok) return check(parsed.value);
  const cut = reply.finishReason === 'length' ? '; it was cut off at the token limit (llm maxTokens), so write it more concisely' : '';
  return { ok: false, reason: 'not-json', message: `the reply is not JSON (${parsed.error})${cut}` };
}

/**
 * Asks for JSON and validates it. An unusable reply gets exactly one repair request that quotes the
 * problem; if that reply is unusable too, the call fails with the reason and the raw output kept.
 * Only usable replies are cached.
 */
export async function structured<T>(client: LlmClient, req: StructuredRequest<T>): Promise<{ value: T; calls: UsageNote[] }> {
  const calls: UsageNote[] = [];
  const format = responseFormat(req.endpoint, req.schemaName, req.jsonSchema);
  const ask = async (messages: ChatMessage[]) => {
    try {
      const reply = await client.chat({
        endpoint: req.endpoint,
        messages,
        ...(format ? { responseFormat: format } : {}),
        ...(req.seed === undefined ? {} : { seed: req.seed }),
        ...(req.round === undefined ? {} : { round: req.round }),
        version: req.version,
        generation: req.generation,
      });
      calls.push(reply.note);
      return reply;
    } catch (err) {
      if (err instanceof LlmError) err.calls = [...calls, ...err.calls];
      throw err;
    }
  };

  const messages: ChatMessage[] = [
    { role: 'system', content: req.system },
    { role: 'user', content: req.user },
  ];
  const first = await ask(messages);
  const firstOutcome = interpret(first, req.check);
  if (firstOutcome.ok) {
    first.remember();
    return { value: firstOutcome.value, calls };
  }
  const repairPrompt = loadPrompt('json-repair');
  const second = await ask([
    ...messages,
    { role: 'assistant', content: first.text },
    { role: 'user', content: repairPrompt.render('user', { problem: firstOutcome.message }) },
  ]);
  const outcome = interpret(second, req.check);
  if (outcome.ok) {
    second.remember();
    return { value: outcome.value, calls };
  }
  throw new LlmError(outcome.reason, `${req.endpoint.role} reply unusable after one repair request: ${outcome.message}`, { raw: second.text, calls });
}
