import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { configFor } from '../context.js';
import { onCleanup, onSignal } from '../lifecycle.js';
import { EXPORT_FORMATS, parseExportFlags, type RawExportFlags } from '../../export/options.js';
import { runExport } from '../../export/run-export.js';

function progressBar(): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: ' export |{bar}| {value}/{total} samples  ETA {eta}s', hideCursor: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the dataset (V-Interaction, SFT formats, perception, robustness) with images, dataset card and stats')
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .requiredOption('--out <dir>', 'folder to write the dataset to (must be new or empty unless --force)')
    .option('--force', 'replace the contents of --out (only once the new export is complete)')
    .option('--status <list>', 'sample statuses to export: accepted, rejected, failed, pending (default: accepted)')
    .option('--rounds <list>', 'rounds to export, e.g. 1,3-5')
    .option('--min-score <n>', 'keep samples whose every checker score is at least n (0-10)')
    .option('--kind <list>', 'sample kinds: base, repaired, expanded, robustness (comma-separated)')
    .option('--domain <list>', 'knowledge domains (first path element; case-insensitive, comma-separated)')
    .option('--max-depth <n>', 'keep samples of expansion depth at most n (1-3)')
    .option('--limit <n>', 'export at most n samples (in id order)')
    .option('--split <spec>', 'named splits by lineage root, e.g. train=0.95,test=0.05 (default: one file, data.jsonl)')
    .option('--with-recovery', 'SFT formats: add error-recovery trajectories (failed code, sandbox error, fix)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Writes <split>.jsonl files, images/ (hard links or copies of the store's PNGs), README.md (dataset card),
stats.json and growth.svg; llamafactory also writes dataset_info.json.

Examples:
  flywheel export --format v-interaction --out ./dataset
  flywheel export --format llamafactory --out ./sft --split train=0.95,test=0.05 --with-recovery
  flywheel export --format perception --out ./perception --rounds 1,3-5 --min-score 8`,
    )
    .action(async (raw: RawExportFlags & { json?: boolean }, cmd: Command) => {
      const opts = parseExportFlags(raw);
      const { config } = configFor(cmd);
      const abort = new AbortController();
      onSignal(() => abort.abort());
      let discard = () => {};
      onCleanup(
        () => discard(),
        () => discard(),
      );
      const bar = progressBar();
      const result = await runExport(config.outputDir, opts, {
        signal: abort.signal,
        onProgress: (done, total) => bar.update(done, total),
        onStaging: (fn) => (discard = fn),
      }).finally(() => bar.stop());
      const s = result.summary;
      if (raw.json) {
        console.log(JSON.stringify({ dir: result.dir, format: s.format, files: result.files, rows: s.rows, samples: s.samples.total, skipped: s.skipped, images: s.images }, null, 2));
        return;
      }
      console.log(`exported ${s.rows.total} ${s.format} rows from ${s.samples.total} samples to ${result.dir}`);
      for (const [split, n] of Object.entries(s.rows.bySplit)) console.log(`  ${split}.jsonl: ${n} rows`);
      console.log(`  images/: ${s.images.files} files (${s.images.linked} linked, ${s.images.copied} copied)`);
      console.log(`  also: ${result.files.filter((f) => !f.endsWith('.jsonl') && f !== 'images/').join(', ')}`);
      for (const [reason, n] of Object.entries(s.skipped)) console.log(`  skipped ${n} sample(s): ${reason}`);
    });
}
