/**
 * Accepted samples per second of a multi-round offline run: the whole flywheel in one process as
 * `flywheel run` drives it (embedded Redis, Chromium render pool, SQLite store, evolve between rounds).
 * Usage: npx tsx bench/pipeline-offline.ts [rounds] [perRound]   (prints one JSON object as its last line)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { openDb, dbPath } from '../src/store/db.js';
import { importSeeds, loadSeeds } from '../seeds/load.js';
import { connectRedis } from '../src/redis/connect.js';
import { createServices } from '../src/pipeline/create-services.js';
import { startWorkers } from '../src/pipeline/workers.js';
import { runRounds } from '../src/pipeline/controller.js';
import { countSamples } from '../src/store/samples.js';

const rounds = Number(process.argv[2] ?? 3);
const perRound = Number(process.argv[3] ?? 60);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'flywheel-bench-offline-'));
const { config } = loadConfig({ env: {}, flags: { outputDir: out, 'pipeline.rounds': rounds, 'pipeline.perRound': perRound, 'pipeline.seed': 17 } });

const db = openDb(dbPath(out));
importSeeds(db, loadSeeds());
db.close();
const redis = await connectRedis(config);
const services = createServices(config, redis.url, () => undefined);
await services.renderPool();
const workers = startWorkers(services, ['generate', 'render', 'check', 'repair', 'expand', 'store']);
let peakRss = 0;
const rss = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
const cpu0 = process.cpuUsage();
const t0 = Date.now();
const reports = await runRounds(services, { rounds, resume: false });
const wallSec = (Date.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
clearInterval(rss);
const counts = countSamples(services.db());
await workers.close();
await services.close();
await redis.close();
fs.rmSync(out, { recursive: true, force: true });

const accepted = counts.byStatus.accepted ?? 0;
const evolveSec = reports.reduce((s, r) => s + (r.growth as { durationMs: number }).durationMs, 0) / 1000;
console.log(
  JSON.stringify({
    bench: 'pipeline-offline',
    cpus: os.cpus().length,
    rounds,
    authorCallsPerRound: perRound,
    samples: counts.total,
    accepted,
    byStatus: counts.byStatus,
    byKind: counts.byKind,
    wallSec: +wallSec.toFixed(1),
    evolveSec: +evolveSec.toFixed(1),
    acceptedSamplesPerSec: +(accepted / wallSec).toFixed(1),
    samplesPerSec: +(counts.total / wallSec).toFixed(1),
    acceptedPerRound: reports.map((r) => r.samples.byStatus.accepted ?? 0),
    nodeCpuSecPerSample: +((cpu.user + cpu.system) / 1e6 / counts.total).toFixed(4),
    peakRssMB: Math.round(peakRss / 2 ** 20),
    goalAcceptedSamplesPerSec: 30,
  }),
);
