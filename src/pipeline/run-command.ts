import type { Config } from '../config/schema.js';
import type { Stage } from './stages.js';
import { onCleanup, onSignal } from '../cli/lifecycle.js';
import { createProgress } from '../cli/progress.js';
import { ensureOutputDir } from '../store/output-dir.js';
import { dbPath, openDb } from '../store/db.js';
import { countNodes } from '../store/knowledge.js';
import { importSeeds, loadSeeds } from '../../seeds/load.js';
import { acquireRunLock } from './lock.js';
import { runRounds } from './controller.js';
import { startStages } from './start-stages.js';
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
  const { services } = await startStages(config, [...new Set<Stage>([...opts.stages, 'store'])]);
  const abort = new AbortController();
  onSignal(() => abort.abort());
  const progress = opts.progress ? createProgress() : undefined;
  let reports;
  try {
    reports = await runRounds(services, {
      rounds: config.pipeline.rounds,
      resume: opts.resume,
      signal: abort.signal,
      onProgress: (p) => progress?.update(p),
    });
  } finally {
    progress?.stop();
  }
  for (const r of reports) console.log(formatRoundLine(r));
  if (abort.signal.aborted) console.log('interrupted: continue with `flywheel run --resume`');
}
