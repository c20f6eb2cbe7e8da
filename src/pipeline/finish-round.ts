import path from 'node:path';
import fs from 'node:fs';
import type { Services } from './services.js';
import { checkerPassRates, countSamples, iterateSamples } from '../store/samples.js';
import { failureSummary, type FailureGroup } from '../store/failures.js';
import { writeJsonlAtomic } from '../store/jsonl.js';
import { getRound } from '../store/rounds.js';
import { usageTotals } from '../store/usage.js';
import { evolve, writeKnowledgeViews, type GrowthReport } from '../../knowledge/index.js';
import { createEvolveDeps } from './evolve-deps.js';

export interface RoundReport {
  round: number;
  durationMs: number;
  samples: ReturnType<typeof countSamples>;
  acceptedPerSecond: number;
  checkers: ReturnType<typeof checkerPassRates>;
  failures: FailureGroup[];
  usage: ReturnType<typeof usageTotals>;
  growth: GrowthReport;
}

/**
 * End of a round: evolve the knowledge system from the accepted samples' candidates, refresh the
 * JSONL views, and build the round report (also written to reports/round-N.json).
 */
export async function finishRound(s: Services, round: number): Promise<RoundReport> {
  const db = s.db();
  const deps = await createEvolveDeps(s);
  const growth = await evolve(db, { round, ...deps, settings: s.config.knowledge });
  const out = s.config.outputDir;
  writeJsonlAtomic(path.join(out, 'samples.jsonl'), iterateSamples(db));
  writeKnowledgeViews(db, out);
  const rec = getRound(db, round);
  const durationMs = rec?.startedAt ? Date.now() - Date.parse(rec.startedAt) : 0;
  const samples = countSamples(db, round);
  const report: RoundReport = {
    round,
    durationMs,
    samples,
    acceptedPerSecond: durationMs > 0 ? (samples.byStatus.accepted ?? 0) / (durationMs / 1000) : 0,
    checkers: checkerPassRates(db, round),
    failures: failureSummary(db, round),
    usage: usageTotals(db, { round }),
    growth,
  };
  fs.mkdirSync(path.join(out, 'reports'), { recursive: true });
  fs.writeFileSync(path.join(out, 'reports', `round-${round}.json`), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
