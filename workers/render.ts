import type { StageHandler } from '../src/pipeline/processor.js';
import type { Services } from '../src/pipeline/services.js';
import { RenderData, type RenderFailure, type RenderOutput, type SampleEnvelope, type StepStats } from '../src/pipeline/payloads.js';
import { follow } from '../src/pipeline/follow-ups.js';
import type { FollowUp } from '../src/pipeline/enqueue.js';
import type { StepResult } from '../src/render/index.js';

type OkStep = Extract<StepResult, { ok: true }>;

function statsOf(r: OkStep): StepStats {
  return { ...r.stats, width: r.width, height: r.height };
}

/**
 * render: runs the figure code and each interaction in the Chromium sandbox, chaining every
 * interaction from the previous edited image. A child whose first steps are its parent's starts
 * from the parent's last image and state. Code errors go back to the author (bounded); a crashed
 * page is retried.
 */
export function renderHandler(s: Services): StageHandler<RenderData> {
  const onCodeError = (sample: SampleEnvelope, failure: RenderFailure): FollowUp => {
    if (sample.codeAttempts < s.config.pipeline.codeRepairAttempts) return follow.fixCode(sample, failure);
    return follow.store(sample, 'failed', {
      failures: [{ stage: 'render', reason: `code-${failure.type}`, message: failure.message, attempt: sample.codeAttempts + 1, detail: failure }],
    });
  };

  return {
    stage: 'render',
    schema: RenderData,
    async run({ sample }) {
      const pool = await s.renderPool();
      const { draft } = sample;
      const started = Date.now();
      let out: RenderOutput;
      let image: Uint8Array;
      let state: Record<string, unknown>;
      const base = sample.base && sample.base.steps.length < draft.interactions.length ? sample.base : undefined;
      if (base) {
        out = { ...base, steps: [...base.steps], stats: [...base.stats], consoleErrors: [...base.consoleErrors] };
        image = await s.images.getOrThrow(base.steps.at(-1) ?? base.original);
        state = base.state;
      } else {
        const fig = await pool.renderFigure({ code: draft.figureCode, width: draft.width, height: draft.height });
        if (!fig.ok) {
          if (fig.error.type === 'crash') throw new Error(`sandbox crashed: ${fig.error.message}`);
          return [onCodeError(sample, { stage: 'figure', index: 0, ...fig.error })];
        }
        out = {
          original: await s.images.put(fig.png, sample.round),
          steps: [],
          stats: [statsOf(fig)],
          consoleErrors: fig.consoleErrors,
          elements: fig.elements,
          state: fig.state,
          ms: 0,
        };
        image = fig.png;
        state = fig.state;
      }
      for (let i = out.steps.length; i < draft.interactions.length; i++) {
        const step = await pool.applyInteraction({ image, code: draft.interactions[i]!.code, state });
        if (!step.ok) {
          if (step.error.type === 'crash') throw new Error(`sandbox crashed: ${step.error.message}`);
          return [onCodeError(sample, { stage: 'interaction', index: i, ...step.error })];
        }
        out.steps.push(await s.images.put(step.png, sample.round));
        out.stats.push(statsOf(step));
        out.consoleErrors.push(...step.consoleErrors);
        image = step.png;
        state = step.state;
      }
      out.state = state;
      out.ms = Date.now() - started;
      const { base: _drop, ...rest } = sample;
      return [follow.check(rest, out)];
    },
    onFinalError({ sample }, err) {
      return [follow.store(sample, 'failed', { failures: [{ stage: 'render', reason: err.reason, message: err.message, attempt: err.attempt }] })];
    },
  };
}
