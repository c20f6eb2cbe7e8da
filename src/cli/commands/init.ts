import type { Command } from 'commander';
import { configFor } from '../context.js';
import { ensureOutputDir } from '../../store/output-dir.js';
import { dbPath, openDb } from '../../store/db.js';
import { importSeeds, loadSeeds } from '../../../seeds/load.js';
import { countNodes } from '../../store/knowledge.js';
import { countTools } from '../../store/tools.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create the output folder and database, and load the shipped seed knowledge and tools')
    .action((_opts, cmd: Command) => {
      const { config } = configFor(cmd);
      const seeds = loadSeeds();
      ensureOutputDir(config.outputDir);
      const file = dbPath(config.outputDir);
      const db = openDb(file);
      try {
        const added = importSeeds(db, seeds);
        const k = countNodes(db);
        const t = countTools(db);
        console.log(`output:    ${config.outputDir}`);
        console.log(`database:  ${file}`);
        console.log(`knowledge: ${k.total} nodes in ${k.domains} domains (${added.nodesCreated} new)`);
        console.log(`tools:     ${t.total} (${added.toolsCreated} new)`);
      } finally {
        db.close();
      }
    });
}
