import type { ImageCopyStats } from './image-copier.js';
import type { ExportFormat, ExportOptions } from './options.js';
import type { RoundInfo } from './rounds-info.js';
import type { Counts, ExportTally, ScoreStats } from './stats.js';
import type { GrowthRow } from '../store/growth.js';

/** Everything `stats.json` holds; the dataset card is rendered from the same object. */
export interface ExportSummary {
  format: ExportFormat;
  createdAt: string;
  source: { outputDir: string; database: string };
  selection: Omit<ExportOptions, 'out' | 'force' | 'format'>;
  files: string[];
  rows: { total: number; bySplit: Counts };
  samples: {
    total: number;
    bySplit: Counts;
    byDomain: Counts;
    byDifficulty: Counts;
    byDepth: Counts;
    byKind: Counts;
    byRound: Counts;
    byProblemType: Counts;
    byInteractionSteps: Counts;
  };
  scores: Record<string, ScoreStats>;
  skipped: Counts;
  details: Record<string, Counts>;
  images: ImageCopyStats;
  usage: { promptTokens: number; completionTokens: number; cost: number };
  providers: Counts;
  models: Record<string, Counts>;
  growth: GrowthRow[];
  rounds: RoundInfo[];
}

export function buildSummary(args: {
  opts: ExportOptions;
  outputDir: string;
  database: string;
  files: string[];
  tally: ExportTally;
  images: ImageCopyStats;
  growth: GrowthRow[];
  rounds: RoundInfo[];
}): ExportSummary {
  const { opts, tally: t } = args;
  const { out: _out, force: _force, format, ...selection } = opts;
  return {
    format,
    createdAt: new Date().toISOString(),
    source: { outputDir: args.outputDir, database: args.database },
    selection,
    files: args.files,
    rows: { total: t.rows, bySplit: t.rowsBySplit },
    samples: {
      total: t.samples,
      bySplit: t.samplesBySplit,
      byDomain: t.byDomain,
      byDifficulty: t.byDifficulty,
      byDepth: t.byDepth,
      byKind: t.byKind,
      byRound: t.byRound,
      byProblemType: t.byProblemType,
      byInteractionSteps: t.byInteractionSteps,
    },
    scores: t.scoreStats(),
    skipped: t.skipped,
    details: t.extra,
    images: args.images,
    usage: { promptTokens: t.tokens.prompt, completionTokens: t.tokens.completion, cost: Number(t.cost.toFixed(6)) },
    providers: t.providers,
    models: t.models,
    growth: args.growth,
    rounds: args.rounds,
  };
}
