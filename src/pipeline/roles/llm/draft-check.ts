import { z } from 'zod';
import { Draft } from '../../../schemas/draft.js';
import type { CheckResult } from '../../../llm/structured.js';

/** Models often write `null` for a field they leave out; zod's optional fields want it absent. */
export function dropNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/** Compact zod issues for a repair request or a failure record. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

/**
 * Validates a candidate problem against Draft and names why it fails: structural problems are `schema`;
 * a multiple-choice problem without at least two choices is `empty-choices`; an answer that is neither a
 * choice nor its letter is `answer-not-in-choices`.
 */
export function checkDraft(candidate: unknown): CheckResult<Draft> {
  const parsed = Draft.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues;
  const message = describeIssues(parsed.error);
  if (issues.some((i) => i.code !== 'custom')) return { ok: false, reason: 'schema', message };
  if (issues.some((i) => i.path[0] === 'choices')) return { ok: false, reason: 'empty-choices', message };
  if (issues.some((i) => i.path[0] === 'answer')) return { ok: false, reason: 'answer-not-in-choices', message };
  return { ok: false, reason: 'schema', message };
}

/** A check for a plain zod reply schema. */
export function checkWith<T>(schema: z.ZodType<T>): (value: unknown) => CheckResult<T> {
  return (value) => {
    const parsed = schema.safeParse(dropNulls(value));
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'schema', message: describeIssues(parsed.error) };
  };
}
