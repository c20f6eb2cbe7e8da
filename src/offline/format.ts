import { choiceLetters } from '../schemas/draft.js';
import type { Rng } from './rng.js';

/** A number as blueprints print it: at most `digits` decimals, no trailing zeros, no "-0". */
export function num(x: number, digits = 2): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  const s = x.toFixed(digits).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** A pixel coordinate in generated code (one decimal is plenty on a 512 px canvas). */
export function px(x: number): string {
  return num(x, 1);
}

/** `{ x, y }` as a JS literal for generated code. */
export function pt(p: { x: number; y: number }): string {
  return `{ x: ${px(p.x)}, y: ${px(p.y)} }`;
}

/** A JS string literal for generated code. */
export function str(s: string): string {
  return JSON.stringify(s);
}

/**
 * Multiple-choice options: the correct answer among distinct distractors, in a shuffled order.
 * Returns the options and the letter of the correct one.
 */
export function makeChoices(correct: string, distractors: readonly string[], rng: Rng, count = 4): { choices: string[]; answer: string } {
  const pool = [...new Set(distractors.filter((d) => d !== correct))];
  if (pool.length < count - 1) throw new Error(`need ${count - 1} distinct distractors for "${correct}", got ${pool.length}`);
  const choices = rng.shuffle([correct, ...rng.sample(pool, count - 1)]);
  return { choices, answer: choiceLetters(count)[choices.indexOf(correct)]! };
}

/** Plausible numeric distractors around a value: off-by-steps, halves and doubles, kept positive and distinct. */
export function numericDistractors(value: number, opts: { step?: number; digits?: number; unit?: string; min?: number } = {}): string[] {
  const step = opts.step ?? Math.max(1, Math.round(Math.abs(value) * 0.15));
  const digits = opts.digits ?? 2;
  const unit = opts.unit ?? '';
  const min = opts.min ?? 0;
  const raw = [value + step, value - step, value + 2 * step, value - 2 * step, value * 2, value / 2, value + 3 * step];
  const seen = new Set([num(value, digits)]);
  const out: string[] = [];
  for (const v of raw) {
    const s = num(v, digits);
    if (v <= min || seen.has(s)) continue;
    seen.add(s);
    out.push(`${s}${unit}`);
  }
  return out;
}
