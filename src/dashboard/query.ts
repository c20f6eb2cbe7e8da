import { z } from 'zod';
import { SampleKind, SampleStatus } from '../schemas/sample.js';
import { HttpError } from './http-error.js';

/** An empty form field means "any". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const PAGE_SIZE = 24;

/** The gallery's query string, validated: a bad value is a 400 that names the field. */
export const GalleryQuery = z.object({
  round: optional(whole(1, 1_000_000)),
  status: optional(SampleStatus),
  kind: optional(SampleKind),
  domain: optional(z.string().max(200)),
  depth: optional(whole(1, 3)),
  minScore: optional(whole(0, 10)),
  q: optional(z.string().max(500)),
  node: optional(z.string().regex(/^k_[0-9a-f]{16}$/, 'must be a knowledge node id')),
  page: optional(whole(1, 1_000_000)),
});
export type GalleryQuery = z.infer<typeof GalleryQuery>;

export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const r = schema.safeParse(query);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`);
  throw new HttpError(400, `invalid filter: ${problems.join('; ')}`);
}
