import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LlmError } from '../../src/llm/errors.js';
import { createLlmRoles, type LlmRoleDeps, type LlmRoles } from '../../src/pipeline/roles/llm/index.js';
import type { PlanItem } from '../../src/pipeline/payloads.js';
import { recordUsage, usageBySample, usageTotals } from '../../src/store/usage.js';
import { startTestRedis } from '../support/redis.js';
import { startOpenAiServer, type OpenAiServer } from '../support/openai-server.js';
import { draft, judgeInput, llmConfig, problem, tempDb } from './helpers.js';

let server: OpenAiServer;
let redis: Awaited<ReturnType<typeof startTestRedis>>;
const open: LlmRoles[] = [];
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  [server, redis] = await Promise.all([startOpenAiServer(), startTestRedis()]);
});
afterAll(async () => {
  await Promise.all([server.close(), redis.stop()]);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
  for (const c of cleanups.splice(0)) c();
});

const PRICES = { 'test-model': { inputPerMTok: 2, outputPerMTok: 8 } };
const USAGE = { prompt_tokens: 1000, completion_tokens: 500 };
/** (1000 × 2 + 500 × 8) / 1e6 USD. */
const CALL_COST = 0.006;
const ITEM: PlanItem = { mode: 'tool', tools: [{ id: 't1', name: 'angle bisector', description: 'bisects an angle' }] };
const authored = { content: JSON.stringify({ problems: [problem()] }), usage: USAGE };

function roles(deps: Partial<LlmRoleDeps> & Pick<LlmRoleDeps, 'db'>, llm: Record<string, unknown> = {}): LlmRoles {
  const r = createLlmRoles(llmConfig(server.url, { prices: PRICES, ...llm }), deps);
  open.push(r);
  return r;
}

function store() {
  const s = tempDb();
  cleanups.push(s.cleanup);
  return s.db;
}

describe('response cache', () => {
  it('answers a re-run from the cache (no second request) and records the call as cached and free', async () => {
    const db = store();
    const from = server.log.length;
    server.script(authored);
    const run1 = roles({ db: () => db });
    const first = await run1.author!.generate(ITEM, 1, 5, { round: 1 });
    expect(first.calls[0]).toMatchObject({ cached: false, usage: { promptTokens: 1000, completionTokens: 500, cost: CALL_COST } });
    await run1.close();

    const again = await roles({ db: () => db }).author!.generate(ITEM, 1, 5, { round: 1 });
    expect(server.log.length - from).toBe(1);
    expect(again.drafts).toEqual(first.drafts);
    expect(again.calls).toEqual([{ role: 'author', model: 'test-model', usage: { promptTokens: 0, completionTokens: 0, cost: 0 }, cached: true }]);

    // Another seed is another request.
    server.script(authored);
    await roles({ db: () => db }).author!.generate(ITEM, 1, 6, { round: 1 });
    expect(server.log.length - from).toBe(2);
  });

  it('bypasses the cache with cache=false', async () => {
    const db = store();
    const from = server.log.length;
    server.script(authored, authored);
    const run1 = roles({ db: () => db });
    await run1.author!.generate(ITEM, 1, 5, { round: 1 });
    await run1.close();
    const res = await roles({ db: () => db }, { cache: false }).author!.generate(ITEM, 1, 5, { round: 1 });
    expect(server.log.length - from).toBe(2);
    expect(res.calls[0]!.cached).toBe(false);
  });

  it('does not cache a reply that failed validation, so a re-run asks again', async () => {
    const db = store();
    const from = server.log.length;
    server.script({ content: 'no JSON here' }, authored);
    const run1 = roles({ db: () => db });
    await run1.author!.generate(ITEM, 1, 5, { round: 1 });
    await run1.close();
    server.script(authored);
    const rerun = await roles({ db: () => db }).author!.generate(ITEM, 1, 5, { round: 1 });
    expect(server.log.length - from).toBe(3);
    expect(rerun.calls).toHaveLength(1);
    expect(rerun.calls[0]!.cached).toBe(false);
  });
});

describe('usage and cost', () => {
  it('prices every call from the table and totals it per round, role, model and sample', async () => {
    const db = store();
    server.script({ content: JSON.stringify({ score: 9, reasons: ['ok'] }), usage: { prompt_tokens: 2000, completion_tokens: 100 } });
    const judged = await roles({ db: () => db }).judges!.image(judgeInput(draft(), 2));
    expect(judged.calls[0]!.usage.cost).toBeCloseTo((2000 * 2 + 100 * 8) / 1e6, 12);
    recordUsage(db, [
      ...judged.calls.map((c) => ({ round: 2, sampleId: 's1', role: c.role, model: c.model, usage: c.usage, cached: c.cached })),
      { round: 2, sampleId: 's1', role: 'author', model: 'big', usage: { promptTokens: 10, completionTokens: 20, cost: 0.5 }, cached: false },
      { round: 2, sampleId: 's2', role: 'author', model: 'big', usage: { promptTokens: 0, completionTokens: 0, cost: 0 }, cached: true },
      { round: 3, sampleId: null, role: 'embedder', model: 'emb', usage: { promptTokens: 7, completionTokens: 0, cost: 0.1 }, cached: false },
    ]);
    const r2 = usageTotals(db, { round: 2 });
    expect(r2.total).toEqual({ calls: 3, promptTokens: 2010, completionTokens: 120, cost: expect.closeTo(0.5048, 10), cachedCalls: 1 });
    expect(r2.byRole.author).toEqual({ calls: 2, promptTokens: 10, completionTokens: 20, cost: 0.5, cachedCalls: 1 });
    expect(r2.byModel['test-model']?.calls).toBe(1);
    expect(usageTotals(db).total.calls).toBe(4);
    expect(Object.keys(usageBySample(db))).toEqual(['s1', 's2']);
    expect(usageBySample(db, { round: 2 }).s1?.calls).toBe(2);
    expect(JSON.parse(JSON.stringify(r2))).toEqual(r2);
  });
});

describe('round budget', () => {
  it('stops generation on every worker once the round budget is spent in Redis, while judging continues', async () => {
    const db = store();
    const deps = { db: () => db, redis: redis.client };
    // Two independent role sets stand for two worker machines sharing Redis.
    const a = roles(deps, { budgetUsdPerRound: 0.01, cache: false });
    const b = roles(deps, { budgetUsdPerRound: 0.01, cache: false });
    server.script(authored, authored);
    await a.author!.generate(ITEM, 1, 1, { round: 9 });
    await b.author!.generate(ITEM, 1, 2, { round: 9 });
    const from = server.log.length;

    const err = await a.author!.generate(ITEM, 1, 3, { round: 9 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).reason).toBe('budget-exceeded');
    expect((err as LlmError).message).toMatch(/round 9 has spent \$0\.0120 of its \$0\.0100 LLM budget \(llm\.budgetUsdPerRound\)/);
    const exp = await b.expander!.expand(draft(), 'parallel', 1, async () => Buffer.alloc(0), { round: 9 }).catch((e: unknown) => e);
    expect((exp as LlmError).reason).toBe('budget-exceeded');
    const rep = await b.repairer!.repair(draft(), [], { round: 9 }).catch((e: unknown) => e);
    expect((rep as LlmError).reason).toBe('budget-exceeded');
    expect(server.log.length).toBe(from);

    server.script({ content: JSON.stringify({ score: 8, reasons: ['fine'] }), usage: USAGE });
    expect((await b.judges!.image(judgeInput(draft(), 9))).verdict.score).toBe(8);
    expect(Number(await redis.client.get('flywheel:llm:spend:r9'))).toBeCloseTo(3 * CALL_COST, 10);

    server.script(authored);
    expect((await a.author!.generate(ITEM, 1, 3, { round: 10 })).drafts).toHaveLength(1);
  });
});
