import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { configFor } from '../context.js';
import { FlywheelError } from '../../errors.js';
import { ensureOutputDir } from '../../store/output-dir.js';
import { dbPath, openDb } from '../../store/db.js';
import { importWeMath2, parseWeMath2 } from '../../../seeds/wemath2.js';

const FORMATS = ['wemath2'] as const;

export function registerSeeds(program: Command): void {
  const seeds = program.command('seeds').description('manage the initial knowledge system');
  seeds
    .command('import')
    .description('import an external knowledge taxonomy into the knowledge tree (idempotent)')
    .requiredOption('--format <format>', `taxonomy format (${FORMATS.join(', ')})`)
    .argument('<file>', 'the taxonomy file')
    .action((file: string, opts: { format: string }, cmd: Command) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new FlywheelError(`unknown import format "${opts.format}"`, { where: 'flag --format', fix: `use one of: ${FORMATS.join(', ')}` });
      }
      const { config } = configFor(cmd);
      const abs = path.resolve(file);
      let data: unknown;
      try {
        data = JSON.parse(fs.readFileSync(abs, 'utf8'));
      } catch (err) {
        throw new FlywheelError(`cannot read the taxonomy: ${(err as Error).message}`, { where: abs, fix: 'check the path and that the file is JSON' });
      }
      const rows = parseWeMath2(data, abs);
      ensureOutputDir(config.outputDir);
      const db = openDb(dbPath(config.outputDir));
      try {
        const r = importWeMath2(db, rows);
        console.log(`imported ${r.rows} rows: ${r.knowledgePoints} knowledge points, ${r.principles} principles, ${r.nodesCreated} new nodes`);
      } finally {
        db.close();
      }
    });
}
