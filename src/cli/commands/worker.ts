import type { Command } from 'commander';
import { configFor, intOption } from '../context.js';
import { onCleanup, onSignal } from '../lifecycle.js';
import { parseStages } from '../stages-option.js';
import { connectRedis } from '../../redis/connect.js';
import { killEmbeddedRedisSync } from '../../redis/embedded.js';
import { createServices } from '../../pipeline/create-services.js';
import { startWorkers } from '../../pipeline/workers.js';
import { ensureOutputDir } from '../../store/output-dir.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run pipeline stages in this process against a shared Redis (REDIS_URL), until Ctrl-C')
    .option('--stages <list>', 'comma-separated stages: generate,render,check,repair,expand,store (default: all)')
    .option('--concurrency <n>', 'jobs in flight per stage in this process', intOption('--concurrency', 1, 1024))
    .action(async (opts: { stages?: string; concurrency?: number }, cmd: Command) => {
      const { config } = configFor(cmd);
      const stages = parseStages(opts.stages);
      ensureOutputDir(config.outputDir);
      const redis = await connectRedis(config);
      onCleanup(() => redis.close(), () => redis.embedded && killEmbeddedRedisSync(redis.embedded));
      const services = createServices(config, redis.url);
      onCleanup(() => services.close());
      const workers = startWorkers(services, stages, Object.fromEntries(stages.map((s) => [s, opts.concurrency])));
      onCleanup(() => workers.close());
      process.stderr.write(`worker: ${stages.join(', ')} on ${redis.url} (pid ${process.pid}); Ctrl-C drains and stops\n`);
      await new Promise<void>((resolve) => onSignal(() => resolve()));
    });
}
