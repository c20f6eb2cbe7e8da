/**
 * How close the pipeline's LLM-bound stage gets to the ideal throughput: author calls through generate
 * workers (BullMQ, the LLM layer, prompt rendering, structured-output validation of three problems per
 * reply, follow-up jobs, the response cache) against the scripted OpenAI-compatible endpoint answering
 * after a fixed latency, with 256 requests in flight. Ideal = in-flight / latency = 512 calls/s.
 * Measured with the 256 in flight in one worker process, then split over two worker processes (how a
 * deployment adds generate capacity). The endpoint runs in its own process.
 * Usage: npx tsx bench/pipeline-llm.ts   (prints one JSON object as its last line)
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load.js';
import type { Config } from '../src/config/schema.js';
import { openDb, dbPath } from '../src/store/db.js';
import { importSeeds, loadSeeds } from '../seeds/load.js';
import { connectRedis } from '../src/redis/connect.js';
import { createServices } from '../src/pipeline/create-services.js';
import { startWorkers } from '../src/pipeline/workers.js';
import { enqueue } from '../src/pipeline/enqueue.js';
import { jobIds } from '../src/pipeline/stages.js';
import { planRound } from '../knowledge/index.js';
import { startOpenAiServer } from '../tests/support/openai-server.js';
import { OfflineAuthor } from '../src/offline/author.js';
import { BLUEPRINTS } from '../src/offline/blueprints/index.js';

const IN_FLIGHT = 256;
const LATENCY_MS = 500;
const JOBS = 8000;
const WARM_MS = 3000;
const MEASURE_MS = 10_000;
const self = path.resolve(process.argv[1]!);
/** Worker processes start the way bin/flywheel.mjs starts every flywheel process. */
const WORKER_FLAG = '--max-semi-space-size=64';

/**
 * The endpoint gets `inFlight` requests at a time (the LLM limiter); the stage holds a quarter more jobs
 * than that, so a job's bookkeeping before and after its call never leaves an LLM slot idle.
 */
function benchConfig(out: string, serverUrl: string, inFlight: number): Config {
  return loadConfig({
    env: {},
    flags: {
      outputDir: out,
      'llm.roles.author': { baseURL: serverUrl, apiKey: 'bench', model: 'bench-author', concurrency: inFlight },
      'llm.cache': false,
      'pipeline.concurrency.generate': Math.ceil(inFlight * 1.25),
    },
  }).config;
}

const message = <T>(child: ChildProcess) => new Promise<T>((resolve) => child.once('message', resolve as (m: unknown) => void));

if (process.argv[2] === 'serve') {
  const drafts = new OfflineAuthor(BLUEPRINTS, 0).generate({ mode: 'knowledge', points: [{ id: 'k', path: BLUEPRINTS[0]!.knowledge[0]! }] }, 3, 1);
  const reply = JSON.stringify({ problems: drafts.map(({ blueprint: _b, ...d }) => d) });
  const server = await startOpenAiServer({ latencyMs: LATENCY_MS, keepBodies: false, responder: () => ({ content: reply, usage: { prompt_tokens: 3000, completion_tokens: 1500 } }) });
  process.send!({ url: server.url });
  process.on('message', () => {
    const cpu = process.cpuUsage();
    process.send!({ cpuMs: (cpu.user + cpu.system) / 1000, maxInFlight: server.maxInFlight });
  });
} else if (process.argv[2] === 'work') {
  const [, , , out, serverUrl, redisUrl, inFlight] = process.argv;
  const services = createServices(benchConfig(out!, serverUrl!, Number(inFlight)), redisUrl!, () => undefined);
  const workers = startWorkers(services, ['generate']);
  let cpu0 = process.cpuUsage();
  process.send!('ready');
  process.on('message', async (m) => {
    if (m === 'start') {
      cpu0 = process.cpuUsage();
      process.send!('started');
      return;
    }
    const cpu = process.cpuUsage(cpu0);
    await workers.close();
    await services.close();
    process.send!({ cpuMs: (cpu.user + cpu.system) / 1000 });
    process.exit(0);
  });
} else {
  const server = fork(self, ['serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { url } = await message<{ url: string }>(server);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'flywheel-bench-llm-'));
  const config = benchConfig(out, url, IN_FLIGHT);
  const db = openDb(dbPath(out));
  importSeeds(db, loadSeeds());
  const plan = planRound(db, { round: 1, seed: 1, perRound: 500, toolDrivenShare: 0.3 });
  db.close();
  const redis = await connectRedis(config);
  const services = createServices(config, redis.url, () => undefined);

  const measure = async (round: number, processes: number) => {
    await enqueue(
      services.queues,
      services.tracker,
      Array.from({ length: JOBS }, (_, i) => ({ stage: 'generate' as const, id: jobIds.generate(round, i), data: { kind: 'plan', round, unitId: jobIds.generate(round, i), item: plan[i % plan.length]!, seed: i } })),
    );
    const done = async () => (await services.tracker.progress(round)).generate?.done ?? 0;
    const redisCpuMs = async () => {
      const info = await services.redis.info('cpu');
      return 1000 * ['used_cpu_sys', 'used_cpu_user'].reduce((s, k) => s + Number(new RegExp(`${k}:([0-9.]+)`).exec(info)![1]), 0);
    };
    const serverStats = async () => (server.send('cpu'), await message<{ cpuMs: number; maxInFlight: number }>(server));
    const serverCpuMs = async () => (await serverStats()).cpuMs;
    const workers = Array.from({ length: processes }, () => fork(self, ['work', out, url, redis.url, String(IN_FLIGHT / processes)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...process.execArgv, WORKER_FLAG] }));
    await Promise.all(workers.map((w) => message(w)));
    await new Promise((r) => setTimeout(r, WARM_MS));
    await Promise.all(workers.map(async (w) => (w.send('start'), await message(w))));
    const [n0, t0, r0, s0] = [await done(), Date.now(), await redisCpuMs(), await serverCpuMs()];
    await new Promise((r) => setTimeout(r, MEASURE_MS));
    const [n1, t1, r1, s1] = [await done(), Date.now(), await redisCpuMs(), await serverCpuMs()];
    const cpu = await Promise.all(workers.map(async (w) => (w.send('stop'), (await message<{ cpuMs: number }>(w)).cpuMs)));
    for (const q of Object.values(services.queues)) await q.obliterate({ force: true });
    const callsPerSec = (n1 - n0) / ((t1 - t0) / 1000);
    return {
      processes,
      authorCallsPerSec: Math.round(callsPerSec),
      ratio: +(callsPerSec / (IN_FLIGHT / (LATENCY_MS / 1000))).toFixed(3),
      workerCpuMsPerCall: +(cpu.reduce((a, b) => a + b, 0) / (n1 - n0)).toFixed(3),
      redisCpuMsPerCall: +((r1 - r0) / (n1 - n0)).toFixed(3),
      endpointCpuMsPerCall: +((s1 - s0) / (n1 - n0)).toFixed(3),
      endpointMaxInFlight: (await serverStats()).maxInFlight,
    };
  };

  const one = await measure(1, 1);
  const two = await measure(2, 2);
  await services.close();
  await redis.close();
  server.kill();
  fs.rmSync(out, { recursive: true, force: true });
  const best = two.ratio > one.ratio ? two : one;
  console.log(
    JSON.stringify({
      bench: 'pipeline-llm',
      cpus: os.cpus().length,
      inFlight: IN_FLIGHT,
      latencyMs: LATENCY_MS,
      idealCallsPerSec: IN_FLIGHT / (LATENCY_MS / 1000),
      oneProcess: one,
      twoProcesses: two,
      authorCallsPerSec: best.authorCallsPerSec,
      draftsPerSec: best.authorCallsPerSec * 3,
      ratio: best.ratio,
      goalRatio: 0.9,
    }),
  );
}
