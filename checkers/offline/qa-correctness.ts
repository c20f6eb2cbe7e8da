import type { Draft } from '../../src/schemas/draft.js';
import type { Verdict } from '../../src/schemas/verdict.js';
import { blueprintOf } from '../../src/offline/instance.js';
import { answerText, answersMatch, numericValue } from '../answer-match.js';

/**
 * Offline question/answer correctness. A blueprint draft is re-solved from its parameters by the
 * blueprint's independent solver and must match exactly (strict, as the paper's checker). A draft from
 * an LLM author cannot be re-solved offline: it only passes when its solution arrives at the stated
 * answer, and the verdict says that this is a consistency check, not a recomputation.
 */
export function judgeQaOffline(draft: Draft): Omit<Verdict, 'pass'> {
  const given = answerText(draft);
  if (draft.blueprint) {
    const b = blueprintOf(draft);
    if (!b) return { checker: 'qa-correctness', score: 0, reasons: [`unknown blueprint "${draft.blueprint.id}": the answer cannot be recomputed`] };
    let expected: string;
    try {
      expected = b.solve(draft.blueprint.params);
    } catch (err) {
      return { checker: 'qa-correctness', score: 0, reasons: [`the solver failed on the draft's parameters: ${(err as Error).message}`] };
    }
    return answersMatch(expected, given)
      ? { checker: 'qa-correctness', score: 10, reasons: [] }
      : { checker: 'qa-correctness', score: 2, reasons: [`the answer "${given}" differs from the independently recomputed "${expected}"`] };
  }
  const tail = draft.solution.split(/\n|(?<=[.!?])\s+/).slice(-3).join(' ');
  const value = numericValue(given);
  const numbers = tail.match(/-?\d+(?:\.\d+)?(?:\s*\/\s*\d+)?/g) ?? [];
  const reached = value !== undefined ? numbers.some((n) => answersMatch(given, n)) : tail.toLowerCase().includes(given.trim().toLowerCase());
  return reached
    ? { checker: 'qa-correctness', score: 7, reasons: ['offline consistency check only (no independent recomputation): the solution arrives at the stated answer'] }
    : { checker: 'qa-correctness', score: 3, reasons: [`the solution does not arrive at the stated answer "${given}"`] };
}
