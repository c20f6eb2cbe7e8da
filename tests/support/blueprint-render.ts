import { expect } from 'vitest';
import type { Draft } from '../../src/schemas/draft.js';
import type { RenderOutput } from '../../src/pipeline/payloads.js';
import type { RenderPool, StepResult } from '../../src/render/types.js';
import { ruleCheck } from '../../checkers/rules.js';
import { judgeImageOffline } from '../../checkers/offline/image-validity.js';
import { judgeInteractionOffline } from '../../checkers/offline/interaction-consistency.js';

type Ok = Extract<StepResult, { ok: true }>;

function ok(r: StepResult, where: string): Ok {
  if (!r.ok) throw new Error(`${where}: ${r.error.type}: ${r.error.message}${r.error.line ? ` (line ${r.error.line})` : ''}`);
  return r;
}

/**
 * Renders a draft's figure and its chained interactions in the real sandbox, then runs the rule checks and
 * the offline image judges on the result; every one must pass at the default threshold (7).
 */
export async function renderAndCheck(pool: RenderPool, draft: Draft, where: string): Promise<{ steps: Ok[]; output: RenderOutput }> {
  const fig = ok(await pool.renderFigure({ code: draft.figureCode, width: draft.width, height: draft.height }), `${where} figure`);
  const steps = [fig];
  let state = fig.state;
  for (const [i, it] of draft.interactions.entries()) {
    const step = ok(await pool.applyInteraction({ image: steps.at(-1)!.png, code: it.code, state }), `${where} interaction ${i + 1}`);
    steps.push(step);
    state = step.state;
  }
  const hash = (i: number) => i.toString(16).padStart(64, '0');
  const output: RenderOutput = {
    original: hash(0),
    steps: draft.interactions.map((_, i) => hash(i + 1)),
    stats: steps.map((s) => ({ ...s.stats, width: s.width, height: s.height })),
    consoleErrors: steps.flatMap((s) => s.consoleErrors),
    elements: fig.elements,
    state,
    ms: steps.reduce((a, s) => a + s.ms, 0),
  };
  const rules = ruleCheck(draft, output);
  expect(rules.verdict.reasons, `${where}: rule checks`).toEqual([]);
  const image = judgeImageOffline(draft, output);
  expect(image.score, `${where}: image validity ${image.reasons.join('; ')}`).toBeGreaterThanOrEqual(7);
  const interaction = judgeInteractionOffline(draft, output);
  expect(interaction.score, `${where}: interaction consistency ${interaction.reasons.join('; ')}`).toBeGreaterThanOrEqual(7);
  return { steps, output };
}
