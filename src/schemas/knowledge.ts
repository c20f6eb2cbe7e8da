import { z } from 'zod';

/** A hierarchy path, root (domain) first. Names are trimmed, non-empty, free of control characters. */
export const NodeName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

export const KnowledgePath = z.array(NodeName).min(1).max(7, 'a path has at most 7 levels');
export type KnowledgePath = z.infer<typeof KnowledgePath>;

export const NodeSource = z.enum(['seed', 'imported', 'generated']);

export const KnowledgeNode = z.object({
  id: z.string().min(1),
  name: NodeName,
  path: KnowledgePath,
  parentId: z.string().nullable(),
  level: z.number().int().min(1).max(7),
  domain: NodeName,
  source: NodeSource,
  roundAdded: z.number().int().min(0),
  aliases: z.array(z.string()).default([]),
  description: z.string().optional(),
  embedding: z.instanceof(Float32Array).optional(),
});
export type KnowledgeNode = z.infer<typeof KnowledgeNode>;
