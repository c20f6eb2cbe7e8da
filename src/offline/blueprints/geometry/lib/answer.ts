import { makeChoices, num } from '../../../format.js';
import { createRng } from '../../../rng.js';
import type { BlueprintDraft } from '../../../blueprint.js';

/** A computed value as an answer: snapped to 1e-6 first so two routes to the same value print the same digits. */
export function value(x: number, digits = 2): string {
  return num(Math.round(x * 1e6) / 1e6, digits);
}

export function degrees(x: number, digits = 2): string {
  return `${value(x, digits)}°`;
}

/** How an instance presents its answer: fill-in, or multiple choice shuffled by its own seed. */
export type AnswerStyle = {
  mc: boolean;
  choiceSeed: number;
};

export type AnswerBlock = Pick<BlueprintDraft, 'problemType' | 'choices' | 'answer'>;

export function answerBlock(style: AnswerStyle, correct: string, distractors: readonly string[]): AnswerBlock {
  if (!style.mc) return { problemType: 'fill-in-the-blank', answer: correct };
  const { choices, answer } = makeChoices(correct, distractors, createRng(`choices/${style.choiceSeed}`));
  return { problemType: 'multiple-choice', choices, answer };
}

/** Numbered solution steps ending with the answer (and its letter for multiple choice). */
export function solutionText(steps: readonly string[], block: AnswerBlock, correct: string): string {
  const final = block.problemType === 'multiple-choice' ? `The answer is ${block.answer} (${correct}).` : `The answer is ${correct}.`;
  return [...steps, final].map((s, i) => `${i + 1}. ${s}`).join('\n');
}
