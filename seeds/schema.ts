import { z } from 'zod';
import { KnowledgePath, NodeName } from '../src/schemas/knowledge.js';

/** seeds/knowledge.json: knowledge points given by their full path; every prefix becomes a node. */
export const KnowledgeSeedFile = z.object({
  version: z.literal(1),
  points: z
    .array(
      z.object({
        path: KnowledgePath.min(2, 'a knowledge point needs at least a domain and a name'),
        description: z.string().trim().min(1).max(600).optional(),
        aliases: z.array(NodeName).optional(),
      }),
    )
    .min(1),
});
export type KnowledgeSeedFile = z.infer<typeof KnowledgeSeedFile>;

export const ToolCategory = z.enum(['construction', 'annotation', 'measurement', 'region', 'image-operation', 'chart', 'navigation']);

/** seeds/tools.json: the initial visual tool set. */
export const ToolSeedFile = z.object({
  version: z.literal(1),
  tools: z
    .array(
      z.object({
        name: NodeName,
        category: ToolCategory,
        description: z.string().trim().min(10).max(600),
        aliases: z.array(NodeName).optional(),
      }),
    )
    .min(1),
});
export type ToolSeedFile = z.infer<typeof ToolSeedFile>;
