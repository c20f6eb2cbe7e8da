import type { StageHandler } from '../src/pipeline/processor.js';
import type { Services } from '../src/pipeline/services.js';
import { CheckData } from '../src/pipeline/payloads.js';
import { follow } from '../src/pipeline/follow-ups.js';
import type { FollowUp } from '../src/pipeline/enqueue.js';
import type { JudgeInput, Judgement, RobustnessTransform } from '../src/pipeline/roles/types.js';
import { unitHash } from '../src/pipeline/unit-hash.js';
import type { Verdict } from '../src/schemas/verdict.js';
import { ruleCheck } from '../checkers/rules.js';
import { decide } from '../checkers/decide.js';

const TRANSFORMS: RobustnessTransform[] = ['rotate90', 'rotate180', 'rotate270', 'flipH', 'flipV'];

/**
 * check: rule checks, then the three judges (Q/A correctness, original-image validity, interaction
 * consistency). Accepted samples go to the store and on to expansion; samples whose images pass but
 * whose Q/A fails go to the repairer (bounded); the rest are stored as rejected with every verdict.
 */
export function checkHandler(s: Services): StageHandler<CheckData> {
  return {
    stage: 'check',
    schema: CheckData,
    async run({ sample, render }) {
      const roles = await s.roles();
      const p = s.config.pipeline;
      const rules = ruleCheck(sample.draft, render);
      let pngs: Promise<Buffer[]> | undefined;
      const input: JudgeInput = {
        draft: sample.draft,
        render,
        images: () => (pngs ??= Promise.all([render.original, ...render.steps].map((h) => s.images.getOrThrow(h)))),
        meta: { round: sample.round, sampleId: sample.id },
      };
      const judging: Promise<Judgement>[] = [];
      if (rules.verdict.pass || rules.qaOnly) {
        judging.push(roles.judges.image(input), roles.judges.interaction(input));
        if (rules.verdict.pass) judging.push(roles.judges.qa(input));
      }
      const judged = await Promise.all(judging);
      const judges: Verdict[] = judged.map((j) => ({ ...j.verdict, pass: j.verdict.score >= p.passThreshold }));
      const verdicts = [rules.verdict, ...judges];
      const checked = {
        ...sample,
        calls: [...sample.calls, ...judged.flatMap((j) => j.calls)],
        promptVersions: { ...sample.promptVersions, ...(judged[0] ? { checker: judged[0].promptVersion } : {}) },
      };
      const decision = decide(rules, judges);
      if (decision === 'accept') {
        const out: FollowUp[] = [follow.store(checked, 'accepted', { verdicts, render })];
        if (p.expand && checked.depth < p.maxDepth && checked.draft.interactions.length < 3 && checked.kind !== 'robustness') {
          out.push(follow.expand(checked, render, unitHash(`${checked.id}/mode`) < p.parallelShare ? 'parallel' : 'sequential'));
        }
        if ((checked.kind === 'base' || checked.kind === 'repaired') && unitHash(`${checked.id}/robust`) < p.robustnessShare) {
          out.push(follow.expand(checked, render, TRANSFORMS[Math.floor(unitHash(`${checked.id}/transform`) * TRANSFORMS.length)]!));
        }
        return out;
      }
      if (decision === 'repair' && checked.repairAttempts < p.repairAttempts) {
        return [follow.store(checked, 'rejected', { verdicts, render }), follow.repair(checked, render, verdicts)];
      }
      return [follow.store(checked, 'rejected', { verdicts, render })];
    },
    onFinalError({ sample, render }, err) {
      return [follow.store(sample, 'failed', { render, failures: [{ stage: 'check', reason: err.reason, message: err.message, attempt: err.attempt, detail: err.detail }] })];
    },
  };
}
