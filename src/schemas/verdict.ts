import { z } from 'zod';

/** Rule checks and the paper's three judges. */
export const CheckerName = z.enum(['rules', 'qa-correctness', 'image-validity', 'interaction-consistency']);
export type CheckerName = z.infer<typeof CheckerName>;

export const Verdict = z.object({
  checker: CheckerName,
  score: z.number().int().min(0).max(10),
  pass: z.boolean(),
  reasons: z.array(z.string()),
});
export type Verdict = z.infer<typeof Verdict>;
