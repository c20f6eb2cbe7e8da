import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LlmError } from '../../src/llm/errors.js';
import { createLlmRoles, type LlmRoles } from '../../src/pipeline/roles/llm/index.js';
import type { PlanItem } from '../../src/pipeline/payloads.js';
import { messageText, startOpenAiServer, type OpenAiServer } from '../support/openai-server.js';
import { draft, judgeInput, llmConfig, problem } from './helpers.js';

let server: OpenAiServer;
const open: LlmRoles[] = [];

beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(() => server.close());
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

function roles(llm: Record<string, unknown> = {}, defaults: Record<string, unknown> = {}): LlmRoles {
  const r = createLlmRoles(llmConfig(server.url, { cache: false, ...llm }, defaults), {
    db: () => {
      throw new Error('no store in this test');
    },
  });
  open.push(r);
  return r;
}

const KNOWLEDGE: PlanItem = { mode: 'knowledge', points: [{ id: 'k1', path: ['Geometry', 'Plane Geometry', 'Triangle', 'Area of a triangle'] }] };
const meta = { round: 1 };
const reply = (value: unknown) => ({ content: JSON.stringify(value) });

async function rejection(p: Promise<unknown>): Promise<LlmError> {
  const err = await p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LlmError);
  return err as LlmError;
}

describe('structured outputs', () => {
  it('keeps the valid problems of an author reply and rejects the others with their reasons', async () => {
    const from = server.log.length;
    server.script(
      reply({
        problems: [
          problem(),
          problem({ difficulty: 'medium', choices: [] }),
          problem({ difficulty: 'hard', answer: 'E' }),
          problem({ difficulty: 'hard', question: '' }),
        ],
      }),
    );
    const res = await roles().author!.generate(KNOWLEDGE, 4, 7, meta);
    expect(res.drafts).toHaveLength(1);
    expect(res.drafts[0]!.question).toMatch(/area of triangle ABC/);
    expect(res.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, 'empty-choices'],
      [2, 'answer-not-in-choices'],
      [3, 'schema'],
    ]);
    expect(res.rejected[2]!.message).toMatch(/question/);
    expect(res.calls).toHaveLength(1);
    expect(res.promptVersion).toBe('author@1');
    const body = server.log[from]!.body;
    expect(server.log.length - from).toBe(1);
    expect(body.seed).toBe(7);
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(messageText(body)).toContain('Geometry > Plane Geometry > Triangle > Area of a triangle');
    expect(messageText(body)).toContain('easy, easy, medium, hard');
  });

  it('asks with json_schema where the endpoint supports it', async () => {
    const from = server.log.length;
    server.script(reply({ problems: [problem()] }));
    await roles({}, { jsonSchema: true }).author!.generate(KNOWLEDGE, 1, 1, meta);
    const rf = server.log[from]!.body.response_format;
    expect(rf.type).toBe('json_schema');
    expect(rf.json_schema.name).toBe('author_problems');
    expect(Object.keys(rf.json_schema.schema.properties.problems.items.properties)).toContain('figureCode');
    expect(rf.json_schema.schema.properties.problems.items.properties).not.toHaveProperty('blueprint');
  });

  it('accepts JSON inside a ```json fence and null for an omitted field', async () => {
    server.script({ content: `Here you go:\n\`\`\`json\n${JSON.stringify({ problems: [problem({ problemType: 'fill-in-the-blank', choices: null, answer: '55800' })] })}\n\`\`\`` });
    const res = await roles().author!.generate(KNOWLEDGE, 1, 1, meta);
    expect(res.drafts[0]!.answer).toBe('55800');
    expect(res.drafts[0]!.choices).toBeUndefined();
  });

  it('sends one repair request quoting the validation error, and uses the repaired reply', async () => {
    const from = server.log.length;
    server.script(reply({ problems: 'three problems' }), reply({ problems: [problem()] }));
    const res = await roles().author!.generate(KNOWLEDGE, 1, 1, meta);
    expect(res.drafts).toHaveLength(1);
    expect(res.calls).toHaveLength(2);
    const repair = server.log[from + 1]!.body.messages;
    expect(repair).toHaveLength(4);
    expect(repair[2]).toEqual({ role: 'assistant', content: JSON.stringify({ problems: 'three problems' }) });
    expect(repair[3].content).toMatch(/could not be used: problems: .*array/);
  });

  it('fails as `not-json` after one repair request, keeping the raw output', async () => {
    const from = server.log.length;
    server.script({ content: 'Sure! Here are three problems about triangles.' }, { content: '{"problems": [{"knowledge": ', finishReason: 'length' });
    const err = await rejection(roles().author!.generate(KNOWLEDGE, 3, 1, meta));
    expect(err.reason).toBe('not-json');
    expect(err.raw).toBe('{"problems": [{"knowledge": ');
    expect(err.message).toMatch(/cut off at the token limit/);
    expect(err.calls).toHaveLength(2);
    expect(server.log.length - from).toBe(2);
    expect(server.log[from + 1]!.body.messages[3].content).toMatch(/not JSON/);
  });

  it('fails as `schema` when the repaired reply still breaks the schema', async () => {
    server.script(reply({ score: 'high' }), reply({ score: 11, reasons: ['fine'] }));
    const err = await rejection(roles().judges!.image(judgeInput(draft())));
    expect(err.reason).toBe('schema');
    expect(err.raw).toBe(JSON.stringify({ score: 11, reasons: ['fine'] }));
    expect(err.message).toMatch(/score/);
  });

  it('names the specific reason when no problem survives, after the repair request', async () => {
    server.script(reply({ problems: [problem({ answer: 'Z' })] }), reply({ problems: [problem({ answer: '42' })] }));
    const err = await rejection(roles().author!.generate(KNOWLEDGE, 1, 1, meta));
    expect(err.reason).toBe('answer-not-in-choices');
    expect(err.raw).toContain('"answer":"42"');
  });
});
