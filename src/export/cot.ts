import type { Sample } from '../schemas/sample.js';
import { CODE_LANGUAGE, type ToolResult, type Trajectory, type TrajectoryStep } from './trajectory.js';

/** The placeholder trainers replace with an image, in the order of the row's image list. */
export const IMAGE_TAG = '<image>';

/** An assistant turn that thinks, then writes code for the sandbox. */
export function codeTurn(step: Pick<TrajectoryStep, 'think' | 'code'>): string {
  return `<think>\n${step.think}\n</think>\n<code>\n\`\`\`${CODE_LANGUAGE}\n${step.code}\n\`\`\`\n</code>`;
}

/** What the sandbox hands back: the edited image, or the error text of a failed run. */
export function sandboxTurn(result: ToolResult): string {
  if ('image' in result) return `<sandbox_output>${IMAGE_TAG}</sandbox_output>`;
  return `<sandbox_output>Error (${result.error.type}): ${result.error.message}</sandbox_output>`;
}

/** The closing assistant turn: the conclusion and the answer. */
export function answerTurn(t: Pick<Trajectory, 'conclusion' | 'answer'>): string {
  return `<think>\n${t.conclusion}\n</think>\n<answer>${t.answer}</answer>`;
}

/** V-Interaction's `CoT_with_code`: think/code/sandbox_output blocks in order, ending with the answer. */
export function cotWithCode(t: Trajectory): string {
  return [...t.steps.flatMap((s) => [codeTurn(s), sandboxTurn(s.result)]), answerTurn(t)].join('\n');
}

/** The image paths a trajectory's `<image>` tags stand for, in order: the original, then each returned image. */
export function trajectoryImages(t: Trajectory): string[] {
  return [t.image, ...t.steps.flatMap((s) => ('image' in s.result ? [s.result.image] : []))];
}

/** Whether any text of the sample that reaches a trajectory contains the image placeholder itself. */
export function hasImageTag(sample: Sample): boolean {
  const d = sample.draft;
  const texts = [d.question, d.solution, d.answer, ...(d.choices ?? []), ...d.interactions.flatMap((i) => [i.code, i.description]), ...sample.recovery.flatMap((r) => [r.code, r.error])];
  return texts.some((t) => t.includes(IMAGE_TAG));
}
