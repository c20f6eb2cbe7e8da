import { z } from 'zod';
import { KnowledgePath } from './knowledge.js';

export const Difficulty = z.enum(['easy', 'medium', 'hard']);
export type Difficulty = z.infer<typeof Difficulty>;

export const ProblemType = z.enum(['multiple-choice', 'fill-in-the-blank']);
export type ProblemType = z.infer<typeof ProblemType>;

/** Code limits: generated code larger than this is refused before it reaches the sandbox. */
export const MAX_CODE_CHARS = 200_000;

export const Interaction = z.object({
  description: z.string().trim().min(1),
  code: z.string().min(1).max(MAX_CODE_CHARS),
});
export type Interaction = z.infer<typeof Interaction>;

/** Parameters an offline blueprint was built from, so an independent solver can recompute the answer. */
export const BlueprintRef = z.object({
  id: z.string().min(1),
  seed: z.number().int(),
  params: z.record(z.string(), z.unknown()),
});
export type BlueprintRef = z.infer<typeof BlueprintRef>;

/** What an author (LLM or offline blueprint) returns for one problem. */
export const Draft = z
  .object({
    knowledge: z.array(KnowledgePath).min(1),
    tools: z.array(z.string().trim().min(1).max(200)).min(1),
    difficulty: Difficulty,
    problemType: ProblemType,
    width: z.number().int().min(64).max(2048).default(512),
    height: z.number().int().min(64).max(2048).default(512),
    figureCode: z.string().min(1).max(MAX_CODE_CHARS),
    question: z.string().trim().min(1),
    choices: z.array(z.string().trim().min(1)).optional(),
    answer: z.string().trim().min(1),
    solution: z.string().trim().min(1),
    interactions: z.array(Interaction).min(1).max(3),
    expansion: z.enum(['parallel', 'sequential']).optional(),
    blueprint: BlueprintRef.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.problemType === 'multiple-choice') {
      if (!d.choices || d.choices.length < 2) {
        ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a multiple-choice problem needs at least 2 choices' });
      } else if (!choiceLetters(d.choices.length).includes(d.answer) && !d.choices.includes(d.answer)) {
        ctx.addIssue({ code: 'custom', path: ['answer'], message: 'the answer must be one of the choices (or its letter)' });
      }
    }
  });
export type Draft = z.infer<typeof Draft>;

export function choiceLetters(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
}
