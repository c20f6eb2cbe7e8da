import { z } from 'zod';
import { Draft } from './draft.js';
import { Verdict } from './verdict.js';
import { FigureElement } from './rendered.js';

export const SampleKind = z.enum(['base', 'repaired', 'expanded', 'robustness']);
export type SampleKind = z.infer<typeof SampleKind>;

export const SampleStatus = z.enum(['pending', 'accepted', 'rejected', 'failed']);
export type SampleStatus = z.infer<typeof SampleStatus>;

export const TERMINAL_STATUSES: readonly SampleStatus[] = ['accepted', 'rejected', 'failed'];

/** Content-addressed image references (sha256 hex of the PNG bytes). */
export const SampleImages = z.object({
  original: z.string().regex(/^[0-9a-f]{64}$/),
  edited: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
});
export type SampleImages = z.infer<typeof SampleImages>;

/** A code attempt that failed in the sandbox, and the error the author was shown to fix it. */
export const RecoveryStep = z.object({
  stage: z.enum(['figure', 'interaction']),
  code: z.string(),
  error: z.string(),
  errorType: z.string(),
});
export type RecoveryStep = z.infer<typeof RecoveryStep>;

export const Usage = z.object({
  promptTokens: z.number().int().min(0).default(0),
  completionTokens: z.number().int().min(0).default(0),
  cost: z.number().min(0).default(0),
});
export type Usage = z.infer<typeof Usage>;

export const Provenance = z.object({
  provider: z.string(),
  models: z.record(z.string(), z.string()),
  promptVersions: z.record(z.string(), z.string()),
  usage: Usage,
  attempts: z.number().int().min(1),
});
export type Provenance = z.infer<typeof Provenance>;

export const Sample = z.object({
  id: z.string().min(1),
  round: z.number().int().min(1),
  parentId: z.string().nullable(),
  kind: SampleKind,
  depth: z.number().int().min(1).max(3),
  draft: Draft,
  images: SampleImages.nullable(),
  elements: z.array(FigureElement).default([]),
  verdicts: z.array(Verdict),
  status: SampleStatus,
  provenance: Provenance,
  recovery: z.array(RecoveryStep).default([]),
});
export type Sample = z.infer<typeof Sample>;
