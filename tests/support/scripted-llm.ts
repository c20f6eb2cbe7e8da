import { BLUEPRINTS } from '../../src/offline/blueprints/index.js';
import { OfflineAuthor } from '../../src/offline/author.js';
import { expandOffline } from '../../src/offline/expander.js';
import { rebuild } from '../../src/offline/instance.js';
import { unitHash } from '../../src/pipeline/unit-hash.js';
import { answerText, answersMatch } from '../../checkers/answer-match.js';
import type { Draft } from '../../src/schemas/draft.js';
import type { PlanItem } from '../../src/pipeline/payloads.js';
import { messageText, type Reply, type ReceivedRequest } from './openai-server.js';

/**
 * Prepared answers for every LLM role, so the pipeline's real LLM path (client, prompts, parsing,
 * validation) runs against the scripted server with problems whose answers can be checked: the
 * "author" writes blueprint problems (with the offline author's typical defects), the "judges"
 * re-solve them from the blueprint, the "repairer", "fixer" and "expander" use the blueprint too.
 */
export class ScriptedLlm {
  private readonly author: OfflineAuthor;
  /** Every draft handed out, by the first line of its question. */
  private readonly drafts = new Map<string, Draft>();
  readonly counts: Record<string, number> = {};

  /**
   * @param flawRate share of problems with an authoring defect the pipeline must repair or reject
   * @param invalidShare share of problems that fail validation (no choices, or an answer not among them)
   */
  constructor(
    flawRate = 0.3,
    private readonly invalidShare = 0,
  ) {
    this.author = new OfflineAuthor(
      BLUEPRINTS.filter((b) => b.expansions.length > 0),
      flawRate,
    );
  }

  respond = (req: ReceivedRequest): Reply => {
    if (req.path.endsWith('/embeddings')) throw new Error('the scripted LLM has no embedder');
    const messages = req.body.messages as { role: string }[];
    const user = messageText({ messages: messages.filter((m) => m.role === 'user') });
    const role = this.roleOf(user);
    this.counts[role] = (this.counts[role] ?? 0) + 1;
    return { content: JSON.stringify(this.answer(role, user)), usage: { prompt_tokens: Math.ceil(user.length / 4), completion_tokens: 400 } };
  };

  private roleOf(user: string): string {
    const rules: [RegExp, string][] = [
      [/^(Knowledge|Tool)-driven generation/m, 'author'],
      [/^The (figure|interaction) code below failed/m, 'fix'],
      [/^Judge the correctness/m, 'qa'],
      [/^Judge the validity/m, 'image'],
      [/^Judge the consistency/m, 'interaction'],
      [/^Review results:/m, 'repair'],
      [/^The verified problem:/m, 'expand'],
      [/^Parent path:/m, 'name'],
    ];
    const hit = rules.find(([re]) => re.test(user));
    if (!hit) throw new Error(`unrecognised request: ${user.slice(0, 200)}`);
    return hit[1];
  }

  private remember(d: Draft): Draft {
    this.drafts.set(d.question.split('\n')[0]!, d);
    return d;
  }

  private draftIn(user: string): Draft {
    const q = (/^Question \((?:multiple-choice|fill-in-the-blank)\): (.*)$/m.exec(user) ?? /^Problem: (.*)$/m.exec(user))?.[1];
    const d = q === undefined ? undefined : this.drafts.get(q);
    if (!d) throw new Error(`the scripted LLM never wrote this problem: ${q}`);
    return d;
  }

  /** A problem an author might botch: multiple choice without choices, or an answer that is not one of them. */
  private invalid(problem: Omit<Draft, 'blueprint' | 'expansion'>): unknown {
    const n = (this.counts.invalid = (this.counts.invalid ?? 0) + 1);
    const mc = { ...problem, problemType: 'multiple-choice' as const, choices: ['1', '2', '3', '4'] };
    return n % 2 === 1 ? { ...mc, choices: [] } : { ...mc, answer: 'E' };
  }

  private answer(role: string, user: string): unknown {
    switch (role) {
      case 'author': {
        const paths = [...user.matchAll(/^- (.+?)(?: \(.*\))?$/gm)].map((m) => m[1]!);
        const item: PlanItem = /^Tool-driven/m.test(user)
          ? { mode: 'tool', tools: paths.map((p) => ({ id: p, name: p.split(':')[0]!, description: p })) }
          : { mode: 'knowledge', points: paths.map((p) => ({ id: p, path: p.split(' > ') })) };
        const seed = Math.floor(unitHash(user) * 1e6);
        const problems = this.author
          .generate(item, 3, seed)
          .map((d) => this.remember(d))
          .map(({ blueprint: _b, expansion: _e, ...rest }, k) => (unitHash(`${seed}/${k}/invalid`) < this.invalidShare ? this.invalid(rest) : rest));
        return { problems };
      }
      case 'fix': {
        const clean = rebuild(this.draftIn(user))!;
        return { code: clean.figureCode, explanation: 'restored the misspelt library call' };
      }
      case 'qa': {
        const d = this.draftIn(user);
        const expected = rebuild(d)!;
        const stated = /^Stated answer: (.*)$/m.exec(user)![1]!;
        const ok = answersMatch(answerText(expected), answerText({ ...d, answer: stated }));
        return { score: ok ? 9 : 2, reasons: [ok ? 'my own answer equals the stated one' : 'the stated answer is wrong'], answer: expected.answer };
      }
      case 'image':
        return { score: 9, reasons: ['the figure is complete and labelled'] };
      case 'interaction': {
        const inert = user.includes('vt.export({});');
        return { score: inert ? 2 : 9, reasons: [inert ? 'an interaction draws nothing' : 'every edit matches its description'] };
      }
      case 'repair': {
        const clean = this.remember(rebuild(this.draftIn(user))!);
        return { repairable: true, reason: 'recomputed the answer and removed the instruction', question: clean.question, problemType: clean.problemType, choices: clean.choices, answer: clean.answer, solution: clean.solution };
      }
      case 'expand': {
        const mode = /Expansion mode: (parallel|sequential)/.exec(user)![1] as 'parallel' | 'sequential';
        const child = expandOffline(this.draftIn(user), mode, 7);
        if (!child) return { note: 'this problem cannot be expanded further' };
        this.remember(child);
        return { question: child.question, problemType: child.problemType, choices: child.choices, answer: child.answer, solution: child.solution, interaction: child.interactions.at(-1), tools: child.tools, knowledge: child.knowledge };
      }
      case 'name':
        return { name: /^- (.+)$/m.exec(user)?.[1] ?? 'Group' };
      default:
        throw new Error(`no answer for ${role}`);
    }
  }
}
