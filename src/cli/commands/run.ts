import type { Command } from 'commander';
import { configFor, intOption } from '../context.js';
import { onCleanup, onSignal } from '../lifecycle.js';
import { createProgress } from '../progress.js';
import { parseStages } from '../stages-option.js';
import { ensureOutputDir } from '../../store/output-dir.js';
import { dbPath, openDb } from '../../store/db.js';
import { countNodes } from '../../store/knowledge.js';
import { importSeeds, loadSeeds } from '../../../seeds/load.js';
import { connectRedis } from '../../redis/connect.js';
import { killEmbeddedRedisSync } from '../../redis/embedded.js';
import { acquireRunLock } from '../../pipeline/lock.js';
import { createServices } from '../../pipeline/create-services.js';
import { startWorkers } from '../../pipeline/workers.js';
import { runRounds } from '../../pipeline/controller.js';

interface RunOpts {
  rounds?: number;
  perRound?: number;
  seed?: number;
  resume?: boolean;
  stages?: string;
  progress: boolean;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run flywheel rounds: plan, generate, render, check, repair, expand, store, then evolve the knowledge system')
    .option('--rounds <n>', 'how many rounds to run', intOption('--rounds', 1, 10_000))
    .option('--per-round <n>', 'author calls planned per round', intOption('--per-round', 1, 1_000_000))
    .option('--seed <n>', 'base seed (plans and offline authoring are reproducible from it)', intOption('--seed', 0, 2_147_483_647))
    .option('--resume', 'continue an interrupted round instead of refusing')
    .option('--stages <list>', 'stages to run in this process (default: all; run the others with `flywheel worker`)')
    .option('--no-progress', 'no live progress display')
    .action(async (opts: RunOpts, cmd: Command) => {
      const { config } = configFor(cmd, { 'pipeline.rounds': opts.rounds, 'pipeline.perRound': opts.perRound, 'pipeline.seed': opts.seed });
      const stages = parseStages(opts.stages);
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
      const workers = startWorkers(services, stages);
      onCleanup(() => workers.close());
      const abort = new AbortController();
      onSignal(() => abort.abort());
      const progress = opts.progress ? createProgress() : undefined;
      try {
        const reports = await runRounds(services, { rounds: config.pipeline.rounds, resume: opts.resume ?? false, signal: abort.signal, onProgress: (p) => progress?.update(p) });
        progress?.stop();
        for (const r of reports) {
          const st = r.samples.byStatus;
          console.log(
            `round ${r.round}: ${r.samples.total} samples (${st.accepted ?? 0} accepted, ${st.rejected ?? 0} rejected, ${st.failed ?? 0} failed) in ${(r.durationMs / 1000).toFixed(1)}s; ` +
              `knowledge +${r.growth.knowledge.added}, tools +${r.growth.tools.added}`,
          );
        }
        if (abort.signal.aborted) console.log('interrupted: continue with `flywheel run --resume`');
      } finally {
        progress?.stop();
      }
    });
}
