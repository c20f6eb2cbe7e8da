import type { Draft } from '../schemas/draft.js';
import { drawingInstruction } from '../../checkers/drawing-instructions.js';
import { rebuild } from './instance.js';

/** Drops the sentences of a question that tell the solver to draw. */
function withoutInstructions(question: string): string {
  return question
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => !drawingInstruction(sentence))
    .join(' ')
    .trim();
}

/**
 * Offline repair of a sample whose images passed but whose question/answer failed: a blueprint draft is
 * rewritten from its parameters (question, choices, answer and solution recomputed);
 * another draft only loses sentences that tell the solver to draw. Null when nothing can be repaired.
 */
export function repairOffline(draft: Draft): Draft | null {
  const clean = rebuild(draft);
  if (clean) return { ...clean, knowledge: draft.knowledge };
  const question = withoutInstructions(draft.question);
  return question && question !== draft.question ? { ...draft, question } : null;
}
