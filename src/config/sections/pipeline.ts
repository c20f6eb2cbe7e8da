import { z } from 'zod';

export const PipelineSettings = z
  .object({
    rounds: z.number().int().min(1).default(1),
    /** Author calls planned per round (each returns `problemsPerCall` problems). */
    perRound: z.number().int().min(1).default(16),
    problemsPerCall: z.number().int().min(1).max(6).default(3),
    seed: z.number().int().default(1),
    passThreshold: z.number().int().min(0).max(10).default(7),
    repairAttempts: z.number().int().min(0).max(5).default(2),
    codeRepairAttempts: z.number().int().min(0).max(5).default(2),
    maxDepth: z.number().int().min(1).max(3).default(3),
    expand: z.boolean().default(true),
    parallelShare: z.number().min(0).max(1).default(0.5),
    toolDrivenShare: z.number().min(0).max(1).default(0.3),
  })
  .strict();
export type PipelineSettings = z.infer<typeof PipelineSettings>;
