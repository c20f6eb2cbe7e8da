import type { Sample } from '../schemas/sample.js';
import { splitReasoning } from './reasoning.js';

/** The language of all figure and interaction code (the sandbox's canvas visual-tool library). */
export const CODE_LANGUAGE = 'javascript';

/** What the sandbox returned for one code block: the edited image, or the error of a failed attempt. */
export type ToolResult = { image: string } | { error: { type: string; message: string } };

export interface TrajectoryStep {
  think: string;
  code: string;
  result: ToolResult;
}

/**
 * A format-neutral solving trajectory: the question with the original image, then think → code → sandbox
 * output steps, then the conclusion and the answer. Every format (CoT string, ShareGPT, ms-swift,
 * LLaMA-Factory) is rendered from this one shape.
 */
export interface Trajectory {
  id: string;
  sampleId: string;
  /** `solve`: the accepted path; `recovery`: failed attempts, the sandbox's errors and the fixes. */
  variant: 'solve' | 'recovery';
  question: string;
  image: string;
  steps: TrajectoryStep[];
  conclusion: string;
  answer: string;
}

/** The question as a solver reads it: the stem, then lettered choices for a multiple-choice problem. */
export function promptText(sample: Sample): string {
  const d = sample.draft;
  if (!d.choices?.length) return d.question;
  const options = d.choices.map((c, i) => `${String.fromCharCode(65 + i)}. ${c}`).join('\n');
  return `${d.question}\nChoices:\n${options}`;
}

function conclusionOf(after: string, answer: string): string {
  return after !== '' ? after : `Reading the result from the edited image, the answer is ${answer}.`;
}

/**
 * The accepted trajectory of a sample. `images` are the export paths of the original image and of each
 * edited image, in order (one per interaction).
 */
export function solveTrajectory(sample: Sample, images: { original: string; edited: string[] }): Trajectory {
  const d = sample.draft;
  const reasoning = splitReasoning(d.solution, d.interactions);
  return {
    id: sample.id,
    sampleId: sample.id,
    variant: 'solve',
    question: promptText(sample),
    image: images.original,
    steps: d.interactions.map((it, i) => ({ think: reasoning.before[i]!, code: it.code, result: { image: images.edited[i]! } })),
    conclusion: conclusionOf(reasoning.after, d.answer),
    answer: d.answer,
  };
}

function tokens(code: string): Set<string> {
  return new Set(code.split(/[^\p{L}\p{N}_$.]+/u).filter((t) => t !== ''));
}

/** Which interaction a failed attempt was meant to be: the final code sharing the most tokens with it. */
function attemptTarget(failed: string, finals: readonly string[]): number {
  const f = tokens(failed);
  let best = 0;
  let bestScore = -1;
  finals.forEach((code, i) => {
    const t = tokens(code);
    let shared = 0;
    for (const x of f) if (t.has(x)) shared++;
    const score = shared / Math.max(1, f.size + t.size - shared);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/**
 * The error-recovery trajectory of a sample (CodeVision style), or null when it has no failed
 * interaction attempt: each failed attempt is written, the sandbox returns its error text, and the
 * assistant writes the next attempt, until the accepted code returns the image. Failures of the figure
 * code are the author's, not the solver's, so they have no place here.
 */
export function recoveryTrajectory(solve: Trajectory, sample: Sample): Trajectory | null {
  const attempts = sample.recovery.filter((r) => r.stage === 'interaction');
  if (!attempts.length) return null;
  const finals = sample.draft.interactions.map((it) => it.code);
  const byTarget = new Map<number, typeof attempts>();
  for (const a of attempts) {
    const i = attemptTarget(a.code, finals);
    byTarget.set(i, [...(byTarget.get(i) ?? []), a]);
  }
  const steps: TrajectoryStep[] = [];
  solve.steps.forEach((step, i) => {
    const failed = byTarget.get(i) ?? [];
    failed.forEach((a, k) => {
      const think = k === 0 ? step.think : `The code failed with a ${a.errorType} error: ${firstLine(failed[k - 1]!.error)}. Let me fix it and run it again.`;
      steps.push({ think, code: a.code, result: { error: { type: a.errorType, message: a.error } } });
    });
    const lastFailure = failed.at(-1);
    steps.push(
      lastFailure ? { ...step, think: `The code failed with a ${lastFailure.errorType} error: ${firstLine(lastFailure.error)}. Let me fix it and run it again.` } : step,
    );
  });
  return { ...solve, id: `${solve.sampleId}-recovery`, variant: 'recovery', steps };
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? '').trim().slice(0, 300);
}
