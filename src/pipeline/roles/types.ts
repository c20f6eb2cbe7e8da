import type { Draft } from '../../schemas/draft.js';
import type { Verdict } from '../../schemas/verdict.js';
import type { PlanItem, RenderFailure, RenderOutput, UsageNote } from '../payloads.js';
import type { ClusterNamer, Embedder } from '../../../knowledge/contracts.js';

/** Where a call is accounted: the round and, when known, the sample. */
export interface CallMeta {
  round: number;
  sampleId?: string;
}

export interface AuthorResult {
  drafts: Draft[];
  /** Problems the author returned that failed validation, with the reason recorded as a failure. */
  rejected: { index: number; reason: string; message: string }[];
  calls: UsageNote[];
  promptVersion: string;
}

export interface Revision {
  draft: Draft | null;
  calls: UsageNote[];
  promptVersion: string;
}

export interface JudgeInput {
  draft: Draft;
  render: RenderOutput;
  /** PNG bytes of the original (index 0) and each edited image, fetched only by judges that look. */
  images(): Promise<Buffer[]>;
  meta: CallMeta;
}

export interface Judgement {
  verdict: Omit<Verdict, 'pass'>;
  calls: UsageNote[];
  promptVersion: string;
}

export type ExpansionMode = 'parallel' | 'sequential';
export type RobustnessTransform = 'rotate90' | 'rotate180' | 'rotate270' | 'flipH' | 'flipV';

/**
 * The creative and judging roles as the workers see them. Each role is backed by an
 * OpenAI-compatible endpoint when one is configured for it, and by the offline implementation otherwise.
 */
export interface Roles {
  /** provider/model per role, recorded in every sample's provenance. */
  models: Record<string, string>;
  provider: string;
  author: {
    generate(item: PlanItem, count: number, seed: number, meta: CallMeta): Promise<AuthorResult>;
    fixCode(draft: Draft, failure: RenderFailure, meta: CallMeta): Promise<Revision>;
  };
  judges: {
    qa(input: JudgeInput): Promise<Judgement>;
    image(input: JudgeInput): Promise<Judgement>;
    interaction(input: JudgeInput): Promise<Judgement>;
  };
  repairer: { repair(draft: Draft, verdicts: Verdict[], meta: CallMeta): Promise<Revision> };
  expander: { expand(draft: Draft, mode: ExpansionMode, seed: number, editedPng: () => Promise<Buffer>, meta: CallMeta): Promise<Revision> };
  /** A CodeVision-style copy whose input image is pre-transformed; null when the draft has no room for the extra step. */
  robustness(draft: Draft, transform: RobustnessTransform): Draft | null;
  /** Names new intermediate knowledge nodes; absent when no normaliser endpoint is configured. */
  normaliser?: ClusterNamer;
  /** Embeds knowledge names and tools; absent when no embedder endpoint is configured. */
  embedder?: Embedder;
  close(): Promise<void>;
}
