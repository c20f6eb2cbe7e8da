import type { Config } from '../config/schema.js';
import type { Stage } from './stages.js';
import { onSignal } from '../cli/lifecycle.js';
import { ensureOutputDir } from '../store/output-dir.js';
import { startStages } from './start-stages.js';

/**
 * `flywheel worker`: runs stages against a shared Redis until Ctrl-C, which lets active jobs finish.
 * Without REDIS_URL it joins the embedded Redis of a `flywheel run` using the same output folder.
 */
export async function workerCommand(config: Config, stages: readonly Stage[], concurrency: number | undefined): Promise<void> {
  ensureOutputDir(config.outputDir);
  const { redisUrl } = await startStages(config, stages, concurrency);
  process.stderr.write(`worker: ${stages.join(', ')} on ${redisUrl} (pid ${process.pid}); Ctrl-C drains and stops\n`);
  await new Promise<void>((resolve) => onSignal(() => resolve()));
}
