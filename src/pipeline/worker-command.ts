import type { Config } from '../config/schema.js';
import type { Stage } from './stages.js';
import { onCleanup, onSignal } from '../cli/lifecycle.js';
import { ensureOutputDir } from '../store/output-dir.js';
import { connectRedis } from '../redis/connect.js';
import { killEmbeddedRedisSync } from '../redis/embedded.js';
import { createServices } from './create-services.js';
import { startWorkers } from './workers.js';

/**
 * `flywheel worker`: runs stages against a shared Redis until Ctrl-C, which lets active jobs finish.
 * Without REDIS_URL it joins the embedded Redis of a `flywheel run` using the same output folder.
 */
export async function workerCommand(config: Config, stages: readonly Stage[], concurrency: number | undefined): Promise<void> {
  ensureOutputDir(config.outputDir);
  const redis = await connectRedis(config);
  onCleanup(() => redis.close(), () => redis.embedded && killEmbeddedRedisSync(redis.embedded));
  const services = createServices(config, redis.url);
  onCleanup(() => services.close());
  const workers = startWorkers(services, stages, Object.fromEntries(stages.map((s) => [s, concurrency])));
  onCleanup(() => workers.close());
  process.stderr.write(`worker: ${stages.join(', ')} on ${redis.url} (pid ${process.pid}); Ctrl-C drains and stops\n`);
  await new Promise<void>((resolve) => onSignal(() => resolve()));
}
