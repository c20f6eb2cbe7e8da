import { loadPrompt } from '../../../llm/prompts.js';
import { structured, type CheckResult } from '../../../llm/structured.js';
import type { Draft } from '../../../schemas/draft.js';
import type { CallMeta, ExpansionMode, Revision, Roles } from '../types.js';
import { userContent, type RoleContext } from './context.js';
import { checkDraft, checkWith } from './draft-check.js';
import { codeBlock, interactionsText, problemText } from './describe.js';
import { ExpandReply, expandJsonSchema } from './replies.js';

const MAX_INTERACTIONS = 3;

/**
 * The child keeps the parent's figure code and interactions unchanged and appends exactly the one new
 * interaction, whatever the model wrote, so rendering can start from the parent's last edited image.
 */
function child(parent: Draft, mode: ExpansionMode, value: unknown): CheckResult<Draft> {
  const r = checkWith(ExpandReply)(value);
  if (!r.ok) return r;
  const e = r.value;
  const { blueprint: _stale, choices: _old, ...rest } = parent;
  const paths = new Map([...parent.knowledge, ...e.knowledge].map((p) => [p.join('\u0000'), p]));
  return checkDraft({
    ...rest,
    question: e.question,
    problemType: e.problemType,
    ...(e.problemType === 'multiple-choice' && e.choices ? { choices: e.choices } : {}),
    answer: e.answer,
    solution: e.solution,
    interactions: [...parent.interactions, e.interaction],
    tools: [...new Set([...parent.tools, ...e.tools])],
    knowledge: [...paths.values()],
    difficulty: 'hard',
    expansion: mode,
  });
}

export function llmExpander({ client, endpoint }: RoleContext): Roles['expander'] {
  const prompt = loadPrompt('expander');
  const system = prompt.render('system', { outputSchema: JSON.stringify(expandJsonSchema) });
  return {
    async expand(draft: Draft, mode: ExpansionMode, seed: number, editedPng: () => Promise<Buffer>, meta: CallMeta): Promise<Revision> {
      if (draft.interactions.length >= MAX_INTERACTIONS) return { draft: null, calls: [], promptVersion: prompt.id };
      const pngs = endpoint.vision ? [await editedPng()] : [];
      const text = prompt.render('user', {
        problem: problemText(draft),
        figureCode: codeBlock(draft.figureCode),
        interactions: interactionsText(draft),
        modeRules: prompt.render(mode, {}),
        imageNote: pngs.length ? 'The last edited image (the canvas the new interaction starts from) is attached.' : '',
      });
      const { value, calls } = await structured(client, {
        endpoint,
        system,
        user: userContent(text, pngs),
        schemaName: 'expansion',
        jsonSchema: expandJsonSchema,
        check: (v) => child(draft, mode, v),
        version: prompt.id,
        seed,
        round: meta.round,
        generation: true,
      });
      return { draft: value, calls, promptVersion: prompt.id };
    },
  };
}
