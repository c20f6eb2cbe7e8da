import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlywheelError } from '../../src/errors.js';
import { loadPrompt, parsePrompt, PROMPT_NAMES, PROMPTS_DIR, type PromptName } from '../../src/llm/prompts.js';
import { estimateTokens } from '../../src/llm/tokens.js';
import { createLlmRoles, type LlmRoles } from '../../src/pipeline/roles/llm/index.js';
import { messageText, startOpenAiServer, type OpenAiServer } from '../support/openai-server.js';
import { PNG, draft, judgeInput, llmConfig, tempDb } from './helpers.js';

/**
 * Every prompt, filled in by its role with realistic inputs, must resolve all its placeholders and stay
 * within the token budget its front matter declares (estimated at 4 characters per token, images excluded).
 */
const BUDGETS: Record<PromptName, number> = { author: 5000, checker: 3000, repairer: 3000, expander: 5000, normaliser: 800, 'json-repair': 200 };
const UNRESOLVED = /\{\{\s*[A-Za-z][A-Za-z0-9]*\s*\}\}/;
const VISUAL_TOOLS = fs.readFileSync(path.join(PROMPTS_DIR, '..', 'docs', 'visual-tools.md'), 'utf8').trim();

/** A figure of typical size (~50 lines) with two interactions. */
function typicalDraft() {
  const figure = Array.from({ length: 12 }, (_, i) =>
    [
      `const P${i} = vt.point(${60 + i * 30}, ${400 - i * 20}, 'P${i}');`,
      `vt.segment(P${i}, { x: ${256 + i}, y: ${120 + i * 3} }, { width: 2 });`,
      `vt.label(P${i}, '${i + 1} cm', { size: 14 });`,
      `vt.angleMark(P${i}, { x: 256, y: 256 }, { x: ${300 + i}, y: 256 }, { label: '${20 + i}°' });`,
    ].join('\n'),
  ).join('\n');
  const step = (n: number) => ({
    description: `Construct auxiliary line ${n} through the marked points and label the intersection.`,
    code: `const { P0, P1, P2 } = state;\nconst F${n} = vt.perpendicular(P${n}, P0, P1);\nvt.point(F${n}.x, F${n}.y, 'F${n}');\nvt.export({ F${n} });`,
  });
  return draft({
    figureCode: `${figure}\nvt.export({ P0, P1, P2 });`,
    question: 'In the figure, the marked angles and lengths are as labelled. What is the distance from P2 to the line P0P1, to the nearest centimetre?',
    solution: 'Step 1: the foot F of the perpendicular from P2 lies on P0P1.\nStep 2: in the right triangle P0FP2 the angle at P0 is 22°.\nStep 3: P2F = P0P2 · sin 22° ≈ 3 cm.\nThe answer is A.',
    interactions: [step(1), step(2)],
  });
}

let server: OpenAiServer;
let roles: LlmRoles;
let store: ReturnType<typeof tempDb>;
const sent: Partial<Record<string, string>> = {};

beforeAll(async () => {
  server = await startOpenAiServer();
  store = tempDb();
  roles = createLlmRoles(llmConfig(server.url, { cache: false }, { model: 'm' }), { db: () => store.db });
  const d = typicalDraft();
  const capture = async (key: string, call: () => Promise<unknown>, reply: unknown) => {
    server.script({ content: JSON.stringify(reply) });
    await call();
    sent[key] = messageText(server.log.at(-1)!.body);
  };
  const problems = { problems: [0, 1, 2].map((i) => ({ ...d, difficulty: ['easy', 'medium', 'hard'][i] })) };
  const points = [
    { id: 'a', path: ['Geometry', 'Plane Geometry', 'Triangle', 'Right triangle', 'Trigonometric ratios'], description: 'sine, cosine and tangent of an acute angle' },
    { id: 'b', path: ['Geometry', 'Plane Geometry', 'Distance', 'Point-to-line distance'] },
  ];
  const tools = [
    { id: 't1', name: 'perpendicular line', description: 'draws the perpendicular from a point to a line and marks the foot' },
    { id: 't2', name: 'angle bisector', description: 'draws the bisector of an angle' },
  ];
  const verdict = { score: 8, reasons: ['checked'] };
  await capture('author/knowledge', () => roles.author!.generate({ mode: 'knowledge', points }, 3, 1, { round: 1 }), problems);
  await capture('author/tool', () => roles.author!.generate({ mode: 'tool', tools }, 3, 1, { round: 1 }), problems);
  await capture('author/fix', () => roles.author!.fixCode(d, { stage: 'figure', index: 0, type: 'syntax', message: 'Unexpected token )', line: 17 }, { round: 1 }), { code: d.figureCode });
  await capture('checker/qa', () => roles.judges!.qa(judgeInput(d)), { ...verdict, answer: 'A' });
  await capture('checker/image', () => roles.judges!.image(judgeInput(d)), verdict);
  await capture('checker/interaction', () => roles.judges!.interaction(judgeInput(d)), verdict);
  const verdicts = [
    { checker: 'rules' as const, score: 10, pass: true, reasons: [] },
    { checker: 'qa-correctness' as const, score: 3, pass: false, reasons: ['the stated answer is wrong: P2F is about 4 cm', 'choice C duplicates choice A'] },
  ];
  await capture('repairer', () => roles.repairer!.repair(d, verdicts, { round: 1 }), { repairable: false, reason: 'no' });
  const step = { description: 'Bisect the angle at P0.', code: 'vt.bisector(state.P1, state.P0, state.P2);' };
  const expanded = { question: 'What is the angle?', problemType: 'fill-in-the-blank', answer: '11°', solution: 'Half of 22°.', interaction: step, tools: ['angle bisector'] };
  await capture('expander/parallel', () => roles.expander!.expand(d, 'parallel', 1, async () => PNG, { round: 1 }), expanded);
  await capture('expander/sequential', () => roles.expander!.expand(d, 'sequential', 1, async () => PNG, { round: 1 }), expanded);
  const members = ['Right triangle trigonometry', 'Solving right triangles', 'Angle of elevation and depression', 'Sine rule in right triangles'];
  await capture('normaliser', () => roles.normaliser!.name(members, ['Geometry', 'Plane Geometry', 'Triangle']), { name: 'Trigonometry of triangles' });
  server.script({ content: 'not json' }, { content: JSON.stringify(verdict) });
  await roles.judges!.image(judgeInput(d));
  sent['json-repair'] = server.log.at(-1)!.body.messages.at(-1).content;
});

afterAll(async () => {
  await roles.close();
  await server.close();
  store.cleanup();
});

const CASES: [string, PromptName][] = [
  ['author/knowledge', 'author'],
  ['author/tool', 'author'],
  ['author/fix', 'author'],
  ['checker/qa', 'checker'],
  ['checker/image', 'checker'],
  ['checker/interaction', 'checker'],
  ['repairer', 'repairer'],
  ['expander/parallel', 'expander'],
  ['expander/sequential', 'expander'],
  ['normaliser', 'normaliser'],
  ['json-repair', 'json-repair'],
];

describe('prompts as sent', () => {
  it('declares a version and the stated token budget in every prompt file', () => {
    for (const name of PROMPT_NAMES) {
      const p = loadPrompt(name);
      expect(p.id).toMatch(new RegExp(`^${name}@[0-9A-Za-z.-]+$`));
      expect(p.maxPromptTokens).toBe(BUDGETS[name]);
    }
  });

  it.each(CASES)('%s resolves every placeholder and stays within the %s budget', (key, name) => {
    const text = sent[key];
    expect(text).toBeDefined();
    expect(text).not.toMatch(UNRESOLVED);
    expect(estimateTokens(text!.length)).toBeLessThanOrEqual(BUDGETS[name]);
  });

  it('includes the visual-tool library reference in the author, fix and expander prompts only', () => {
    for (const key of ['author/knowledge', 'author/tool', 'author/fix', 'expander/parallel']) expect(sent[key]).toContain(VISUAL_TOOLS);
    for (const key of ['checker/qa', 'repairer', 'normaliser']) expect(sent[key]).not.toContain('## Constructions');
  });

  it('asks the author for 3 problems, easy to hard, and never to tell the solver to draw', () => {
    expect(sent['author/knowledge']).toContain('Write 3 problems, one per difficulty in this order: easy, medium, hard');
    expect(sent['author/knowledge']).toContain('Geometry > Plane Geometry > Triangle > Right triangle > Trigonometric ratios (sine, cosine');
    expect(sent['author/tool']).toContain('- angle bisector: draws the bisector of an angle');
    expect(sent['author/tool']).toMatch(/full path of every knowledge point/);
    expect(sent['author/knowledge']).toMatch(/never tells the solver to draw/);
  });
});

describe('prompt templates', () => {
  const file = 'test.md';
  const text = '---\nversion: 2\ndescription: a test\nmaxPromptTokens: 100\n---\n=== user ===\nHello {{name}}, see {{ visualTools }}.\n=== other ===\nplain';
  const p = parsePrompt('author', text, file, { visualTools: 'the docs' });

  it('fills placeholders in one pass, so braces inside values stay as they are', () => {
    expect(p.id).toBe('author@2');
    expect(p.sections).toEqual(['user', 'other']);
    expect(p.render('user', { name: '{{visualTools}} { x }' })).toBe('Hello {{visualTools}} { x }, see the docs.');
  });

  it('refuses a missing value and a value no placeholder uses', () => {
    expect(() => p.render('user', {})).toThrow(/no value for \{\{name\}\}/);
    expect(() => p.render('other', { name: 'x' })).toThrow(/no placeholder for name/);
  });

  it('names the file when the front matter is invalid or a section is missing', () => {
    expect(() => parsePrompt('author', 'no front matter', file, {})).toThrow(FlywheelError);
    expect(() => parsePrompt('author', '---\nversion: 1\n---\n=== a ===\nx', file, {})).toThrow(/description|maxPromptTokens/);
    expect(() => p.render('missing', {})).toThrow(/no section "missing"/);
  });
});
