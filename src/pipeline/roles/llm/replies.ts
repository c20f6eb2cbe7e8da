import { z } from 'zod';
import { Draft, Interaction, MAX_CODE_CHARS, ProblemType } from '../../../schemas/draft.js';
import { KnowledgePath, NodeName } from '../../../schemas/knowledge.js';

/** The reply each LLM role must give, as zod schemas (validation) and JSON Schemas (request and prompt). */

/** A JSON Schema for the prompt and `response_format`, without zod's bookkeeping keys. */
function jsonSchema(schema: z.ZodType, omit: string[] = []): Record<string, unknown> {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete js.$schema;
  const props = js.properties as Record<string, unknown> | undefined;
  if (props) for (const k of omit) delete props[k];
  if (Array.isArray(js.required)) js.required = js.required.filter((k: string) => !omit.includes(k));
  return js;
}

/** One authored problem: a Draft without the offline author's bookkeeping. */
const problemJsonSchema = jsonSchema(Draft, ['blueprint', 'expansion']);

/** The author's envelope; each problem is then validated on its own, so one bad problem does not sink the others. */
export const AuthorReply = z.object({ problems: z.array(z.unknown()).min(1) });
export const authorJsonSchema = {
  type: 'object',
  properties: { problems: { type: 'array', minItems: 1, items: problemJsonSchema } },
  required: ['problems'],
};

export const FixReply = z.object({ code: z.string().min(1).max(MAX_CODE_CHARS), explanation: z.string().default('') });
export const fixJsonSchema = jsonSchema(FixReply);

const Reasons = z.array(z.string().trim().min(1)).min(1);
export const JudgeReply = z.object({ score: z.number().int().min(0).max(10), reasons: Reasons });
export const judgeJsonSchema = jsonSchema(JudgeReply);
/** The Q/A judge also gives the answer it computed on its own, compared with the stated one. */
export const QaReply = JudgeReply.extend({ answer: z.string().trim().min(1) });
export const qaJsonSchema = jsonSchema(QaReply);

const QuestionPart = {
  question: z.string().trim().min(1),
  problemType: ProblemType,
  choices: z.array(z.string().trim().min(1)).optional(),
  answer: z.string().trim().min(1),
  solution: z.string().trim().min(1),
};

/** One object (not a union) so endpoints that want an object at the root of `json_schema` accept it. */
export const RepairReply = z
  .object({
    repairable: z.boolean(),
    reason: z.string().trim().min(1),
    question: QuestionPart.question.optional(),
    problemType: QuestionPart.problemType.optional(),
    choices: QuestionPart.choices,
    answer: QuestionPart.answer.optional(),
    solution: QuestionPart.solution.optional(),
  })
  .superRefine((r, ctx) => {
    if (!r.repairable) return;
    for (const k of ['question', 'problemType', 'answer', 'solution'] as const) {
      if (r[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `required when repairable is true` });
    }
  });
export const repairJsonSchema = jsonSchema(RepairReply);

export const ExpandReply = z.object({
  ...QuestionPart,
  interaction: Interaction,
  tools: z.array(z.string().trim().min(1).max(200)).min(1),
  knowledge: z.array(KnowledgePath).default([]),
});
export const expandJsonSchema = jsonSchema(ExpandReply);

export const NameReply = z.object({ name: NodeName });
export const nameJsonSchema = jsonSchema(NameReply);
