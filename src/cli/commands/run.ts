import type { Command } from 'commander';
import { configFor, intOption } from '../context.js';
import { parseStages } from '../stages-option.js';

export interface RunOptions {
  rounds?: number;
  perRound?: number;
  seed?: number;
  resume?: boolean;
  stages?: string;
  progress: boolean;
  cache: boolean;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run flywheel rounds: plan, generate, render, check, repair, expand, store, then evolve the knowledge system')
    .option('--rounds <n>', 'how many rounds to run', intOption('--rounds', 1, 10_000))
    .option('--per-round <n>', 'author calls planned per round (each returns pipeline.problemsPerCall problems)', intOption('--per-round', 1, 1_000_000))
    .option('--seed <n>', 'base seed (plans and offline authoring are reproducible from it)', intOption('--seed', 0, 2_147_483_647))
    .option('--resume', 'continue an interrupted round instead of refusing')
    .option('--stages <list>', 'stages to run in this process (default: all; store always runs here; run the others with `flywheel worker`)')
    .option('--no-progress', 'no live progress display')
    .option('--no-cache', 'do not reuse cached LLM answers (they are still recorded)')
    .action(async (opts: RunOptions, cmd: Command) => {
      const flags: Record<string, unknown> = { 'pipeline.rounds': opts.rounds, 'pipeline.perRound': opts.perRound, 'pipeline.seed': opts.seed };
      if (!opts.cache) flags['llm.cache'] = false;
      const { config } = configFor(cmd, flags);
      const stages = parseStages(opts.stages);
      const { runCommand } = await import('../../pipeline/run-command.js');
      await runCommand(config, { stages, resume: opts.resume ?? false, progress: opts.progress });
    });
}
