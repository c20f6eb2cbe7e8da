import type { Sample } from '../schemas/sample.js';

export type Counts = Record<string, number>;

export interface ScoreStats {
  count: number;
  mean: number;
  min: number;
  max: number;
  /** How many samples got each score 0..10 (index = score). */
  histogram: number[];
}

/** Counters an export fills as rows stream past; memory depends on the number of distinct values only. */
export class ExportTally {
  samples = 0;
  rows = 0;
  readonly rowsBySplit: Counts = {};
  readonly samplesBySplit: Counts = {};
  readonly byDomain: Counts = {};
  readonly byDifficulty: Counts = {};
  readonly byDepth: Counts = {};
  readonly byKind: Counts = {};
  readonly byRound: Counts = {};
  readonly byProblemType: Counts = {};
  readonly byInteractionSteps: Counts = {};
  readonly providers: Counts = {};
  /** role → model → samples. */
  readonly models: Record<string, Counts> = {};
  /** Why selected samples produced no row (e.g. no rendered images). */
  readonly skipped: Counts = {};
  /** Format-specific counters (perception levels, recovery trajectories, ...). */
  readonly extra: Record<string, Counts> = {};
  tokens = { prompt: 0, completion: 0 };
  cost = 0;
  private readonly scores = new Map<string, { count: number; sum: number; min: number; max: number; histogram: number[] }>();

  /** Counts one exported sample (it may have produced several rows). */
  addSample(s: Sample, split: string): void {
    this.samples++;
    inc(this.samplesBySplit, split);
    inc(this.byDomain, s.draft.knowledge[0]?.[0] ?? '(none)');
    inc(this.byDifficulty, s.draft.difficulty);
    inc(this.byDepth, String(s.depth));
    inc(this.byKind, s.kind);
    inc(this.byRound, String(s.round));
    inc(this.byProblemType, s.draft.problemType);
    inc(this.byInteractionSteps, String(s.draft.interactions.length));
    inc(this.providers, s.provenance.provider);
    for (const [role, model] of Object.entries(s.provenance.models)) inc((this.models[role] ??= {}), model);
    this.tokens.prompt += s.provenance.usage.promptTokens;
    this.tokens.completion += s.provenance.usage.completionTokens;
    this.cost += s.provenance.usage.cost;
    for (const v of s.verdicts) {
      let sc = this.scores.get(v.checker);
      if (!sc) this.scores.set(v.checker, (sc = { count: 0, sum: 0, min: 10, max: 0, histogram: Array<number>(11).fill(0) }));
      sc.count++;
      sc.sum += v.score;
      sc.min = Math.min(sc.min, v.score);
      sc.max = Math.max(sc.max, v.score);
      sc.histogram[v.score]!++;
    }
  }

  addRow(split: string): void {
    this.rows++;
    inc(this.rowsBySplit, split);
  }

  skip(reason: string): void {
    inc(this.skipped, reason);
  }

  count(group: string, key: string, n = 1): void {
    inc((this.extra[group] ??= {}), key, n);
  }

  scoreStats(): Record<string, ScoreStats> {
    const out: Record<string, ScoreStats> = {};
    for (const [checker, s] of [...this.scores].sort(([a], [b]) => a.localeCompare(b))) {
      out[checker] = { count: s.count, mean: Number((s.sum / s.count).toFixed(3)), min: s.min, max: s.max, histogram: s.histogram };
    }
    return out;
  }
}

function inc(c: Counts, key: string, n = 1): void {
  c[key] = (c[key] ?? 0) + n;
}
