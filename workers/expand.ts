import type { StageHandler } from '../src/pipeline/processor.js';
import type { Services } from '../src/pipeline/services.js';
import { ExpandData } from '../src/pipeline/payloads.js';
import { follow } from '../src/pipeline/follow-ups.js';
import { childEnvelope } from '../src/pipeline/envelope.js';
import { sampleIds } from '../src/pipeline/stages.js';
import { unitHash } from '../src/pipeline/unit-hash.js';
import type { Draft } from '../src/schemas/draft.js';

/** The child keeps the parent's figure and interactions as its first steps, so those images can be reused. */
function extendsParent(parent: Draft, child: Draft): boolean {
  return (
    child.figureCode === parent.figureCode &&
    child.interactions.length > parent.interactions.length &&
    parent.interactions.every((it, i) => child.interactions[i]!.code === it.code)
  );
}

/**
 * expand: progressive expansion of an accepted sample into a harder child with one more interaction
 * (parallel or sequential), rendered from the parent's last edited image; or a CodeVision robustness
 * copy whose input image is pre-transformed so the corrective code is necessary.
 */
export function expandHandler(s: Services): StageHandler<ExpandData> {
  return {
    stage: 'expand',
    schema: ExpandData,
    async run({ sample, render, mode }) {
      const roles = await s.roles();
      if (mode !== 'parallel' && mode !== 'sequential') {
        const draft = roles.robustness(sample.draft, mode);
        if (!draft) return [];
        const child = childEnvelope(sample, sampleIds.robustness(sample.id, mode), 'robustness', draft, { calls: [], role: 'robustness', promptVersion: 'v1' });
        return [follow.render(child)];
      }
      const lastImage = () => s.images.getOrThrow(render.steps.at(-1) ?? render.original);
      const seed = Math.floor(unitHash(`${sample.id}/expand`) * 2 ** 31);
      const rev = await roles.expander.expand(sample.draft, mode, seed, lastImage, { round: sample.round, sampleId: sample.id });
      if (!rev.draft) {
        return rev.calls.length ? [follow.failuresOnly(sample.round, `expand-${sample.id}`, [], rev.calls)] : [];
      }
      const child = childEnvelope(sample, sampleIds.expanded(sample.id, mode), 'expanded', { ...rev.draft, expansion: rev.draft.expansion ?? mode }, {
        calls: rev.calls,
        role: 'expander',
        promptVersion: rev.promptVersion,
        ...(extendsParent(sample.draft, rev.draft) ? { base: render } : {}),
      });
      return [follow.render(child)];
    },
    onFinalError({ sample }, err) {
      return [follow.failuresOnly(sample.round, `expand-${sample.id}`, [{ stage: 'expand', reason: err.reason, message: err.message, attempt: err.attempt, detail: err.detail }])];
    },
  };
}
