import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tmpDir } from '../support/tmp.js';
import { readOutput, sampleSet } from '../support/pipeline-db.js';
import { startOpenAiServer, type OpenAiServer, type Reply } from '../support/openai-server.js';
import { ScriptedLlm } from '../support/scripted-llm.js';

const RUN = ['run', '--rounds', '1', '--per-round', '4', '--seed', '4', '--no-progress', '--set', 'pipeline.maxDepth=2', '--set', 'pipeline.robustnessShare=0', '--set', 'pipeline.jobAttempts=6', '--set', 'llm.breaker.cooldownMs=1000'];
const env = (server: OpenAiServer) => ({ OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test-key', FLYWHEEL_LLM__DEFAULTS__MODEL: 'scripted-vl' });

describe('the LLM path: every role on a scripted OpenAI-compatible endpoint over a real socket', () => {
  const t = tmpDir('flywheel-llm-');
  const cleanOut = path.join(t.dir, 'clean');
  const stormOut = path.join(t.dir, 'storm');
  const llm = new ScriptedLlm(0.5, 0.2);
  let server: OpenAiServer;
  let clean: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    server = await startOpenAiServer({ responder: llm.respond, apiKey: 'sk-test-key' });
    clean = await runCli([...RUN, '--output', cleanOut], { env: env(server) });
  }, 240_000);
  afterAll(async () => {
    await server.close();
    t.cleanup();
  });

  it('authors, judges, repairs, fixes code and expands through the endpoint', () => {
    expect(clean.stderr).not.toMatch(/error/i);
    expect(clean.code).toBe(0);
    const { samples, rounds } = readOutput(cleanOut);
    expect(rounds).toEqual([{ id: 1, status: 'done' }]);
    expect(llm.counts.invalid).toBeGreaterThanOrEqual(2);
    expect(samples.filter((s) => s.kind === 'base')).toHaveLength(12 - llm.counts.invalid!);
    expect(new Set(samples.map((s) => s.kind))).toEqual(new Set(['base', 'repaired', 'expanded']));
    expect(new Set(samples.map((s) => s.status))).toEqual(new Set(['accepted', 'rejected']));
    expect(samples.some((s) => s.recovery_json !== '[]')).toBe(true);
    for (const role of ['author', 'fix', 'qa', 'image', 'interaction', 'repair', 'expand']) expect(llm.counts[role], role).toBeGreaterThan(0);
  });

  it('records provider, models, prompt versions and token usage per sample', async () => {
    const { samples } = readOutput(cleanOut);
    const prov = JSON.parse((samples[0] as unknown as { provenance_json: string }).provenance_json) as { provider: string; models: Record<string, string>; promptVersions: Record<string, string>; usage: { promptTokens: number } };
    expect(prov.provider).toBe('openai-compatible');
    expect(prov.models).toMatchObject({ author: 'scripted-vl', checker: 'scripted-vl' });
    expect(prov.promptVersions.author).toMatch(/^author@/);
    expect(prov.usage.promptTokens).toBeGreaterThan(0);
    const status = JSON.parse((await runCli(['status', '--json', '--output', cleanOut])).stdout) as { usage: { total: { calls: number }; byRole: Record<string, unknown> } };
    expect(status.usage.total.calls).toBe(server.log.filter((r) => r.status === 200).length);
    expect(Object.keys(status.usage.byRole)).toEqual(expect.arrayContaining(['author', 'checker', 'repairer', 'expander']));
  });

  it('problems that fail validation are recorded with their reason, on the round line and in status', async () => {
    const failures = readOutput(cleanOut).failures.filter((f) => f.stage === 'generate');
    expect(failures).toHaveLength(llm.counts.invalid!);
    expect(new Set(failures.map((f) => f.reason))).toEqual(new Set(['empty-choices', 'answer-not-in-choices']));
    expect(clean.stdout).toMatch(/failures: .*generate\/(empty-choices|answer-not-in-choices) ×\d/);
    const status = await runCli(['status', '--output', cleanOut]);
    expect(status.stdout).toMatch(/generate\/answer-not-in-choices: \d+/);
    expect(status.stdout).toMatch(/generate\/empty-choices: \d+/);
  });

  it('a wrong key and an unreachable endpoint fail every call with a recorded reason, without a crash or a stall', async () => {
    const quick = ['--set', 'pipeline.jobAttempts=1', '--set', 'llm.defaults.maxRetries=0'];
    const wrongKey = await runCli([...RUN, ...quick, '--output', path.join(t.dir, 'wrong-key')], { env: { ...env(server), OPENAI_API_KEY: 'sk-wrong' } });
    expect(wrongKey.code).toBe(0);
    expect(wrongKey.stdout).toMatch(/round 1: 0 samples .*failures: generate\/auth ×4/);
    const down = await runCli([...RUN, ...quick, '--output', path.join(t.dir, 'down')], { env: { ...env(server), OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' } });
    expect(down.code).toBe(0);
    const reasons = new Set(readOutput(path.join(t.dir, 'down')).failures.map((f) => f.reason));
    expect(reasons.has('unreachable')).toBe(true);
    const status = JSON.parse((await runCli(['status', '--json', '--output', path.join(t.dir, 'wrong-key')])).stdout) as { failures: { stage: string; reason: string; count: number }[] };
    expect(status.failures).toEqual([expect.objectContaining({ stage: 'generate', reason: 'auth', count: 4 })]);
  }, 120_000);

  it('once the round budget is spent, generation calls stop with a recorded reason while judging goes on', async () => {
    const out = path.join(t.dir, 'budget');
    const run = await runCli(
      [...RUN, '--output', out, '--set', 'llm.roles.author.concurrency=1', '--set', 'llm.budgetUsdPerRound=0.001', '--set', 'llm.prices={"scripted-vl":{"inputPerMTok":1000,"outputPerMTok":1000}}'],
      { env: env(server) },
    );
    expect(run.code).toBe(0);
    const { samples, failures } = readOutput(out);
    expect(failures.filter((f) => f.stage === 'generate' && f.reason === 'budget-exceeded')).toHaveLength(3);
    expect(failures.find((f) => f.reason === 'budget-exceeded')!.message).toMatch(/budget/i);
    expect(samples.some((s) => s.kind === 'base' && s.status === 'accepted')).toBe(true);
    expect(new Set(failures.map((f) => f.reason))).toEqual(new Set(['budget-exceeded', ...failures.filter((f) => /choices/.test(f.reason)).map((f) => f.reason)]));
  }, 120_000);

  it('a storm of 429s and 500s: no stall, the breaker opens and recovers, every failure is recorded, the same samples come out', async () => {
    let n = 0;
    const before = server.log.length;
    server.setResponder((req): Reply => {
      n++;
      if (n <= 10) return { status: 429, message: 'slow down', headers: { 'retry-after': '1' } };
      if (n <= 19) return { status: 500, message: 'overloaded' };
      return llm.respond(req);
    });
    const storm = await runCli([...RUN, '--output', stormOut], { env: env(server) });
    expect(storm.code).toBe(0);
    expect(sampleSet(stormOut)).toEqual(sampleSet(cleanOut));
    const served = server.log.slice(before);
    const failures = readOutput(stormOut).failures;
    const count = (reason: string) => failures.filter((f) => f.reason === reason).length;
    expect(count('rate-limited')).toBe(served.filter((r) => r.status === 429).length);
    expect(count('server-error')).toBe(served.filter((r) => r.status === 500).length);
    expect(count('breaker-open')).toBeGreaterThan(0);
  }, 180_000);
});
