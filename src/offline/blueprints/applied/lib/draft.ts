import { createRng } from '../../../rng.js';
import { makeChoices } from '../../../format.js';

/** Multiple-choice fields; the options are shuffled by a stream derived from the instance seed, so `build` stays pure. */
export function multipleChoice(correct: string, distractors: readonly string[], seed: number, tag: string) {
  const { choices, answer } = makeChoices(correct, distractors, createRng(`${seed}/${tag}`));
  return { problemType: 'multiple-choice' as const, choices, answer };
}

export function fillIn(answer: string) {
  return { problemType: 'fill-in-the-blank' as const, answer };
}

/** A solution as numbered steps. */
export function numbered(steps: readonly string[]): string {
  return steps.map((s, i) => `${i + 1}. ${s}`).join('\n');
}

/** Generated code from its lines. */
export function lines(...ls: readonly string[]): string {
  return ls.join('\n');
}

/** The instance seed every blueprint keeps in its parameters (it drives choice shuffling). */
export function instanceSeed(rng: { int(lo: number, hi: number): number }): number {
  return rng.int(1, 999_999);
}

export type AnswerFields = ReturnType<typeof fillIn> | ReturnType<typeof multipleChoice>;

/** The closing solution step: the value, and for multiple choice also its letter. */
export function answerLine(a: AnswerFields): string {
  if (a.problemType === 'fill-in-the-blank') return `Answer: ${a.answer}.`;
  return `Answer: ${a.choices['ABCDEFGH'.indexOf(a.answer)]} (option ${a.answer}).`;
}
