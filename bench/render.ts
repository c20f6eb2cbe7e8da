/**
 * Render sandbox throughput: figure-only and figure+interaction jobs through the pool (default pages),
 * against a bare baseline measured in the same run (one page, the same vt drawing + toDataURL in a
 * loop, no isolation). Prints one JSON line last.
 *
 *   npx tsx bench/render.ts            (BENCH_JOBS=400 by default)
 */
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { launchRenderPool, type StepResult } from '../src/render/index.js';
import { RenderSettings } from '../src/config/sections/render.js';
import { launchChromium } from '../src/render/chromium.js';
import { PRELUDE, partsSource } from '../src/render/sources.js';
import { benchFigure } from './render-figures.js';

const JOBS = Number(process.env.BENCH_JOBS ?? 400);
const settings = RenderSettings.parse({ healthIntervalMs: 0 });

function cpuMsOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      ticks += Number(rest[11]) + Number(rest[12]);
    } catch {
      continue;
    }
  }
  return ticks * 10;
}
const nodeCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function rssMB(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      continue;
    }
  }
  return Math.round(kb / 1024);
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]! * 10) / 10;
};
const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/** Bare baseline: one page, vt drawing on a <canvas> + toDataURL per evaluate, no worker, no isolation. */
async function baseline(n: number): Promise<{ perSec: number; cpuMsPerRender: number; p50: number; p95: number }> {
  const chromium = await launchChromium(settings);
  try {
    const page = await chromium.browser.newPage();
    await page.setContent(`<!doctype html><body><script>(() => {
${PRELUDE}
${partsSource()}
window.bare = (code) => {
  const canvas = document.createElement('canvas');
  canvas.width = 512; canvas.height = 512;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 512, 512);
  const geo = parts.createGeo();
  const vt = parts.createVt({ canvas, ctx, geo, maxElements: 5000, checkSize() {} }, geo, parts.vtParts);
  vt.kit.applyBaseState();
  window.vt = vt.api; window.ctx = ctx; window.W = 512; window.H = 512; window.state = {};
  new Function(code)();
  return canvas.toDataURL('image/png');
};
})();</script></body>`);
    const run = async (i: number) => Buffer.from(String(await page.evaluate(`bare(${JSON.stringify(benchFigure(i).code)})`)).split(',')[1]!, 'base64');
    for (let i = 0; i < 20; i++) await run(i);
    const pids = chromium.processes();
    const c0 = cpuMsOf(pids) + nodeCpuMs();
    const lat: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await run(i);
      lat.push(performance.now() - s);
    }
    const wall = performance.now() - t0;
    return { perSec: (n / wall) * 1000, cpuMsPerRender: (cpuMsOf(pids) + nodeCpuMs() - c0) / n, p50: pct(lat, 0.5), p95: pct(lat, 0.95) };
  } finally {
    await chromium.close();
  }
}

/** Runs `count` tasks with `concurrency` in flight. */
async function drive(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return performance.now() - t0;
}

function othersRunning(): string[] {
  try {
    const out = execFileSync('ps', ['-eo', 'pcpu,comm', '--sort=-pcpu', '--no-headers'], { encoding: 'utf8' });
    return out
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && Number(l.split(/\s+/)[0]) >= 5)
      .slice(0, 8);
  } catch {
    return [];
  }
}

const loadBefore = os.loadavg()[0]!;
const before = othersRunning();
const base1 = await baseline(Math.round(JOBS / 2));

const pool = await launchRenderPool(settings);
const failures: string[] = [];
const check = (r: StepResult, what: string): r is Extract<StepResult, { ok: true }> => {
  if (!r.ok) failures.push(`${what}: ${r.error.type}: ${r.error.message}`);
  return r.ok;
};
let figure: { perSec: number; p50: number; p95: number; cpuMsPerRender: number };
let chained: { jobsPerSec: number; rendersPerSec: number; p50: number; p95: number; interactionP50: number; cpuMsPerRender: number };
let peakRss = 0;
let keptImageHits = 0;
try {
  const concurrency = settings.pages * 2;
  await drive(settings.pages * 4, concurrency, async (i) => void check(await pool.renderFigure({ code: benchFigure(i).code, width: 512, height: 512 }), 'warm-up'));
  const pids = (await pool.health()).processes;

  let c0 = cpuMsOf(pids) + nodeCpuMs();
  const figLat: number[] = [];
  const figWall = await drive(JOBS, concurrency, async (i) => {
    const r = await pool.renderFigure({ code: benchFigure(i).code, width: 512, height: 512 });
    if (check(r, `figure ${i}`)) figLat.push(r.ms);
  });
  figure = { perSec: (JOBS / figWall) * 1000, p50: pct(figLat, 0.5), p95: pct(figLat, 0.95), cpuMsPerRender: (cpuMsOf(pids) + nodeCpuMs() - c0) / JOBS };
  peakRss = rssMB((await pool.health()).processes);

  const chains = Math.round(JOBS / 2);
  c0 = cpuMsOf(pids) + nodeCpuMs();
  const stepLat: number[] = [];
  const intLat: number[] = [];
  const chainWall = await drive(chains, concurrency, async (i) => {
    const f = benchFigure(i);
    const r = await pool.renderFigure({ code: f.code, width: 512, height: 512 });
    if (!check(r, `chain ${i} figure`)) return;
    stepLat.push(r.ms);
    const it = await pool.applyInteraction({ image: r.png, code: f.interaction, state: r.state });
    if (check(it, `chain ${i} interaction`)) {
      stepLat.push(it.ms);
      intLat.push(it.ms);
    }
  });
  chained = {
    jobsPerSec: (chains / chainWall) * 1000,
    rendersPerSec: ((2 * chains) / chainWall) * 1000,
    p50: pct(stepLat, 0.5),
    p95: pct(stepLat, 0.95),
    interactionP50: pct(intLat, 0.5),
    cpuMsPerRender: (cpuMsOf(pids) + nodeCpuMs() - c0) / (2 * chains),
  };
  const h = await pool.health();
  peakRss = Math.max(peakRss, rssMB(h.processes));
  keptImageHits = h.keptImageHits;
} finally {
  await pool.close();
}
const base2 = await baseline(Math.round(JOBS / 2));
const bare = (base1.perSec + base2.perSec) / 2;

console.log(
  JSON.stringify({
    bench: 'render',
    jobs: JOBS,
    pages: settings.pages,
    cores: os.cpus().length,
    sandboxRendersPerSec: round(figure.perSec),
    sandboxP50Ms: figure.p50,
    sandboxP95Ms: figure.p95,
    sandboxCpuMsPerRender: round(figure.cpuMsPerRender),
    chainedJobsPerSec: round(chained.jobsPerSec),
    chainedRendersPerSec: round(chained.rendersPerSec),
    chainedStepP50Ms: chained.p50,
    chainedStepP95Ms: chained.p95,
    interactionP50Ms: chained.interactionP50,
    chainedCpuMsPerRender: round(chained.cpuMsPerRender),
    keptImageHits,
    bareRendersPerSec: round(bare),
    bareRunsPerSec: [round(base1.perSec), round(base2.perSec)],
    bareP50Ms: base1.p50,
    bareCpuMsPerRender: round((base1.cpuMsPerRender + base2.cpuMsPerRender) / 2),
    ratio: round(figure.perSec / bare, 2),
    cpuRatio: round((base1.cpuMsPerRender + base2.cpuMsPerRender) / 2 / figure.cpuMsPerRender, 2),
    peakRssMB: peakRss,
    failures: failures.length,
    firstFailure: failures[0] ?? null,
    loadAvgBefore: round(loadBefore, 2),
    loadAvgAfter: round(os.loadavg()[0]!, 2),
    otherProcessesBefore: before,
  }),
);
