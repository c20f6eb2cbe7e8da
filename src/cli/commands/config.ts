import type { Command } from 'commander';
import { configFor } from '../context.js';
import { maskSecrets } from '../../config/mask.js';

export function registerConfig(program: Command): void {
  program
    .command('config')
    .description('print the effective configuration (file < environment < flags), secrets masked')
    .option('--origins', 'also list where each non-default setting came from')
    .action((opts: { origins?: boolean }, cmd: Command) => {
      const { config, origins, file } = configFor(cmd);
      console.log(JSON.stringify(maskSecrets(config), null, 2));
      if (opts.origins) {
        console.log(`\nconfig file: ${file ?? '(none)'}`);
        for (const [key, from] of [...origins.entries()].sort()) console.log(`  ${key}  ←  ${from}`);
      }
    });
}
