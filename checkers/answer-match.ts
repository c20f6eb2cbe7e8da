import { choiceLetters, type Draft } from '../src/schemas/draft.js';

/** The answer as text: for multiple choice, the option its letter points at. */
export function answerText(draft: Pick<Draft, 'problemType' | 'choices' | 'answer'>): string {
  if (draft.problemType !== 'multiple-choice' || !draft.choices) return draft.answer;
  const i = choiceLetters(draft.choices.length).indexOf(draft.answer.trim());
  return i >= 0 ? draft.choices[i]! : draft.answer;
}

const UNIT = /(°|degrees?|deg|cm²|cm\^2|m²|m\^2|units?²|square units?|sq\.? units?|units?|cm|mm|km|m\/s²|m\/s|m|s|kg|N|Ω|ohms?|V|A|%|\$|km\/h)$/i;

/** A number read from an answer like "40°", "7.5 cm", "1/3", "-2"; undefined for non-numeric answers. */
export function numericValue(s: string): number | undefined {
  let t = s.trim().replace(/,/g, '').replace(/^\$/, '').replace(/\s+/g, ' ');
  for (let i = 0; i < 2; i++) t = t.replace(UNIT, '').trim();
  const frac = /^(-?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (frac) return Number(frac[1]) / Number(frac[2]);
  if (!/^-?(\d+(\.\d*)?|\.\d+)(e-?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

function normText(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_-]+/g, ' ').replace(/[.。]$/, '');
}

/**
 * Whether a given answer matches the expected one: numerically (relative 1e-6 or absolute 0.01, units
 * and formatting ignored) when both are numbers, otherwise as normalised text.
 */
export function answersMatch(expected: string, given: string): boolean {
  const a = numericValue(expected);
  const b = numericValue(given);
  if (a !== undefined && b !== undefined) return Math.abs(a - b) <= Math.max(0.01, 1e-6 * Math.abs(a));
  return normText(expected) === normText(given);
}
