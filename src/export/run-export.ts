import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { FlywheelError } from '../errors.js';
import { dbPath, openDb } from '../store/db.js';
import { countExportSelection, iterateExportSelection, sampleDomains, type ExportFilter } from '../store/export-queries.js';
import { growthByRound } from '../store/growth.js';
import { listRounds } from '../store/rounds.js';
import { datasetCard, GROWTH_CHART_FILE } from './card.js';
import { formatHandler } from './formats.js';
import { growthChartSvg } from './growth-chart.js';
import { ImageCopier } from './image-copier.js';
import { SplitJsonlWriter } from './jsonl-writer.js';
import type { ExportOptions } from './options.js';
import { roundInfo } from './rounds-info.js';
import { splitOf } from './splits.js';
import { checkExportTarget, StagedFolder } from './staging.js';
import { ExportTally } from './stats.js';
import { buildSummary, type ExportSummary } from './summary.js';

export interface ExportHooks {
  /** Called with (samples read, samples selected) as the export goes. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the export; the staging folder is removed and --out is left as it was. */
  signal?: AbortSignal;
  /** Called with the staging folder once it exists, so a caller can remove it on a hard exit. */
  onStaging?: (discard: () => void) => void;
}

export interface ExportResult {
  dir: string;
  files: string[];
  summary: ExportSummary;
}

/** Samples handled between two yields to the event loop (so Ctrl-C and progress get a turn). */
const YIELD_EVERY = 500;

function filterOf(o: ExportOptions): ExportFilter {
  const f: ExportFilter = { statuses: o.statuses };
  if (o.rounds) f.rounds = o.rounds;
  if (o.kinds) f.kinds = o.kinds;
  if (o.domains) f.domains = o.domains;
  if (o.maxDepth !== undefined) f.maxDepth = o.maxDepth;
  if (o.minScore !== undefined) f.minScore = o.minScore;
  if (o.limit !== undefined) f.limit = o.limit;
  return f;
}

function describeFilter(o: ExportOptions): string {
  const parts = [`status ${o.statuses.join(',')}`];
  if (o.rounds) parts.push(`rounds ${o.rounds.join(',')}`);
  if (o.kinds) parts.push(`kind ${o.kinds.join(',')}`);
  if (o.domains) parts.push(`domain ${o.domains.join(',')}`);
  if (o.maxDepth !== undefined) parts.push(`max depth ${o.maxDepth}`);
  if (o.minScore !== undefined) parts.push(`min score ${o.minScore}`);
  return parts.join(', ');
}

/**
 * Exports the selected samples of a flywheel output folder in one format: JSONL per split, the images
 * they reference, a dataset card, stats.json and the growth chart. Reads the store read-only and streams
 * rows (memory stays flat with size); writes into a staging folder that replaces --out only when complete.
 */
export async function runExport(storeDir: string, opts: ExportOptions, hooks: ExportHooks = {}): Promise<ExportResult> {
  const database = dbPath(storeDir);
  const db = openDb(database, { readonly: true });
  try {
    const filter = filterOf(opts);
    const total = countExportSelection(db, filter);
    if (total === 0) {
      const domains = sampleDomains(db, opts.statuses);
      throw new FlywheelError(`the selection is empty: no stored sample matches ${describeFilter(opts)}`, {
        where: database,
        fix: `relax the filters (\`flywheel status\` shows what is stored)${domains.length ? `; domains with such samples: ${domains.join(', ')}` : ''}`,
      });
    }
    const { exists } = checkExportTarget(opts.out, storeDir, opts.force);
    const staged = new StagedFolder(opts.out);
    hooks.onStaging?.(() => staged.discard());
    const writer = new SplitJsonlWriter(staged.dir);
    try {
      const tally = new ExportTally();
      const images = new ImageCopier(storeDir, staged.dir);
      const handler = formatHandler(opts.format, { db, dir: staged.dir, opts, images, tally });
      let done = 0;
      for (const { sample, rootId } of iterateExportSelection(db, filter)) {
        if (++done % YIELD_EVERY === 0) {
          hooks.onProgress?.(done, total);
          await yieldToEventLoop();
          if (hooks.signal?.aborted) throw new FlywheelError('the export was interrupted; nothing was written to the export folder', { where: opts.out, exitCode: 130 });
        }
        if (!sample.images) {
          tally.skip('no rendered images');
          continue;
        }
        if (sample.images.edited.length !== sample.draft.interactions.length) {
          tally.skip('edited images and interactions differ in number');
          continue;
        }
        const split = splitOf(rootId, opts.split);
        const rows = handler.rows(sample);
        if (!rows.length) continue;
        for (const row of rows) {
          writer.write(split, row);
          tally.addRow(split);
        }
        tally.addSample(sample, split);
      }
      hooks.onProgress?.(done, total);
      const jsonl = writer.close();
      if (tally.rows === 0) {
        const why = Object.entries(tally.skipped).map(([reason, n]) => `${n} × ${reason}`).join('; ');
        throw new FlywheelError(`the ${total} selected sample(s) produced no ${opts.format} rows (${why || 'nothing to export'})`, {
          where: database,
          fix: 'select other samples, or another --format',
        });
      }
      const files = [...jsonl, ...(handler.finish?.(jsonl) ?? []), 'README.md', 'stats.json', GROWTH_CHART_FILE, 'images/'];
      const growth = growthByRound(db);
      const summary = buildSummary({ opts, outputDir: path.resolve(storeDir), database: path.resolve(database), files, tally, images: images.stats, growth, rounds: listRounds(db).map(roundInfo) });
      fs.writeFileSync(path.join(staged.dir, 'stats.json'), `${JSON.stringify(summary, null, 2)}\n`);
      fs.writeFileSync(path.join(staged.dir, 'README.md'), datasetCard(summary));
      fs.writeFileSync(
        path.join(staged.dir, GROWTH_CHART_FILE),
        growthChartSvg(growth.map((g) => ({ round: g.round, knowledge: g.knowledgeTotal, tools: g.toolsTotal }))),
      );
      if (exists && !opts.force && fs.readdirSync(opts.out).length) {
        throw new FlywheelError('the export folder was filled by someone else while exporting', { where: opts.out, fix: 'choose a new folder with --out, or add --force' });
      }
      staged.commit();
      return { dir: path.resolve(opts.out), files, summary };
    } catch (err) {
      writer.abort();
      staged.discard();
      throw err;
    }
  } finally {
    db.close();
  }
}
