import { answersMatch, answerText } from '../../../../checkers/answer-match.js';
import { loadPrompt } from '../../../llm/prompts.js';
import { structured, type CheckResult } from '../../../llm/structured.js';
import { choiceLetters, type Draft } from '../../../schemas/draft.js';
import type { CheckerName } from '../../../schemas/verdict.js';
import type { JudgeInput, Judgement, Roles } from '../types.js';
import { userContent, type RoleContext, type UserContent } from './context.js';
import { checkWith } from './draft-check.js';
import { codeBlock, interactionsText, problemText } from './describe.js';
import { JudgeReply, judgeJsonSchema, QaReply, qaJsonSchema } from './replies.js';

/** A stated answer the judge's own answer contradicts scores at most this (the Q/A check is strict). */
const DISAGREEMENT_CAP = 2;

/** Whether the judge's own answer (a letter or a value) agrees with the draft's stated answer. */
function sameAnswer(draft: Pick<Draft, 'problemType' | 'choices' | 'answer'>, theirs: string): boolean {
  const t = theirs.trim().replace(/^\(?([A-Z])[).:]?$/, '$1');
  const given = draft.choices && choiceLetters(draft.choices.length).includes(t) ? draft.choices[t.charCodeAt(0) - 65]! : t;
  return answersMatch(answerText(draft), given);
}

export function llmJudges({ client, endpoint }: RoleContext): Roles['judges'] {
  const prompt = loadPrompt('checker');
  const judgeSystem = prompt.render('system', { outputSchema: JSON.stringify(judgeJsonSchema) });
  const qaSystem = prompt.render('system', { outputSchema: JSON.stringify(qaJsonSchema) });
  const images = async (input: JudgeInput, onlyOriginal: boolean): Promise<Buffer[]> => {
    if (!endpoint.vision) return [];
    const all = await input.images();
    return onlyOriginal ? all.slice(0, 1) : all;
  };
  const ask = <T>(input: JudgeInput, system: string, user: UserContent, check: (v: unknown) => CheckResult<T>, schemaName: string, jsonSchema: Record<string, unknown>) =>
    structured(client, { endpoint, system, user, schemaName, jsonSchema, check, version: prompt.id, round: input.meta.round, generation: false });
  const judgement = (checker: CheckerName, score: number, reasons: string[], calls: Judgement['calls']): Judgement => ({
    verdict: { checker, score, reasons },
    calls,
    promptVersion: prompt.id,
  });

  return {
    async qa(input) {
      const pngs = await images(input, true);
      const text = prompt.render('qa', {
        problem: problemText(input.draft),
        figureCode: codeBlock(input.draft.figureCode),
        imageNote: pngs.length ? 'The original figure is attached.' : '',
      });
      const { value, calls } = await ask(input, qaSystem, userContent(text, pngs), checkWith(QaReply), 'qa_verdict', qaJsonSchema);
      if (sameAnswer(input.draft, value.answer)) return judgement('qa-correctness', value.score, value.reasons, calls);
      return judgement(
        'qa-correctness',
        Math.min(value.score, DISAGREEMENT_CAP),
        [`the judge's independent answer "${value.answer}" differs from the stated answer "${input.draft.answer}"`, ...value.reasons],
        calls,
      );
    },

    async image(input) {
      const pngs = await images(input, true);
      const figure = pngs.length ? 'The original figure is attached.' : `No image is available: judge the figure from its code.\n${codeBlock(input.draft.figureCode)}`;
      const text = prompt.render('image', { problem: problemText(input.draft), figure });
      const { value, calls } = await ask(input, judgeSystem, userContent(text, pngs), checkWith(JudgeReply), 'image_verdict', judgeJsonSchema);
      return judgement('image-validity', value.score, value.reasons, calls);
    },

    async interaction(input) {
      const pngs = await images(input, false);
      const note = pngs.length
        ? `Attached in order: the original image, then the image after each interaction (${pngs.length - 1}).`
        : `No images are available: judge from the code. Figure code:\n${codeBlock(input.draft.figureCode)}`;
      const text = prompt.render('interaction', { problem: problemText(input.draft), interactions: interactionsText(input.draft), images: note });
      const { value, calls } = await ask(input, judgeSystem, userContent(text, pngs), checkWith(JudgeReply), 'interaction_verdict', judgeJsonSchema);
      return judgement('interaction-consistency', value.score, value.reasons, calls);
    },
  };
}
