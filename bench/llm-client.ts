/**
 * Throughput of the LLM layer against the scripted OpenAI-compatible server: 256 calls in flight, each
 * answered after 500 ms, so the ideal is 512 calls/s. The server runs in a child process (its own core);
 * judge calls go through the whole layer (prompt, limiter, breaker, cache, structured output, usage).
 * Baseline in the same run: the bare openai SDK with Node's default fetch, same load.
 * Usage: npx tsx bench/llm-client.ts   (prints one JSON object as its last line)
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { Config } from '../src/config/schema.js';
import { createLlmRoles } from '../src/pipeline/roles/llm/index.js';
import { openDb } from '../src/store/db.js';
import { startOpenAiServer } from '../tests/support/openai-server.js';
import { draft, judgeInput } from '../tests/llm/helpers.js';

const IN_FLIGHT = 256;
const LATENCY_MS = 500;
const WARM_MS = 2_000;
const MEASURE_MS = 10_000;
const VERDICT = JSON.stringify({ score: 8, reasons: ['the figure is complete'] });

if (process.argv[2] === 'serve') {
  const server = await startOpenAiServer({ latencyMs: LATENCY_MS, keepBodies: false, responder: () => ({ content: VERDICT }) });
  const cpu0 = process.cpuUsage();
  process.send!({ url: server.url });
  process.on('message', () => {
    const cu = process.cpuUsage(cpu0);
    process.send!({ requests: server.log.length, cpuMs: (cu.user + cu.system) / 1000 });
  });
} else {
  const child = fork(path.resolve(process.argv[1]!), ['serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise<any>((resolve) => child.once('message', resolve));
  const { url } = await next();
  let peakRss = 0;
  const rss = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

  /** Runs `call` from IN_FLIGHT loops for the warm-up and then the measured window. */
  const measure = async (call: (i: number) => Promise<unknown>) => {
    let seq = 0;
    const loop = async (until: number, count: { n: number }) => {
      while (Date.now() < until) {
        await call(seq++);
        count.n++;
      }
    };
    const warm = { n: 0 };
    const warmUntil = Date.now() + WARM_MS;
    await Promise.all(Array.from({ length: IN_FLIGHT }, () => loop(warmUntil, warm)));
    const done = { n: 0 };
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    await Promise.all(Array.from({ length: IN_FLIGHT }, () => loop(t0 + MEASURE_MS, done)));
    const secs = (Date.now() - t0) / 1000;
    const cu = process.cpuUsage(cpu0);
    const perSec = done.n / secs;
    return { callsPerSec: Math.round(perSec), ratio: +(perSec / (IN_FLIGHT / (LATENCY_MS / 1000))).toFixed(3), clientCpuMsPerCall: +((cu.user + cu.system) / 1000 / done.n).toFixed(3) };
  };

  const sdk = new OpenAI({ baseURL: url, apiKey: 'bench', maxRetries: 0 });
  const base = draft();
  const baselineSdk = await measure((i) =>
    sdk.chat.completions.create({ model: 'bench-model', temperature: 0, messages: [{ role: 'user', content: `${base.question} #${i}` }] }),
  );

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flywheel-bench-llm-'));
  const db = openDb(path.join(dir, 'flywheel.db'));
  const config = Config.parse({ outputDir: dir, llm: { defaults: { baseURL: url, model: 'bench-model', concurrency: IN_FLIGHT, vision: false } } });
  const roles = createLlmRoles(config, { db: () => db });
  // Every call has a new question, so none is answered from the cache (each reply is written to it).
  const llmLayer = await measure((i) => roles.judges!.image(judgeInput({ ...base, question: `${base.question} #${i}` })));
  await roles.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });

  child.send('report');
  const server = await next();
  child.kill();
  clearInterval(rss);
  console.log(
    JSON.stringify({
      inFlight: IN_FLIGHT,
      latencyMs: LATENCY_MS,
      idealCallsPerSec: IN_FLIGHT / (LATENCY_MS / 1000),
      llmLayerCallsPerSec: llmLayer.callsPerSec,
      llmLayerRatio: llmLayer.ratio,
      llmLayerClientCpuMsPerCall: llmLayer.clientCpuMsPerCall,
      baselineSdkCallsPerSec: baselineSdk.callsPerSec,
      baselineSdkRatio: baselineSdk.ratio,
      baselineSdkClientCpuMsPerCall: baselineSdk.clientCpuMsPerCall,
      serverCpuMsPerRequest: +(server.cpuMs / server.requests).toFixed(3),
      peakRssMB: Math.round(peakRss / 2 ** 20),
      loadAverage1m: +os.loadavg()[0]!.toFixed(2),
      cpus: os.cpus().length,
    }),
  );
}
