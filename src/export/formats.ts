import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/db.js';
import { originalImageOf } from '../store/export-queries.js';
import type { Sample } from '../schemas/sample.js';
import { IMAGE_TAG, hasImageTag } from './cot.js';
import type { ImageCopier } from './image-copier.js';
import { swiftRow } from './ms-swift.js';
import type { ExportFormat, ExportOptions } from './options.js';
import { perceptionQuestions } from './perception.js';
import { robustnessRow, transformOf } from './robustness.js';
import { llamaFactoryDatasetInfo, shareGptRow } from './sharegpt.js';
import type { ExportTally } from './stats.js';
import { recoveryTrajectory, solveTrajectory, type Trajectory } from './trajectory.js';
import { vInteractionRow } from './v-interaction.js';

export interface FormatContext {
  db: Db;
  dir: string;
  opts: ExportOptions;
  images: ImageCopier;
  tally: ExportTally;
}

/** Turns one selected sample into the rows of a format (none when the sample has nothing for it). */
export interface FormatHandler {
  rows(sample: Sample): unknown[];
  /** Extra files the format needs beside its JSONL files (returns their names). */
  finish?(jsonlFiles: readonly string[]): string[];
}

/** Places the sample's images and builds its accepted trajectory. */
function solveOf(sample: Sample, ctx: FormatContext): Trajectory {
  const imgs = sample.images!;
  return solveTrajectory(sample, {
    original: ctx.images.place(imgs.original, sample.id),
    edited: imgs.edited.map((h) => ctx.images.place(h, sample.id)),
  });
}

/**
 * A literal "<image>" in a sample's own text would shift every image after it, so such samples are kept
 * out of the formats whose text carries image tags (and counted as skipped).
 */
function guarded(ctx: FormatContext, rows: (sample: Sample) => unknown[]): (sample: Sample) => unknown[] {
  return (sample) => {
    if (!hasImageTag(sample)) return rows(sample);
    ctx.tally.skip(`its text contains a literal ${IMAGE_TAG}`);
    return [];
  };
}

function sftHandler(ctx: FormatContext, render: (t: Trajectory) => unknown): FormatHandler {
  return {
    rows: guarded(ctx, (sample) => {
      const solve = solveOf(sample, ctx);
      const trajectories = [solve];
      if (ctx.opts.withRecovery) {
        const recovery = recoveryTrajectory(solve, sample);
        if (recovery) trajectories.push(recovery);
      }
      for (const t of trajectories) ctx.tally.count('trajectories', t.variant);
      return trajectories.map(render);
    }),
  };
}

function perceptionHandler(ctx: FormatContext): FormatHandler {
  // First 16 hex digits of each figure already asked about: enough to tell figures apart, and small.
  const seen = new Set<string>();
  return {
    rows(sample) {
      if (sample.kind === 'robustness') {
        ctx.tally.skip('robustness figure (transformed image)');
        return [];
      }
      const key = sample.images!.original.slice(0, 16);
      if (seen.has(key)) {
        ctx.tally.skip('figure seen before (asked about once, with its first sample)');
        return [];
      }
      seen.add(key);
      const size = { width: sample.draft.width, height: sample.draft.height };
      const questions = perceptionQuestions(sample.elements, size, sample.images!.original);
      if (!questions.length) {
        ctx.tally.skip(sample.elements.length ? 'no askable named elements' : 'no figure elements recorded');
        return [];
      }
      const image = ctx.images.place(sample.images!.original, sample.id);
      return questions.map((q, i) => {
        ctx.tally.count('perception level', q.level);
        ctx.tally.count('perception type', q.type);
        return { id: `${sample.id}-p${i + 1}`, sample_id: sample.id, image, ...size, level: q.level, type: q.type, question: q.question, answer: q.answer, targets: q.targets };
      });
    },
  };
}

export function formatHandler(format: ExportFormat, ctx: FormatContext): FormatHandler {
  switch (format) {
    case 'v-interaction':
      return { rows: guarded(ctx, (s) => [vInteractionRow(s, solveOf(s, ctx))]) };
    case 'robustness':
      return {
        rows: guarded(ctx, (s) => {
          const refHash = s.parentId ? originalImageOf(ctx.db, s.parentId) : undefined;
          const ref = refHash ? ctx.images.place(refHash, s.parentId!) : null;
          ctx.tally.count('transform', transformOf(s.id) ?? '(unknown)');
          return [robustnessRow(s, solveOf(s, ctx), ref)];
        }),
      };
    case 'sharegpt':
      return sftHandler(ctx, (t) => shareGptRow(t, 'human'));
    case 'llamafactory':
      return {
        ...sftHandler(ctx, (t) => shareGptRow(t, 'observation')),
        finish(files) {
          const info = Object.fromEntries(files.map((f) => [`flywheel_${path.basename(f, '.jsonl')}`, llamaFactoryDatasetInfo(f)]));
          fs.writeFileSync(path.join(ctx.dir, 'dataset_info.json'), `${JSON.stringify(info, null, 2)}\n`);
          return ['dataset_info.json'];
        },
      };
    case 'ms-swift':
      return sftHandler(ctx, swiftRow);
    case 'perception':
      return perceptionHandler(ctx);
  }
}
