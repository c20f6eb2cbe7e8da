import type { Verdict } from '../schemas/verdict.js';
import type { FollowUp } from './enqueue.js';
import type { FailureNote, RenderFailure, RenderOutput, SampleEnvelope, UsageNote } from './payloads.js';
import { jobIds } from './stages.js';
import type { ExpansionMode, RobustnessTransform } from './roles/types.js';

/** Builders for the jobs each stage hands on, with their deterministic ids. */
export const follow = {
  render: (sample: SampleEnvelope): FollowUp => ({
    stage: 'render',
    id: jobIds.render(sample.id, sample.codeAttempts),
    data: { round: sample.round, sample },
  }),
  fixCode: (sample: SampleEnvelope, failure: RenderFailure): FollowUp => ({
    stage: 'generate',
    id: jobIds.fixCode(sample.id, sample.codeAttempts + 1),
    data: { kind: 'fix', round: sample.round, sample, failure },
  }),
  check: (sample: SampleEnvelope, render: RenderOutput): FollowUp => ({
    stage: 'check',
    id: jobIds.check(sample.id, sample.codeAttempts),
    data: { round: sample.round, sample, render },
  }),
  repair: (sample: SampleEnvelope, render: RenderOutput, verdicts: Verdict[]): FollowUp => ({
    stage: 'repair',
    id: jobIds.repair(sample.id),
    data: { round: sample.round, sample, render, verdicts },
  }),
  expand: (sample: SampleEnvelope, render: RenderOutput, mode: ExpansionMode | RobustnessTransform): FollowUp => ({
    stage: 'expand',
    id: mode === 'parallel' || mode === 'sequential' ? jobIds.expand(sample.id) : `${jobIds.expand(sample.id)}-${mode}`,
    data: { round: sample.round, sample, render, mode },
  }),
  store: (
    sample: SampleEnvelope,
    status: 'accepted' | 'rejected' | 'failed',
    extra: { verdicts?: Verdict[]; render?: RenderOutput | null; failures?: FailureNote[] } = {},
  ): FollowUp => ({
    stage: 'store',
    id: jobIds.store(sample.id),
    data: { round: sample.round, sample, status, verdicts: extra.verdicts ?? [], render: extra.render ?? null, failures: extra.failures ?? [] },
  }),
  /** Records failures (and the usage of the calls that led to them) that belong to no stored sample. */
  failuresOnly: (round: number, unitId: string, failures: FailureNote[], usage: UsageNote[] = []): FollowUp => ({
    stage: 'store',
    id: jobIds.storeFailure(unitId),
    data: { round, failures, usage },
  }),
};
