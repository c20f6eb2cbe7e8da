import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Config } from '../../src/config/schema.js';
import { createLlmRoles, type LlmRoles } from '../../src/pipeline/roles/llm/index.js';
import { cachedEmbedder } from '../../knowledge/index.js';
import { usageTotals } from '../../src/store/usage.js';
import { messageImages, messageText, startOpenAiServer, type OpenAiServer } from '../support/openai-server.js';
import { PNG, draft, judgeInput, llmConfig, tempDb } from './helpers.js';

let server: OpenAiServer;
let store: ReturnType<typeof tempDb>;
const open: LlmRoles[] = [];

beforeAll(async () => {
  server = await startOpenAiServer();
  store = tempDb();
});
afterAll(async () => {
  await server.close();
  store.cleanup();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

function roles(defaults: Record<string, unknown> = {}, llm: Record<string, unknown> = {}): LlmRoles {
  const r = createLlmRoles(llmConfig(server.url, { cache: false, ...llm }, defaults), { db: () => store.db, round: () => 4 });
  open.push(r);
  return r;
}

const reply = (value: unknown) => ({ content: JSON.stringify(value) });
const meta = { round: 1, sampleId: 's1' };
const last = () => server.log.at(-1)!.body;

describe('the factory', () => {
  it('provides only the roles whose merged settings have a base URL and a model', async () => {
    const config = Config.parse({ llm: { roles: { author: { baseURL: server.url, model: 'big' }, checker: { baseURL: server.url } } } });
    const r = createLlmRoles(config, { db: () => store.db });
    open.push(r);
    expect(r.author).toBeDefined();
    expect(r.judges).toBeUndefined();
    expect(r.repairer).toBeUndefined();
    expect(r.embedder).toBeUndefined();
    expect(r.models).toEqual({ author: 'big' });
    expect(r.endpoints).toEqual({ author: server.url });
    expect(r.provider).toBe('openai-compatible');
  });
});

describe('LLM-backed roles', () => {
  it('fixCode shows the failed code with line numbers and the sandbox error, and replaces only that code', async () => {
    const d = draft();
    server.script(reply({ code: 'const { A, B, C } = state;\nvt.perpendicular(C, A, B);', explanation: 'D was undefined' }));
    const rev = await roles().author!.fixCode(d, { stage: 'interaction', index: 0, type: 'runtime', message: 'D is not defined', line: 3 }, meta);
    const text = messageText(last());
    expect(text).toContain('interaction 1 code below failed');
    expect(text).toContain('Sandbox error: runtime: D is not defined (line 3)');
    expect(text).toContain('3 | vt.point(D.x, D.y, "D");');
    expect(text).toContain(d.figureCode);
    expect(rev.draft!.interactions[0]!.code).toBe('const { A, B, C } = state;\nvt.perpendicular(C, A, B);');
    expect(rev.draft!.figureCode).toBe(d.figureCode);
    expect(rev.draft!.question).toBe(d.question);
    expect(rev.calls).toHaveLength(1);
  });

  it('the Q/A judge solves independently: agreement keeps the score, disagreement caps it', async () => {
    const r = roles();
    server.script(reply({ answer: '55800', score: 9, reasons: ['area recomputed'] }));
    const agree = await r.judges!.qa(judgeInput(draft()));
    expect(agree.verdict).toEqual({ checker: 'qa-correctness', score: 9, reasons: ['area recomputed'] });
    expect(messageText(last())).toContain('First solve the problem yourself');
    expect(messageImages(last())).toHaveLength(1);
    expect(last().temperature).toBe(0);

    server.script(reply({ answer: 'B', score: 8, reasons: ['looks right'] }));
    const disagree = await r.judges!.qa(judgeInput(draft()));
    expect(disagree.verdict.score).toBe(2);
    expect(disagree.verdict.reasons[0]).toMatch(/independent answer "B" differs/);
    expect(disagree.promptVersion).toBe('checker@1');
  });

  it('sends the figures to vision judges as PNG data URLs, and the code to text-only ones', async () => {
    server.script(reply({ score: 8, reasons: ['complete'] }), reply({ score: 7, reasons: ['altitude drawn'] }));
    const vision = roles();
    expect((await vision.judges!.image(judgeInput(draft()))).verdict).toMatchObject({ checker: 'image-validity', score: 8 });
    expect(messageImages(last())).toEqual([`data:image/png;base64,${PNG.toString('base64')}`]);
    expect((await vision.judges!.interaction(judgeInput(draft()))).verdict).toMatchObject({ checker: 'interaction-consistency', score: 7 });
    expect(messageImages(last())).toHaveLength(2);
    expect(messageText(last())).toContain('Drop the altitude from C to AB.');

    server.script(reply({ score: 6, reasons: ['judged from code'] }));
    await roles({ vision: false }).judges!.interaction(judgeInput(draft()));
    expect(messageImages(last())).toHaveLength(0);
    expect(messageText(last())).toContain('vt.polygon([A, B, C]);');
  });

  it('the repairer rewrites question, choices, answer and solution and keeps the code; it may decline', async () => {
    const d = draft({ blueprint: { id: 'x', seed: 1, params: {} } });
    server.script(
      reply({ repairable: true, reason: 'the stated area was wrong', question: 'What is the length of the altitude from C?', problemType: 'fill-in-the-blank', answer: '310', solution: 'CD = 310.' }),
      reply({ repairable: false, reason: 'the figure does not determine any length' }),
    );
    const r = roles();
    const verdicts = [{ checker: 'qa-correctness' as const, score: 2, pass: false, reasons: ['the stated answer is wrong'] }];
    const rev = await r.repairer!.repair(d, verdicts, meta);
    expect(messageText(last())).toContain('qa-correctness: 2/10 (failed): the stated answer is wrong');
    expect(rev.draft).toMatchObject({ question: 'What is the length of the altitude from C?', problemType: 'fill-in-the-blank', answer: '310' });
    expect(rev.draft!.choices).toBeUndefined();
    expect(rev.draft!.blueprint).toBeUndefined();
    expect(rev.draft!.figureCode).toBe(d.figureCode);
    expect(rev.draft!.interactions).toEqual(d.interactions);
    expect((await r.repairer!.repair(d, verdicts, meta)).draft).toBeNull();
  });

  it('the expander keeps the figure and the interactions, appends exactly one, and starts from the edited image', async () => {
    const d = draft();
    const step = { description: 'Bisect angle ACB.', code: 'const { A, B, C } = state;\nvt.bisector(A, C, B);' };
    server.script(
      reply({ question: 'What is the area of triangle ADC?', problemType: 'fill-in-the-blank', answer: '34100', solution: 'First the altitude... then the bisector...', interaction: step, tools: ['angle bisector'], knowledge: [['Geometry', 'Plane Geometry', 'Triangle', 'Angle bisector']] }),
    );
    const rev = await roles().expander!.expand(d, 'sequential', 11, async () => PNG, meta);
    const body = last();
    expect(body.seed).toBe(11);
    expect(messageText(body)).toContain('sequential. The new interaction builds on the previous construction');
    expect(messageImages(body)).toHaveLength(1);
    expect(rev.draft!.figureCode).toBe(d.figureCode);
    expect(rev.draft!.interactions).toEqual([...d.interactions, step]);
    expect(rev.draft!.tools).toEqual(['perpendicular line', 'angle bisector']);
    expect(rev.draft!.knowledge).toHaveLength(2);
    expect(rev.draft).toMatchObject({ difficulty: 'hard', expansion: 'sequential', answer: '34100' });

    const full = draft({ interactions: [step, step, step] });
    const before = server.log.length;
    expect((await roles().expander!.expand(full, 'parallel', 1, async () => PNG, meta)).draft).toBeNull();
    expect(server.log.length).toBe(before);
  });

  it('the normaliser names a node, refuses a member name with one repair request, and records its usage', async () => {
    server.script(reply({ name: 'Right triangle' }), reply({ name: 'Special triangles' }));
    const r = roles();
    const name = await r.normaliser!.name(['Right triangle', 'Isosceles triangle'], ['Geometry', 'Plane Geometry', 'Triangle']);
    expect(name).toBe('Special triangles');
    expect(messageText(last())).toMatch(/repeats a member/);
    expect(usageTotals(store.db, { round: 4 }).byRole.normaliser?.calls).toBe(2);
  });

  it('the embedder needs its own model, returns unit vectors in order, learns the dimension, and (cached) embeds each text once', async () => {
    expect(roles().embedder).toBeUndefined();
    const r = roles({}, { roles: { embedder: { model: 'embed-model' } } });
    expect(() => r.embedder!.dim).toThrow(/dimensions/);
    const e = cachedEmbedder(store.db, r.embedder!);
    const from = server.log.length;
    const v = await e.embed(['alpha', 'beta', 'alpha']);
    expect(v).toHaveLength(3);
    expect(e.dim).toBe(8);
    expect(Math.hypot(...v[0]!)).toBeCloseTo(1, 5);
    expect(v[2]).toEqual(v[0]);
    expect(server.log[from]!.body.input).toEqual(['alpha', 'beta']);
    await e.embed(['beta', 'gamma']);
    expect(server.log.length - from).toBe(2);
    expect(server.log.at(-1)!.body.input).toEqual(['gamma']);

    const sized = roles({}, { roles: { embedder: { model: 'embed-model', dimensions: 16 } } }).embedder!;
    expect(sized.dim).toBe(16);
    expect(sized.model).toBe('openai:embed-model/16');
    expect((await sized.embed(['delta']))[0]).toHaveLength(16);
    expect(server.log.at(-1)!.body.dimensions).toBe(16);
  });
});
