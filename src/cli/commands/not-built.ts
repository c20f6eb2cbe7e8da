import type { Command } from 'commander';
import { EXIT_NOT_BUILT, FlywheelError } from '../../errors.js';

/** Commands the CLI promises but whose feature has not landed yet: they say so and exit non-zero. */
const PENDING: [name: string, description: string][] = [];

export function registerNotBuilt(program: Command): void {
  for (const [name, description] of PENDING) {
    program
      .command(name)
      .description(`${description} [not built yet]`)
      .allowUnknownOption(true)
      .allowExcessArguments(true)
      .action(() => {
        throw new FlywheelError(`\`flywheel ${name}\` is not built yet`, { fix: 'see the open issues; `flywheel --help` lists what works', exitCode: EXIT_NOT_BUILT });
      });
  }
}
