import { z } from 'zod';
import { Draft } from '../schemas/draft.js';
import { FigureElement } from '../schemas/rendered.js';
import { RecoveryStep, SampleKind, Usage } from '../schemas/sample.js';
import { Verdict } from '../schemas/verdict.js';

/** Job payloads cross processes and machines through Redis, so every processor validates what it receives. */

const Hash = z.string().regex(/^[0-9a-f]{64}$/);

export const PlanItem = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('knowledge'),
    points: z.array(z.object({ id: z.string(), path: z.array(z.string()).min(1), description: z.string().optional() })).min(1),
  }),
  z.object({
    mode: z.literal('tool'),
    tools: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })).min(1),
  }),
]);
export type PlanItem = z.infer<typeof PlanItem>;

export const BBox = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });

export const StepStats = z.object({
  inkFraction: z.number(),
  inkBBox: BBox.nullable(),
  changedFraction: z.number().optional(),
  changedBBox: BBox.nullable().optional(),
  width: z.number().int(),
  height: z.number().int(),
});
export type StepStats = z.infer<typeof StepStats>;

/** What rendering produced, by image hash: index 0 of `stats` is the original, then one per interaction. */
export const RenderOutput = z.object({
  original: Hash,
  steps: z.array(Hash),
  stats: z.array(StepStats),
  consoleErrors: z.array(z.string()),
  elements: z.array(FigureElement),
  state: z.record(z.string(), z.unknown()),
  ms: z.number(),
});
export type RenderOutput = z.infer<typeof RenderOutput>;

/** One LLM call's usage, recorded per role and model by the store stage. */
/** One LLM call's usage; `share` < 1 when one call produced several samples and is split among them. */
export const UsageNote = z.object({ role: z.string(), model: z.string(), usage: Usage, cached: z.boolean(), share: z.number().gt(0).max(1).optional() });
export type UsageNote = z.infer<typeof UsageNote>;

/** A sample on its way through the stages, with everything the store stage will need. */
export const SampleEnvelope = z.object({
  id: z.string().min(1),
  round: z.number().int().min(1),
  parentId: z.string().nullable(),
  rootId: z.string(),
  kind: SampleKind,
  depth: z.number().int().min(1).max(3),
  draft: Draft,
  codeAttempts: z.number().int().min(0),
  repairAttempts: z.number().int().min(0),
  recovery: z.array(RecoveryStep),
  /** Every LLM call made for this sample so far (the store stage writes them to llm_usage). */
  calls: z.array(UsageNote),
  provider: z.string(),
  models: z.record(z.string(), z.string()),
  promptVersions: z.record(z.string(), z.string()),
  /** The parent's render, for children whose first steps are the parent's: only new steps are rendered. */
  base: RenderOutput.optional(),
});
export type SampleEnvelope = z.infer<typeof SampleEnvelope>;

export const RenderFailure = z.object({
  stage: z.enum(['figure', 'interaction']),
  index: z.number().int().min(0),
  type: z.string(),
  message: z.string(),
  line: z.number().optional(),
});
export type RenderFailure = z.infer<typeof RenderFailure>;

export const GenerateData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), round: z.number().int().min(1), unitId: z.string(), item: PlanItem, seed: z.number().int() }),
  z.object({ kind: z.literal('fix'), round: z.number().int().min(1), sample: SampleEnvelope, failure: RenderFailure }),
]);
export type GenerateData = z.infer<typeof GenerateData>;

export const RenderData = z.object({ round: z.number().int().min(1), sample: SampleEnvelope });
export type RenderData = z.infer<typeof RenderData>;

export const CheckData = z.object({ round: z.number().int().min(1), sample: SampleEnvelope, render: RenderOutput });
export type CheckData = z.infer<typeof CheckData>;

export const RepairData = CheckData.extend({ verdicts: z.array(Verdict) });
export type RepairData = z.infer<typeof RepairData>;

export const ExpandData = CheckData.extend({ mode: z.enum(['parallel', 'sequential', 'rotate90', 'rotate180', 'rotate270', 'flipH', 'flipV']) });
export type ExpandData = z.infer<typeof ExpandData>;

export const FailureNote = z.object({ stage: z.string(), reason: z.string(), message: z.string(), attempt: z.number().int().min(1).default(1), detail: z.unknown().optional() });
export type FailureNote = z.infer<typeof FailureNote>;

export const StoreData = z.object({
  round: z.number().int().min(1),
  /** The sample to store; absent when only failures and usage are recorded (e.g. a generate call that failed). */
  sample: SampleEnvelope.optional(),
  status: z.enum(['accepted', 'rejected', 'failed']).optional(),
  verdicts: z.array(Verdict).default([]),
  render: RenderOutput.nullable().default(null),
  failures: z.array(FailureNote).default([]),
  usage: z.array(UsageNote).default([]),
});
export type StoreData = z.infer<typeof StoreData>;
