/**
 * Export throughput and memory: builds a synthetic store of N samples (default 400,000) with the real
 * store functions, then runs the real `flywheel export` CLI on it and samples the child's peak RSS
 * (VmHWM). Baseline in the same run: the store's own streaming reader (iterateSamples) over the same rows.
 * Usage: npx tsx bench/export.ts [samples] [format]. Prints one JSON line last.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import type { FigureElement } from '../src/schemas/rendered.js';
import type { Sample } from '../src/schemas/sample.js';
import { dbPath, openDb } from '../src/store/db.js';
import { putImage } from '../src/store/images.js';
import { upsertPoints } from '../src/store/knowledge.js';
import { ensureRound, setRoundStatus } from '../src/store/rounds.js';
import { iterateSamples, saveSamples } from '../src/store/samples.js';

const SAMPLES = Number(process.argv[2] ?? 400_000);
const FORMAT = process.argv[3] ?? 'v-interaction';
const BATCH = 5_000;
const BASELINE_ROWS = 50_000;
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/flywheel.mjs');

function png(seed: number): Buffer {
  const img = new PNG({ width: 64, height: 64 });
  for (let i = 0; i < img.data.length; i += 4) {
    img.data[i] = (seed * 53) % 256;
    img.data[i + 1] = (seed * 97 + (i % 256)) % 256;
    img.data[i + 2] = (seed * 29) % 256;
    img.data[i + 3] = 255;
  }
  return PNG.sync.write(img);
}

const ELEMENTS: FigureElement[] = [
  ...['A', 'B', 'C', 'D'].map((name, i) => ({ type: 'point' as const, name, points: [{ x: 80 + 100 * i, y: 400 - 90 * (i % 3) }] })),
  { type: 'polygon', points: [{ x: 80, y: 400 }, { x: 180, y: 310 }, { x: 280, y: 220 }] },
  { type: 'segment', points: [{ x: 80, y: 400 }, { x: 380, y: 400 }] },
  { type: 'circle', points: [{ x: 250, y: 250 }], radius: 70 },
  { type: 'text', text: 'Fig. 1', points: [{ x: 20, y: 490 }] },
];

function sample(i: number, images: string[]): Sample & { rootId: string } {
  // Lineages of three: a base, its expanded child, and that child's expanded child.
  const generation = i % 3;
  const rootIndex = i - generation;
  const id = (k: number) => `s${String(k).padStart(7, '0')}`;
  const steps = generation + 1;
  const pick = (k: number) => images[(rootIndex + k) % images.length]!;
  return {
    id: id(i),
    rootId: id(rootIndex),
    round: 1 + (Math.floor(i / 3) % 5),
    parentId: generation === 0 ? null : id(i - 1),
    kind: generation === 0 ? 'base' : 'expanded',
    depth: steps,
    draft: {
      knowledge: [['Plane Geometry', 'Triangles', `Topic ${i % 97}`]],
      tools: ['construct perpendicular line', 'midpoint'],
      difficulty: (['easy', 'medium', 'hard'] as const)[generation]!,
      problemType: 'multiple-choice',
      width: 512,
      height: 512,
      figureCode: `const A = vt.point(80, 400, "A");\nconst B = vt.point(180, 310, "B");\nconst C = vt.point(280, 220, "C");\nvt.polygon([A, B, C]);\nvt.circle({ x: 250, y: 250 }, 70);\n// figure ${i}`,
      question: `In triangle ABC (figure ${i}), what is the length of the altitude from C to AB?`,
      choices: ['12', '15', '18', '21'],
      answer: 'B',
      solution: 'Drop the perpendicular from C to AB and call its foot F.\nTriangle AFC is right-angled at F.\nBy Pythagoras CF = 15.\nThe answer is B.',
      interactions: Array.from({ length: steps }, (_, k) => ({ description: `Construction step ${k + 1}: drop the perpendicular from C to AB`, code: `const F${k} = vt.perpendicularFoot(state.C, state.A, state.B);\nvt.segment(state.C, F${k});` })),
    },
    images: { original: pick(0), edited: Array.from({ length: steps }, (_, k) => pick(k + 1)) },
    elements: ELEMENTS,
    verdicts: [
      { checker: 'rules', score: 10, pass: true, reasons: [] },
      { checker: 'qa-correctness', score: 7 + (i % 4), pass: true, reasons: [] },
      { checker: 'image-validity', score: 9, pass: true, reasons: [] },
      { checker: 'interaction-consistency', score: 8, pass: true, reasons: [] },
    ],
    status: 'accepted',
    provenance: { provider: 'offline', models: { author: 'offline-blueprints' }, promptVersions: { author: 'v1' }, usage: { promptTokens: 0, completionTokens: 0, cost: 0 }, attempts: 1 },
    recovery: [],
  };
}

function buildStore(dir: string): number {
  const started = Date.now();
  fs.mkdirSync(dir, { recursive: true });
  const db = openDb(dbPath(dir));
  // Building the synthetic store is set-up, not what is measured: skip syncs and give SQLite a larger cache.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  upsertPoints(db, [{ path: ['Plane Geometry', 'Triangles', 'Altitudes'], source: 'seed', roundAdded: 0 }]);
  for (let r = 1; r <= 5; r++) {
    ensureRound(db, r, r, [], {});
    setRoundStatus(db, r, 'done');
  }
  const images = Array.from({ length: 16 }, (_, k) => putImage(dir, png(k)));
  for (let from = 0; from < SAMPLES; from += BATCH) {
    saveSamples(db, Array.from({ length: Math.min(BATCH, SAMPLES - from) }, (_, k) => sample(from + k, images)));
  }
  db.close();
  return Date.now() - started;
}

function baselineRowsPerSec(dir: string): number {
  const db = openDb(dbPath(dir), { readonly: true });
  const started = process.hrtime.bigint();
  let n = 0;
  for (const _ of iterateSamples(db)) if (++n >= BASELINE_ROWS) break;
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return n / secs;
}

/** Runs the real CLI and samples its peak resident set (VmHWM) from /proc until it exits. */
function runExportCli(store: string, out: string): Promise<{ code: number | null; ms: number; peakRssMB: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, 'export', '--output', store, '--format', FORMAT, '--out', out, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // The child exited between two polls.
      }
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, ms: Date.now() - started, peakRssMB: Math.round(peakKb / 1024), stdout, stderr });
    });
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flywheel-bench-export-'));
try {
  const store = path.join(tmp, 'store');
  const buildMs = buildStore(store);
  process.stderr.write(`built ${SAMPLES} samples in ${(buildMs / 1000).toFixed(1)} s (${(fs.statSync(dbPath(store)).size / 1e6).toFixed(0)} MB)\n`);
  const storeIterateRowsPerSec = baselineRowsPerSec(store);
  const run = await runExportCli(store, path.join(tmp, 'export'));
  if (run.code !== 0) throw new Error(`export failed (${run.code}): ${run.stderr}`);
  const result = JSON.parse(run.stdout) as { rows: { total: number } };
  const rows = result.rows.total;
  console.log(
    JSON.stringify({
      format: FORMAT,
      samples: SAMPLES,
      rowsExported: rows,
      exportSeconds: Number((run.ms / 1000).toFixed(1)),
      exportRowsPerSec: Math.round(rows / (run.ms / 1000)),
      peakRssMB: run.peakRssMB,
      peakRssGoalMB: 500,
      withinRssGoal: run.peakRssMB <= 500,
      baselineStoreIterateRowsPerSec: Math.round(storeIterateRowsPerSec),
      storeBuildSeconds: Number((buildMs / 1000).toFixed(1)),
      cores: os.cpus().length,
      note: 'shared 2-core machine: other work runs at the same time, so rates are noisy',
    }),
  );
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
