import type { StageHandler } from '../src/pipeline/processor.js';
import type { Services } from '../src/pipeline/services.js';
import { GenerateData } from '../src/pipeline/payloads.js';
import { follow } from '../src/pipeline/follow-ups.js';
import { baseEnvelope, splitUsage } from '../src/pipeline/envelope.js';
import { sampleIds } from '../src/pipeline/stages.js';
import type { FollowUp } from '../src/pipeline/enqueue.js';

/**
 * generate: the author turns a plan item into drafts (each becomes a sample sent to render), or,
 * for a sample whose code failed in the sandbox, writes a fixed version from the runtime error.
 */
export function generateHandler(s: Services): StageHandler<GenerateData> {
  return {
    stage: 'generate',
    schema: GenerateData,
    async run(data) {
      const roles = await s.roles();
      if (data.kind === 'plan') {
        const res = await roles.author.generate(data.item, s.config.pipeline.problemsPerCall, data.seed, { round: data.round });
        const perDraft = res.calls.map((c) => splitUsage(c, Math.max(1, res.drafts.length)));
        const out: FollowUp[] = res.drafts.map((draft, k) =>
          follow.render(baseEnvelope(sampleIds.base(data.unitId, k), data.round, draft, roles, perDraft.map((u) => u[k]!), res.promptVersion)),
        );
        if (res.rejected.length > 0 || res.drafts.length === 0) {
          const failures = res.rejected.map((r) => ({ stage: 'generate', reason: r.reason, message: `problem ${r.index}: ${r.message}`, attempt: 1 }));
          if (res.drafts.length === 0 && failures.length === 0) failures.push({ stage: 'generate', reason: 'no-drafts', message: 'the author returned no problems', attempt: 1 });
          out.push(follow.failuresOnly(data.round, data.unitId, failures, res.drafts.length === 0 ? res.calls : []));
        }
        return out;
      }
      const { sample, failure } = data;
      const fix = await roles.author.fixCode(sample.draft, failure, { round: data.round, sampleId: sample.id });
      const failedCode = failure.stage === 'figure' ? sample.draft.figureCode : (sample.draft.interactions[failure.index]?.code ?? '');
      const recovery = [...sample.recovery, { stage: failure.stage, code: failedCode, error: failure.message, errorType: failure.type }];
      const calls = [...sample.calls, ...fix.calls];
      if (!fix.draft) {
        return [
          follow.store({ ...sample, recovery, calls }, 'failed', {
            failures: [{ stage: 'render', reason: `code-${failure.type}`, message: `the author could not fix: ${failure.message}`, attempt: sample.codeAttempts + 1 }],
          }),
        ];
      }
      return [follow.render({ ...sample, draft: fix.draft, codeAttempts: sample.codeAttempts + 1, recovery, calls, base: undefined })];
    },
    onFinalError(data, err) {
      const failure = { stage: 'generate', reason: err.reason, message: err.message, attempt: err.attempt, detail: err.detail };
      return data.kind === 'plan' ? [follow.failuresOnly(data.round, data.unitId, [failure])] : [follow.store(data.sample, 'failed', { failures: [failure] })];
    },
  };
}
