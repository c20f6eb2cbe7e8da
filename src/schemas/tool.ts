import { z } from 'zod';
import { NodeName, NodeSource } from './knowledge.js';

export const Tool = z.object({
  id: z.string().min(1),
  name: NodeName,
  description: z.string().max(2000),
  category: z.string().optional(),
  roundAdded: z.number().int().min(0),
  source: NodeSource,
  uses: z.number().int().min(0).default(0),
  aliases: z.array(z.string()).default([]),
  embedding: z.instanceof(Float32Array).optional(),
});
export type Tool = z.infer<typeof Tool>;
