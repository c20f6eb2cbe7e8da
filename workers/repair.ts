import type { StageHandler } from '../src/pipeline/processor.js';
import type { Services } from '../src/pipeline/services.js';
import { RepairData } from '../src/pipeline/payloads.js';
import { follow } from '../src/pipeline/follow-ups.js';
import { childEnvelope } from '../src/pipeline/envelope.js';
import { sampleIds } from '../src/pipeline/stages.js';
import type { Draft } from '../src/schemas/draft.js';

function sameCode(a: Draft, b: Draft): boolean {
  return a.figureCode === b.figureCode && a.interactions.length === b.interactions.length && a.interactions.every((it, i) => it.code === b.interactions[i]!.code);
}

/**
 * repair: the repairer rewrites question, choices, answer and solution of a sample whose images passed
 * but whose Q/A failed. The rewrite is a new sample (kind "repaired", parent recorded) that is checked
 * again; when the code is unchanged, its images are reused instead of rendered again.
 */
export function repairHandler(s: Services): StageHandler<RepairData> {
  return {
    stage: 'repair',
    schema: RepairData,
    async run({ sample, render, verdicts }) {
      const roles = await s.roles();
      const rev = await roles.repairer.repair(sample.draft, verdicts, { round: sample.round, sampleId: sample.id });
      if (!rev.draft) {
        return [follow.failuresOnly(sample.round, `repair-${sample.id}`, [{ stage: 'repair', reason: 'unrepairable', message: `the repairer could not rewrite ${sample.id}`, attempt: 1 }], rev.calls)];
      }
      const child = childEnvelope(sample, sampleIds.repaired(sample.id), 'repaired', rev.draft, { calls: rev.calls, role: 'repairer', promptVersion: rev.promptVersion });
      return [sameCode(sample.draft, rev.draft) ? follow.check(child, render) : follow.render(child)];
    },
    onFinalError({ sample }, err) {
      return [follow.failuresOnly(sample.round, `repair-${sample.id}`, [{ stage: 'repair', reason: err.reason, message: err.message, attempt: err.attempt, detail: err.detail }])];
    },
  };
}
