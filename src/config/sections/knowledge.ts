import { z } from 'zod';

export const KnowledgeSettings = z
  .object({
    embeddingDim: z.number().int().min(16).max(4096).default(256),
    /** Cosine similarity at or above which a candidate merges into an existing node (or two candidates into one). */
    mergeThreshold: z.number().min(0).max(1).default(0.9),
    /** Similarity for the final tool consolidation (the paper merges tools at 0.3 distance). */
    toolMergeThreshold: z.number().min(0).max(1).default(0.7),
    maxDepth: z.number().int().min(2).max(7).default(7),
    /** Nearest nodes that vote for the parent of a candidate placed by similarity alone. */
    neighbours: z.number().int().min(1).max(50).default(5),
    /** An unanchored path founds a new domain only when nothing in the tree is at least this similar. */
    newDomainSimilarity: z.number().min(0).max(1).default(0.35),
    /** New siblings are grouped under intermediate nodes when a parent would have more children than this... */
    maxChildren: z.number().int().min(4).max(1000).default(24),
    /** ...and at least this many new ones arrived in the round. */
    groupMinNew: z.number().int().min(2).max(1000).default(8),
    /** Smallest group that becomes an intermediate node; smaller groups stay direct children. */
    minGroupSize: z.number().int().min(2).max(100).default(3),
    /** Planner: share of knowledge-mode items that combine 2-3 points from related branches. */
    compositionalShare: z.number().min(0).max(1).default(0.3),
    /** Planner: nodes added in the last `recentRounds` rounds are `recentBoost` times as likely to be picked. */
    recentRounds: z.number().int().min(0).max(100).default(2),
    recentBoost: z.number().min(1).max(100).default(2),
  })
  .strict();
export type KnowledgeSettings = z.infer<typeof KnowledgeSettings>;
