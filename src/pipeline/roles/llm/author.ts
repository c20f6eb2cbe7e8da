import { loadPrompt } from '../../../llm/prompts.js';
import { structured, type CheckResult } from '../../../llm/structured.js';
import { Difficulty, type Draft } from '../../../schemas/draft.js';
import type { PlanItem, RenderFailure } from '../../payloads.js';
import type { AuthorResult, CallMeta, Revision, Roles } from '../types.js';
import type { RoleContext } from './context.js';
import { checkDraft, checkWith, dropNulls } from './draft-check.js';
import { codeBlock, interactionsText, numberedCode, pathText } from './describe.js';
import { AuthorReply, authorJsonSchema, FixReply, fixJsonSchema } from './replies.js';

const LEVELS = Difficulty.options;

/** The difficulty of each of `count` problems, easy to hard (3 → easy, medium, hard). */
function difficultiesFor(count: number): Difficulty[] {
  return Array.from({ length: count }, (_, i) => LEVELS[Math.min(2, Math.floor((i * 3) / count))]!);
}

/** An authored problem as a Draft candidate: nulls dropped, bookkeeping the offline author owns removed. */
function candidate(problem: unknown, difficulty: Difficulty | undefined): unknown {
  const p = dropNulls(problem);
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return p;
  const { blueprint: _b, expansion: _e, ...rest } = p as Record<string, unknown>;
  return rest.difficulty === undefined && difficulty ? { ...rest, difficulty } : rest;
}

type Checked = { index: number } & CheckResult<Draft>;

function checkProblems(problems: unknown[], count: number, levels: Difficulty[]): Checked[] {
  return problems.map((p, index) =>
    index >= count ? { index, ok: false, reason: 'schema', message: `more problems than the ${count} requested` } : { index, ...checkDraft(candidate(p, levels[index])) },
  );
}

/** Accepts a reply when at least one problem is valid; otherwise the repair request quotes every problem's errors. */
function checkReply(count: number, levels: Difficulty[]) {
  const envelope = checkWith(AuthorReply);
  return (value: unknown): CheckResult<Checked[]> => {
    const env = envelope(value);
    if (!env.ok) return env;
    const checked = checkProblems(env.value.problems, count, levels);
    if (checked.some((c) => c.ok)) return { ok: true, value: checked };
    const first = checked.find((c): c is Checked & { ok: false } => !c.ok)!;
    return { ok: false, reason: first.reason, message: checked.map((c) => (c.ok ? '' : `problem ${c.index}: ${c.message}`)).join(' | ') };
  };
}

function planText(item: PlanItem): string {
  if (item.mode === 'knowledge') return item.points.map((p) => `- ${pathText(p.path)}${p.description ? ` (${p.description})` : ''}`).join('\n');
  return item.tools.map((t) => `- ${t.name}: ${t.description}`).join('\n');
}

export function llmAuthor({ client, endpoint }: RoleContext): Roles['author'] {
  const prompt = loadPrompt('author');
  const genSystem = prompt.render('system', { outputSchema: JSON.stringify(authorJsonSchema) });
  const fixSystem = prompt.render('system', { outputSchema: JSON.stringify(fixJsonSchema) });

  return {
    async generate(item: PlanItem, count: number, seed: number, meta: CallMeta): Promise<AuthorResult> {
      const levels = difficultiesFor(count);
      const vars = { count: String(count), difficulties: levels.join(', ') };
      const user = item.mode === 'knowledge' ? prompt.render('knowledge', { ...vars, points: planText(item) }) : prompt.render('tool', { ...vars, tools: planText(item) });
      const { value, calls } = await structured(client, {
        endpoint,
        system: genSystem,
        user,
        schemaName: 'author_problems',
        jsonSchema: authorJsonSchema,
        check: checkReply(count, levels),
        version: prompt.id,
        seed,
        round: meta.round,
        generation: true,
      });
      const drafts: Draft[] = [];
      const rejected: AuthorResult['rejected'] = [];
      for (const c of value) {
        if (c.ok) drafts.push(c.value);
        else rejected.push({ index: c.index, reason: c.reason, message: c.message });
      }
      return { drafts, rejected, calls, promptVersion: prompt.id };
    },

    async fixCode(draft: Draft, failure: RenderFailure, meta: CallMeta): Promise<Revision> {
      const figure = failure.stage === 'figure';
      const failed = figure ? draft.figureCode : draft.interactions[failure.index]?.code;
      if (failed === undefined) return { draft: null, calls: [], promptVersion: prompt.id };
      const context = figure
        ? `The interactions that run after this figure (they rely on its labels and exports):\n${interactionsText(draft)}`
        : `Figure code (runs first, its exports are in \`state\`):\n${codeBlock(draft.figureCode)}\n\n${interactionsText({ interactions: draft.interactions.slice(0, failure.index + 1) })}`;
      const user = prompt.render('fix', {
        stage: figure ? 'figure' : `interaction ${failure.index + 1}`,
        question: draft.question,
        context,
        code: numberedCode(failed),
        errorType: failure.type,
        errorMessage: failure.message,
        errorLine: failure.line === undefined ? '' : ` (line ${failure.line})`,
      });
      const replace = (code: string): Draft =>
        figure ? { ...draft, figureCode: code } : { ...draft, interactions: draft.interactions.map((it, i) => (i === failure.index ? { ...it, code } : it)) };
      const fixReply = checkWith(FixReply);
      const { value, calls } = await structured(client, {
        endpoint,
        system: fixSystem,
        user,
        schemaName: 'code_fix',
        jsonSchema: fixJsonSchema,
        check: (v) => {
          const r = fixReply(v);
          return r.ok ? checkDraft(replace(r.value.code)) : r;
        },
        version: prompt.id,
        round: meta.round,
        generation: true,
      });
      return { draft: value, calls, promptVersion: prompt.id };
    },
  };
}
