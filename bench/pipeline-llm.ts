/**
 * How close the pipeline's LLM-bound stage gets to the ideal throughput: author calls through the
 * generate workers (BullMQ, the LLM layer, prompt rendering, structured-output validation of three
 * problems per reply, follow-up jobs) against the scripted OpenAI-compatible endpoint answering after a
 * fixed latency, with 256 requests in flight. Ideal = in-flight / latency = 512 calls/s.
 * The endpoint runs in a child process. Usage: npx tsx bench/pipeline-llm.ts   (one JSON object last)
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load.js';
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
const JOBS = 9000;
const WARM_MS = 3000;
const MEASURE_MS = 10_000;

if (process.argv[2] === 'serve') {
  const drafts = new OfflineAuthor(BLUEPRINTS, 0).generate({ mode: 'knowledge', points: [{ id: 'k', path: BLUEPRINTS[0]!.knowledge[0]! }] }, 3, 1);
  const reply = JSON.stringify({ problems: drafts.map(({ blueprint: _b, ...d }) => d) });
  const server = await startOpenAiServer({ latencyMs: LATENCY_MS, keepBodies: false, responder: () => ({ content: reply, usage: { prompt_tokens: 3000, completion_tokens: 1500 } }) });
  process.send!({ url: server.url });
} else {
  const child = fork(path.resolve(process.argv[1]!), ['serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { url } = await new Promise<{ url: string }>((resolve) => child.once('message', resolve as (m: unknown) => void));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'flywheel-bench-llm-'));
  const { config } = loadConfig({
    env: {},
    flags: {
      outputDir: out,
      'llm.roles.author': { baseURL: url, apiKey: 'bench', model: 'bench-author', concurrency: IN_FLIGHT },
      'llm.cache': false,
      'pipeline.concurrency.generate': IN_FLIGHT,
    },
  });
  const db = openDb(dbPath(out));
  importSeeds(db, loadSeeds());
  const plan = planRound(db, { round: 1, seed: 1, perRound: 500, toolDrivenShare: 0.3 });
  db.close();
  const redis = await connectRedis(config);
  const services = createServices(config, redis.url, () => undefined);
  await enqueue(
    services.queues,
    services.tracker,
    Array.from({ length: JOBS }, (_, i) => ({ stage: 'generate' as const, id: jobIds.generate(1, i), data: { kind: 'plan', round: 1, unitId: jobIds.generate(1, i), item: plan[i % plan.length]!, seed: i } })),
  );
  let peakRss = 0;
  const rss = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  const done = async () => (await services.tracker.progress(1)).generate?.done ?? 0;
  const workers = startWorkers(services, ['generate']);
  await new Promise((r) => setTimeout(r, WARM_MS));
  const [n0, t0, cpu0] = [await done(), Date.now(), process.cpuUsage()];
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  const [n1, t1, cpu] = [await done(), Date.now(), process.cpuUsage(cpu0)];
  clearInterval(rss);
  await workers.close();
  await services.close();
  await redis.close();
  child.kill();
  fs.rmSync(out, { recursive: true, force: true });
  const callsPerSec = (n1 - n0) / ((t1 - t0) / 1000);
  const ideal = IN_FLIGHT / (LATENCY_MS / 1000);
  console.log(
    JSON.stringify({
      bench: 'pipeline-llm',
      cpus: os.cpus().length,
      inFlight: IN_FLIGHT,
      latencyMs: LATENCY_MS,
      idealCallsPerSec: ideal,
      authorCallsPerSec: Math.round(callsPerSec),
      draftsPerSec: Math.round(callsPerSec * 3),
      ratio: +(callsPerSec / ideal).toFixed(3),
      nodeCpuMsPerCall: +((cpu.user + cpu.system) / 1000 / (n1 - n0)).toFixed(3),
      peakRssMB: Math.round(peakRss / 2 ** 20),
      goalRatio: 0.9,
    }),
  );
}
