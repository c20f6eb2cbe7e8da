import { choiceLetters, type Draft } from '../schemas/draft.js';
import { numericValue } from '../../checkers/answer-match.js';
import { num } from './format.js';
import { unitHash } from '../pipeline/unit-hash.js';

/**
 * The offline author stands in for an LLM author, and LLM authors make mistakes that the calibration
 * stage exists to catch. So a configurable share of offline drafts carries one typical defect, which
 * drives every path of the flywheel offline: a question that tells the solver to draw (rules → repair),
 * a wrong answer (Q/A judge → repair), broken figure code (sandbox error → code fix) or an interaction
 * that changes nothing (rules → reject).
 */
export type Flaw = 'drawing-instruction' | 'wrong-answer' | 'code-error' | 'inert-interaction';

const WEIGHTS: [Flaw, number][] = [
  ['drawing-instruction', 0.3],
  ['wrong-answer', 0.3],
  ['code-error', 0.25],
  ['inert-interaction', 0.15],
];

/** Which defect (if any) the draft identified by `key` gets; deterministic. */
export function pickFlaw(key: string, rate: number): Flaw | undefined {
  if (unitHash(`${key}/flaw`) >= rate) return undefined;
  let u = unitHash(`${key}/flaw-kind`);
  for (const [flaw, w] of WEIGHTS) {
    if (u < w) return flaw;
    u -= w;
  }
  return WEIGHTS.at(-1)![0];
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function wrongAnswer(draft: Draft): Draft | undefined {
  if (draft.problemType === 'multiple-choice' && draft.choices) {
    const letters = choiceLetters(draft.choices.length);
    const i = letters.indexOf(draft.answer);
    return i < 0 ? undefined : { ...draft, answer: letters[(i + 1) % letters.length]! };
  }
  const v = numericValue(draft.answer);
  if (v === undefined) return undefined;
  return { ...draft, answer: num(v + Math.max(1, Math.round(Math.abs(v) * 0.1))) };
}

function brokenCode(draft: Draft): Draft | undefined {
  const m = /vt\.([A-Za-z]{3,})\(/.exec(draft.figureCode);
  if (!m) return undefined;
  const typo = `vt.${m[1]!.slice(0, -1)}(`;
  return { ...draft, figureCode: draft.figureCode.slice(0, m.index) + typo + draft.figureCode.slice(m.index + m[0].length) };
}

/** The draft with the defect applied; falls back to a drawing instruction when a defect does not fit it. */
export function applyFlaw(draft: Draft, flaw: Flaw): Draft {
  const last = draft.interactions.length - 1;
  const flawed =
    flaw === 'wrong-answer'
      ? wrongAnswer(draft)
      : flaw === 'code-error'
        ? brokenCode(draft)
        : flaw === 'inert-interaction'
          ? { ...draft, interactions: draft.interactions.map((it, i) => (i === last ? { ...it, code: 'vt.export({});' } : it)) }
          : undefined;
  return flawed ?? { ...draft, question: `First, ${lowerFirst(draft.interactions[0]!.description).replace(/\.$/, '')}. ${draft.question}` };
}
