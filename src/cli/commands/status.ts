import type { Command } from 'commander';
import { configFor } from '../context.js';
import { dbPath, openDb, type Db } from '../../store/db.js';
import { countNodes } from '../../store/knowledge.js';
import { countTools } from '../../store/tools.js';
import { checkerPassRates, countSamples } from '../../store/samples.js';
import { listRounds } from '../../store/rounds.js';
import { failureSummary } from '../../store/failures.js';
import { usageTotals } from '../../store/usage.js';

function collect(db: Db, outputDir: string) {
  return {
    output: outputDir,
    rounds: listRounds(db).map((r) => ({
      id: r.id,
      status: r.status,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      samples: countSamples(db, r.id),
      stages: r.progress ?? {},
      checkers: checkerPassRates(db, r.id),
      usage: usageTotals(db, { round: r.id }).total,
    })),
    samples: countSamples(db),
    checkers: checkerPassRates(db),
    failures: failureSummary(db),
    usage: usageTotals(db, {}),
    knowledge: countNodes(db),
    tools: countTools(db),
  };
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('show rounds (per-stage progress, samples by status and kind), checker pass rates, failures by reason, cost so far, knowledge and tools')
    .option('--json', 'print the status as JSON')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const { config } = configFor(cmd);
      const db = openDb(dbPath(config.outputDir), { readonly: true });
      try {
        const st = collect(db, config.outputDir);
        if (opts.json) {
          console.log(JSON.stringify(st, null, 2));
          return;
        }
        const u = st.usage.total;
        console.log(`output:    ${st.output}`);
        console.log(`knowledge: ${st.knowledge.total} nodes, ${st.knowledge.domains} domains, levels ${JSON.stringify(st.knowledge.byLevel)}`);
        console.log(`tools:     ${st.tools.total}`);
        console.log(`samples:   ${st.samples.total} ${JSON.stringify(st.samples.byStatus)} by kind ${JSON.stringify(st.samples.byKind)}`);
        console.log(`llm:       ${u.calls} calls (${u.cachedCalls} cached), ${u.promptTokens + u.completionTokens} tokens, $${u.cost.toFixed(4)}`);
        console.log(`rounds:    ${st.rounds.length ? '' : 'none yet'}`);
        for (const r of st.rounds) {
          const stages = Object.entries(r.stages).map(([name, p]) => `${name} ${p.done}/${p.added}`).join(', ');
          console.log(`  round ${r.id} ${r.status}: ${JSON.stringify(r.samples.byStatus)}${stages ? `; jobs ${stages}` : ''}; $${r.usage.cost.toFixed(4)}`);
        }
        console.log('checkers:');
        for (const [name, c] of Object.entries(st.checkers)) console.log(`  ${name}: ${c.passed}/${c.judged} passed (${pct(c.passed, c.judged)})`);
        console.log(`failures:  ${st.failures.length ? '' : 'none'}`);
        for (const f of st.failures) console.log(`  ${f.stage}/${f.reason}: ${f.count}  (last: ${f.lastMessage.slice(0, 100)})`);
      } finally {
        db.close();
      }
    });
}
