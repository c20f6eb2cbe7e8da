import { Command, CommanderError } from 'commander';
import { FlywheelError } from '../errors.js';
import { installSignalHandlers, runCleanups } from './lifecycle.js';
import { registerInit } from './commands/init.js';
import { registerConfig } from './commands/config.js';
import { registerStatus } from './commands/status.js';
import { registerSeeds } from './commands/seeds.js';
import { registerDashboard } from './commands/dashboard.js';
import { registerExport } from './commands/export.js';
import { registerRun } from './commands/run.js';
import { registerWorker } from './commands/worker.js';
import { registerKnowledge } from './commands/knowledge.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function buildProgram(): Command {
  const program = new Command('flywheel')
    .description('Data Evolution Flywheel: manufactures verified visual-interaction reasoning data')
    .option('-o, --output <dir>', 'output folder (database, images, JSONL, embedded Redis data)')
    .option('-c, --config <file>', 'config file (default: ./flywheel.config.json when present)')
    .option('--set <key=value>', 'override any setting, e.g. --set pipeline.perRound=8 (repeatable)', collect)
    .option('--redis-url <url>', 'use this Redis instead of starting an embedded one (also REDIS_URL)')
    .showHelpAfterError()
    .exitOverride();
  registerInit(program);
  registerConfig(program);
  registerStatus(program);
  registerSeeds(program);
  registerExport(program);
  registerRun(program);
  registerWorker(program);
  registerDashboard(program);
  registerKnowledge(program);
  return program;
}

async function main(): Promise<void> {
  installSignalHandlers();
  let code = 0;
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      code = err.exitCode;
    } else if (err instanceof FlywheelError) {
      process.stderr.write(`${err.format()}\n`);
      code = err.exitCode;
    } else {
      process.stderr.write(`error: ${(err as Error)?.stack ?? String(err)}\n`);
      code = 1;
    }
  } finally {
    await runCleanups();
  }
  process.exitCode = code;
}

await main();
