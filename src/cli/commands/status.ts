import type { Command } from 'commander';
import { configFor } from '../context.js';
import { dbPath, openDb } from '../../store/db.js';
import { countNodes } from '../../store/knowledge.js';
import { countTools } from '../../store/tools.js';
import { checkerPassRates, countSamples } from '../../store/samples.js';
import { listRounds } from '../../store/rounds.js';
import { failureSummary } from '../../store/failures.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('show rounds, samples by status, checker pass rates, failures by reason, knowledge and tools')
    .option('--json', 'print the status as JSON')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const { config } = configFor(cmd);
      const db = openDb(dbPath(config.outputDir), { readonly: true });
      try {
        const status = {
          output: config.outputDir,
          rounds: listRounds(db).map((r) => ({ id: r.id, status: r.status, samples: countSamples(db, r.id).byStatus })),
          samples: countSamples(db),
          checkers: checkerPassRates(db),
          failures: failureSummary(db),
          knowledge: countNodes(db),
          tools: countTools(db),
        };
        if (opts.json) {
          console.log(JSON.stringify(status, null, 2));
          return;
        }
        console.log(`output:    ${status.output}`);
        console.log(`knowledge: ${status.knowledge.total} nodes, ${status.knowledge.domains} domains, levels ${JSON.stringify(status.knowledge.byLevel)}`);
        console.log(`tools:     ${status.tools.total}`);
        console.log(`rounds:    ${status.rounds.length ? '' : 'none yet'}`);
        for (const r of status.rounds) console.log(`  round ${r.id}: ${r.status}  ${JSON.stringify(r.samples)}`);
        console.log(`samples:   ${status.samples.total} ${JSON.stringify(status.samples.byStatus)}`);
        for (const [name, c] of Object.entries(status.checkers)) {
          console.log(`  ${name}: ${c.passed}/${c.judged} passed (${((100 * c.passed) / Math.max(1, c.judged)).toFixed(1)}%)`);
        }
        console.log(`failures:  ${status.failures.length ? '' : 'none'}`);
        for (const f of status.failures) console.log(`  ${f.stage}/${f.reason}: ${f.count}  (last: ${f.lastMessage.slice(0, 100)})`);
      } finally {
        db.close();
      }
    });
}
