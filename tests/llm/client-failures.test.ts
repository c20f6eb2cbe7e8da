import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LlmClient } from '../../src/llm/client.js';
import { LlmError } from '../../src/llm/errors.js';
import { roleEndpoint, type RoleEndpoint } from '../../src/llm/settings.js';
import { freePort } from '../../src/redis/free-port.js';
import { startOpenAiServer, type OpenAiServer } from '../support/openai-server.js';
import { llmConfig } from './helpers.js';

let server: OpenAiServer;
const clients: LlmClient[] = [];

beforeAll(async () => {
  server = await startOpenAiServer({ apiKey: 'sk-test', models: ['test-model'] });
});
afterAll(() => server.close());
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  server.setResponder(() => ({ content: '{"ok":true}' }));
  server.setLatency(0);
});

function setup(llm: Record<string, unknown> = {}, defaults: Record<string, unknown> = {}, url = server.url): { client: LlmClient; ep: RoleEndpoint } {
  const config = llmConfig(url, llm, defaults);
  const client = new LlmClient({ llm: config.llm });
  clients.push(client);
  return { client, ep: roleEndpoint(config.llm, 'checker')! };
}

const ask = (client: LlmClient, ep: RoleEndpoint, text = 'hello') =>
  client.chat({ endpoint: ep, messages: [{ role: 'user', content: text }], version: 't@1', generation: false });

async function failure(p: Promise<unknown>): Promise<LlmError> {
  const err = await p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LlmError);
  return err as LlmError;
}

/** Requests received since `from`. */
const since = (from: number) => server.log.slice(from);

describe('LLM client failure modes', () => {
  it('reports an unreachable endpoint as `unreachable` after its retries', async () => {
    const port = await freePort();
    const { client, ep } = setup({}, { maxRetries: 1 }, `http://127.0.0.1:${port}/v1`);
    const err = await failure(ask(client, ep));
    expect(err.reason).toBe('unreachable');
    expect(err.message).toMatch(/cannot connect/);
  });

  it('maps 401 to `auth` and 404 to `model-not-found`, without retrying', async () => {
    const from = server.log.length;
    const bad = setup({}, { apiKey: 'sk-wrong' });
    expect((await failure(ask(bad.client, bad.ep))).reason).toBe('auth');
    const unknown = setup({}, { model: 'no-such-model' });
    const err = await failure(ask(unknown.client, unknown.ep));
    expect(err.reason).toBe('model-not-found');
    expect(err.status).toBe(404);
    expect(since(from)).toHaveLength(2);
  });

  it('honours Retry-After in seconds, in milliseconds and as an HTTP date during a 429 storm', async () => {
    const { client, ep } = setup();
    const from = server.log.length;
    const storm = [
      () => ({ status: 429, headers: { 'retry-after': '1' } }),
      () => ({ status: 429, headers: { 'retry-after-ms': '300' } }),
      () => ({ status: 429, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } }),
      () => ({ content: '{"after":"storm"}' }),
    ];
    server.setResponder(() => storm.shift()!());
    const reply = await ask(client, ep);
    expect(reply.text).toBe('{"after":"storm"}');
    const t = since(from).map((r) => r.receivedAt);
    expect(t).toHaveLength(4);
    expect(t[1]! - t[0]!).toBeGreaterThanOrEqual(1000);
    expect(t[2]! - t[1]!).toBeGreaterThanOrEqual(300);
    // An HTTP date has one-second resolution: the wait is between 1 and 2 s.
    expect(t[3]! - t[2]!).toBeGreaterThanOrEqual(900);
  });

  it('pauses the whole endpoint during a 429 storm: no request goes out before the asked wait is over', async () => {
    const { client, ep } = setup();
    const from = server.log.length;
    let limited = 0;
    server.setResponder(() => (limited++ < 5 ? { status: 429, headers: { 'retry-after-ms': '400' } } : { content: '{"calm":true}' }));
    const replies = await Promise.all(Array.from({ length: 5 }, (_, i) => ask(client, ep, `storm ${i}`)));
    expect(replies.every((r) => r.text === '{"calm":true}')).toBe(true);
    const log = since(from);
    expect(log).toHaveLength(10);
    const lastLimit = Math.max(...log.filter((r) => r.status === 429).map((r) => r.endedAt!));
    const firstRetry = Math.min(...log.filter((r) => r.status === 200).map((r) => r.receivedAt));
    expect(firstRetry - lastLimit).toBeGreaterThanOrEqual(390);
  });

  it('gives up as `rate-limited` when Retry-After is longer than the longest allowed wait', async () => {
    const { client, ep } = setup({}, { retryMaxMs: 500 });
    const from = server.log.length;
    server.script({ status: 429, headers: { 'retry-after': '30' } });
    const err = await failure(ask(client, ep));
    expect(err.reason).toBe('rate-limited');
    expect(err.retryAfterMs).toBe(30_000);
    expect(since(from)).toHaveLength(1);
  });

  it('retries a 500, a cut-off body and a malformed body, then succeeds', async () => {
    const { client, ep } = setup();
    const from = server.log.length;
    server.script({ status: 500 }, { truncate: true }, { malformed: true }, { content: '{"fine":1}' });
    expect((await ask(client, ep)).text).toBe('{"fine":1}');
    expect(since(from)).toHaveLength(4);
  });

  it('names a cut-off body and a malformed body `bad-response`', async () => {
    const { client, ep } = setup({}, { maxRetries: 0 });
    server.script({ truncate: true }, { malformed: true });
    expect((await failure(ask(client, ep))).reason).toBe('bad-response');
    expect((await failure(ask(client, ep))).reason).toBe('bad-response');
  });

  it('times out a hanging request and retries it', async () => {
    const { client, ep } = setup({}, { timeoutMs: 300 });
    const from = server.log.length;
    server.script({ hang: true }, { content: '{"second":true}' });
    expect((await ask(client, ep)).text).toBe('{"second":true}');
    const [first, second] = since(from);
    // The client's 300 ms started before the server saw the request (connection set-up).
    expect(first!.endedAt! - first!.receivedAt).toBeGreaterThanOrEqual(250);
    expect(first!.status).toBeUndefined();
    expect(second!.receivedAt).toBeGreaterThanOrEqual(first!.endedAt!);
  });

  it('fails a timed-out call as `timeout` once retries are used up', async () => {
    const { client, ep } = setup({}, { timeoutMs: 200, maxRetries: 0 });
    server.script({ hang: true });
    expect((await failure(ask(client, ep))).reason).toBe('timeout');
  });

  it('close() cancels calls in flight and refuses new ones with reason `closed`', async () => {
    const { client, ep } = setup();
    const from = server.log.length;
    server.script({ hang: true });
    const pending = ask(client, ep);
    await server.waitForRequests(from + 1);
    await client.close();
    expect((await failure(pending)).reason).toBe('closed');
    expect((await failure(ask(client, ep))).reason).toBe('closed');
    expect(since(from)).toHaveLength(1);
  });

  it('treats a reply without choices as `empty-choices` (permanent, not retried)', async () => {
    const { client, ep } = setup();
    const from = server.log.length;
    server.script({ emptyChoices: true });
    expect((await failure(ask(client, ep))).reason).toBe('empty-choices');
    expect(since(from)).toHaveLength(1);
  });

  it('opens the breaker after sustained failures, fails fast while open, probes after the cooldown and closes', async () => {
    const { client, ep } = setup({ breaker: { failureThreshold: 3, cooldownMs: 400 } }, { maxRetries: 0 });
    const { breaker } = client.state(ep.baseURL);
    const from = server.log.length;
    server.setResponder(() => ({ status: 503 }));
    for (let i = 0; i < 3; i++) expect((await failure(ask(client, ep))).reason).toBe('server-error');
    expect(breaker.state).toBe('open');

    const started = Date.now();
    const fast = await failure(ask(client, ep));
    expect(fast.reason).toBe('breaker-open');
    expect(Date.now() - started).toBeLessThan(250);
    expect(since(from)).toHaveLength(3);

    // A failing probe opens it again.
    await once(breaker, 'half-open');
    expect((await failure(ask(client, ep))).reason).toBe('server-error');
    expect(breaker.state).toBe('open');
    expect(since(from)).toHaveLength(4);

    // While the probe is out, other calls still fail fast; its success closes the breaker.
    await once(breaker, 'half-open');
    server.setResponder(() => ({ content: '{"back":true}', delayMs: 150 }));
    const probe = ask(client, ep);
    expect((await failure(ask(client, ep))).reason).toBe('breaker-open');
    expect((await probe).text).toBe('{"back":true}');
    expect(breaker.state).toBe('closed');
    expect((await ask(client, ep)).text).toBe('{"back":true}');
    expect(since(from)).toHaveLength(6);
  });

  it('keeps at most `concurrency` requests in flight per endpoint', async () => {
    const slow = await startOpenAiServer({ latencyMs: 60 });
    try {
      const { client, ep } = setup({}, { concurrency: 3 }, slow.url);
      await Promise.all(Array.from({ length: 12 }, (_, i) => ask(client, ep, `q${i}`)));
      expect(slow.log).toHaveLength(12);
      expect(slow.maxInFlight).toBe(3);
    } finally {
      await slow.close();
    }
  });

  it('spaces requests to the requests-per-minute limit', async () => {
    const { client, ep } = setup({}, { rpm: 600 });
    const from = server.log.length;
    const started = Date.now();
    await Promise.all(Array.from({ length: 15 }, (_, i) => ask(client, ep, `r${i}`)));
    const t = since(from)
      .map((r) => r.receivedAt - started)
      .sort((a, b) => a - b);
    // A bucket of 10 (one second's worth at 600/min) may go at once; the other 5 follow 100 ms apart.
    expect(t).toHaveLength(15);
    expect(t[14]!).toBeGreaterThanOrEqual(490);
    expect(t[14]!).toBeLessThan(5000);
  });
});
