import { z } from 'zod';

export const KnowledgeSettings = z
  .object({
    embeddingDim: z.number().int().min(16).max(4096).default(256),
    /** Cosine similarity at or above which a candidate merges into an existing node. */
    mergeThreshold: z.number().min(0).max(1).default(0.9),
    /** Similarity for the final tool consolidation (the paper merges tools at 0.3 distance). */
    toolMergeThreshold: z.number().min(0).max(1).default(0.7),
    maxDepth: z.number().int().min(2).max(7).default(7),
  })
  .strict();
export type KnowledgeSettings = z.infer<typeof KnowledgeSettings>;
