import type { Sample } from '../schemas/sample.js';
import { PATH_SEPARATOR } from '../store/knowledge.js';
import { cotWithCode } from './cot.js';
import { CODE_LANGUAGE, promptText, type Trajectory } from './trajectory.js';

/** One V-Interaction row: the paper's eight fields, then ours. */
export interface VInteractionRow {
  id: string;
  question: string;
  image: string;
  original_img_code: string;
  edited_image: string;
  tool_code: string;
  CoT_with_code: string;
  answer: string;
  code_language: string;
  edited_images: string[];
  tool_codes: string[];
  interaction_descriptions: string[];
  choices: string[] | null;
  problem_type: string;
  knowledge: string[];
  tools: string[];
  difficulty: string;
  kind: string;
  depth: number;
  parent_id: string | null;
  round: number;
  scores: Record<string, number>;
}

/**
 * `edited_image` and `tool_code` are the last step: the image the answer is read from and the code that
 * produced it. The whole chain is in `edited_images[]` / `tool_codes[]` (step i's code runs on step i-1's
 * image, step 0's on `image`), present on every row so the columns are the same for all rows.
 */
export function vInteractionRow(sample: Sample, solve: Trajectory): VInteractionRow {
  const d = sample.draft;
  const edited = solve.steps.map((s) => ('image' in s.result ? s.result.image : ''));
  return {
    id: sample.id,
    question: promptText(sample),
    image: solve.image,
    original_img_code: d.figureCode,
    edited_image: edited.at(-1)!,
    tool_code: d.interactions.at(-1)!.code,
    CoT_with_code: cotWithCode(solve),
    answer: d.answer,
    code_language: CODE_LANGUAGE,
    edited_images: edited,
    tool_codes: d.interactions.map((it) => it.code),
    interaction_descriptions: d.interactions.map((it) => it.description),
    choices: d.choices ?? null,
    problem_type: d.problemType,
    knowledge: d.knowledge.map((p) => p.join(PATH_SEPARATOR)),
    tools: d.tools,
    difficulty: d.difficulty,
    kind: sample.kind,
    depth: sample.depth,
    parent_id: sample.parentId,
    round: sample.round,
    scores: Object.fromEntries(sample.verdicts.map((v) => [v.checker, v.score])),
  };
}
