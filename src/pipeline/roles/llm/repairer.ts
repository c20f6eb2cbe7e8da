import { loadPrompt } from '../../../llm/prompts.js';
import { structured, type CheckResult } from '../../../llm/structured.js';
import type { Draft } from '../../../schemas/draft.js';
import type { Verdict } from '../../../schemas/verdict.js';
import type { CallMeta, Revision, Roles } from '../types.js';
import type { RoleContext } from './context.js';
import { checkDraft, checkWith } from './draft-check.js';
import { codeBlock, interactionsText, problemText, verdictsText } from './describe.js';
import { RepairReply, repairJsonSchema } from './replies.js';

/** The rewrite on top of the original draft; the code stays, so the images can be reused. */
function rewrite(draft: Draft, value: unknown): CheckResult<Draft | null> {
  const r = checkWith(RepairReply)(value);
  if (!r.ok) return r;
  if (!r.value.repairable) return { ok: true, value: null };
  const { question, problemType, choices, answer, solution } = r.value;
  const { blueprint: _stale, choices: _old, ...rest } = draft;
  return checkDraft({ ...rest, question, problemType, answer, solution, ...(problemType === 'multiple-choice' && choices ? { choices } : {}) });
}

export function llmRepairer({ client, endpoint }: RoleContext): Roles['repairer'] {
  const prompt = loadPrompt('repairer');
  const system = prompt.render('system', { outputSchema: JSON.stringify(repairJsonSchema) });
  return {
    async repair(draft: Draft, verdicts: Verdict[], meta: CallMeta): Promise<Revision> {
      const user = prompt.render('user', {
        problem: problemText(draft),
        figureCode: codeBlock(draft.figureCode),
        interactions: interactionsText(draft),
        verdicts: verdictsText(verdicts),
      });
      const { value, calls } = await structured(client, {
        endpoint,
        system,
        user,
        schemaName: 'repair',
        jsonSchema: repairJsonSchema,
        check: (v) => rewrite(draft, v),
        version: prompt.id,
        round: meta.round,
        generation: true,
      });
      return { draft: value, calls, promptVersion: prompt.id };
    },
  };
}
