import type { Command } from 'commander';
import { configFor, intOption } from '../context.js';
import { parseStages } from '../stages-option.js';
import { FlywheelError } from '../../errors.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run pipeline stages in this process against the Redis of a running `flywheel run` (REDIS_URL), until Ctrl-C')
    .option('--stages <list>', 'comma-separated stages: generate,render,check,repair,expand (default: all of them)')
    .option('--concurrency <n>', 'jobs in flight per stage in this process', intOption('--concurrency', 1, 1024))
    .action(async (opts: { stages?: string; concurrency?: number }, cmd: Command) => {
      const { config } = configFor(cmd);
      const stages = parseStages(opts.stages ?? 'generate,render,check,repair,expand');
      if (stages.includes('store')) {
        throw new FlywheelError('the store stage runs only inside `flywheel run`, the single writer of the SQLite file', {
          where: 'flag --stages',
          fix: 'leave `store` out: e.g. --stages render,check',
        });
      }
      const { workerCommand } = await import('../../pipeline/worker-command.js');
      await workerCommand(config, stages, opts.concurrency);
    });
}
