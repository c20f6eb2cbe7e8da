import type { Config } from '../config/schema.js';
import type { Stage } from './stages.js';
import { onCleanup, onSignal } from '../cli/lifecycle.js';
import { createProgress } from '../cli/progress.js';
import { ensureOutputDir } from '../store/output-dir.js';
import { dbPath, openDb } from '../store/db.js';
import { countNodes } from '../store/knowledge.js';
import { importSeeds, loadSeeds } from '../../seeds/load.js';
import { connectRedis } from '../redis/connect.js';
import { killEmbeddedRedisSync } from '../redis/embedded.js';
import { acquireRunLock } from './lock.js';
import { createServices } from './create-services.js';
import { startWorkers } from './workers.js';
import { runRounds } from './controller.js';
import { formatRoundLine } from './round-line.js';

/**
 * `flywheel run`: takes the output folder's lock, makes sure the knowledge system is seeded, starts (or
 * joins) Redis, runs the requested stages plus the store stage in this process, and drives the rounds.
 * The first Ctrl-C stops planning, lets active jobs finish and leaves the round resumable.
 */
export async function runCommand(config: Config, opts: { stages: readonly Stage[]; resume: boolean; progress: boolean }): Promise<void> {
  ensureOutputDir(config.outputDir);
  onCleanup(acquireRunLock(config.outputDir));
  const seeds = loadSeeds();
  const db = openDb(dbPath(config.outputDir));
  try {
    if (countNodes(db).total === 0) importSeeds(db, seeds);
  } finally {
    db.close();
  }
  const redis = await connectRedis(config);
  onCleanup(() => redis.close(), () => redis.embedded && killEmbeddedRedisSync(redis.embedded));
  const services = createServices(config, redis.url);
  onCleanup(() => services.close());
  const workers = startWorkers(services, [...new Set<Stage>([...opts.stages, 'store'])]);
  onCleanup(() => workers.close());
  const abort = new AbortController();
  onSignal(() => abort.abort());
  const progress = opts.progress ? createProgress() : undefined;
  try {
    const reports = await runRounds(services, {
      rounds: config.pipeline.rounds,
      resume: opts.resume,
      signal: abort.signal,
      onProgress: (p) => progress?.update(p),
    });
    progress?.stop();
    for (const r of reports) console.log(formatRoundLine(r));
    if (abort.signal.aborted) console.log('interrupted: continue with `flywheel run --resume`');
  } finally {
    progress?.stop();
  }
}
