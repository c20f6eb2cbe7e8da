import { choiceLetters, type Draft } from '../src/schemas/draft.js';
import type { Verdict } from '../src/schemas/verdict.js';
import type { RenderOutput } from '../src/pipeline/payloads.js';
import { drawingInstruction } from './drawing-instructions.js';

export const RULE_LIMITS = {
  /** Below this share of non-background pixels a figure counts as blank. */
  minInk: 0.002,
  /** An interaction must change at least this share of pixels... */
  minChange: 0.0003,
  /** ...and, unless it is a whole-image operation, at most this share. */
  maxChange: 0.85,
  maxCodeChars: 60_000,
};

const IMAGE_OPERATION = /\bvt\.(rotate|flip|crop|zoom)\s*\(/;

export interface RuleOutcome {
  verdict: Verdict;
  /** True when every failed rule is about the question/answer (so the images may still be good and the sample repairable). */
  qaOnly: boolean;
}

/** Deterministic checks every sample must pass before any judge looks at it. */
export function ruleCheck(draft: Draft, render: RenderOutput): RuleOutcome {
  const qa: string[] = [];
  const other: string[] = [];
  const fig = render.stats[0];
  if (!fig || fig.inkFraction < RULE_LIMITS.minInk) other.push(`figure is blank (ink ${(fig?.inkFraction ?? 0).toFixed(4)})`);
  draft.interactions.forEach((it, i) => {
    const st = render.stats[i + 1];
    if (!st) {
      other.push(`interaction ${i + 1} has no rendered image`);
      return;
    }
    const changed = st.changedFraction ?? 0;
    if (changed < RULE_LIMITS.minChange) other.push(`interaction ${i + 1} changed no visible pixels`);
    const resized = st.width !== (render.stats[i]?.width ?? st.width) || st.height !== (render.stats[i]?.height ?? st.height);
    if (changed > RULE_LIMITS.maxChange && !resized && !IMAGE_OPERATION.test(it.code)) {
      other.push(`interaction ${i + 1} changed ${(100 * changed).toFixed(0)}% of the image (redrew everything?)`);
    }
    if (it.code.length > RULE_LIMITS.maxCodeChars) other.push(`interaction ${i + 1} code is ${it.code.length} characters (limit ${RULE_LIMITS.maxCodeChars})`);
  });
  if (draft.figureCode.length > RULE_LIMITS.maxCodeChars) other.push(`figure code is ${draft.figureCode.length} characters (limit ${RULE_LIMITS.maxCodeChars})`);
  if (render.consoleErrors.length > 0) other.push(`console errors while rendering: ${render.consoleErrors.slice(0, 3).join(' | ').slice(0, 300)}`);

  if (draft.answer.trim() === '') qa.push('answer is empty');
  if (draft.problemType === 'multiple-choice') {
    const choices = draft.choices ?? [];
    if (choices.length < 2) qa.push('multiple choice without at least two choices');
    if (new Set(choices.map((c) => c.trim().toLowerCase())).size !== choices.length) qa.push('choices are not distinct');
    if (!choiceLetters(choices.length).includes(draft.answer) && !choices.includes(draft.answer)) qa.push(`answer "${draft.answer}" is not among the choices`);
  }
  const instruction = drawingInstruction(draft.question);
  if (instruction) qa.push(`question tells the solver to draw ("${instruction}")`);

  const reasons = [...other, ...qa];
  return {
    verdict: { checker: 'rules', score: Math.max(0, 10 - 3 * reasons.length), pass: reasons.length === 0, reasons },
    qaOnly: other.length === 0 && qa.length > 0,
  };
}
