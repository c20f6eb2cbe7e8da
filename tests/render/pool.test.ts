import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PNG } from 'pngjs';
import { FlywheelError } from '../../src/errors.js';
import { decodePng } from '../../src/render/metrics.js';
import { REPO_ROOT } from '../support/cli.js';
import { spawnUntilLine, waitExit } from '../support/spawn-line.js';
import { tmpDir } from '../support/tmp.js';
import { expectOk, useRenderPool } from '../support/render-pool.js';

// Generous time limit so a heap overflow ends in a renderer crash (not a time-out); small recycle quota.
const env = useRenderPool({ pages: 2, jobTimeoutMs: 10_000, maxHeapMB: 128, recycleAfterJobs: 6, healthIntervalMs: 200 });

/** Alive and not a zombie. */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('render pool', () => {
  it('runs many jobs at once and gives each its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 14 }, (_, i) => env.pool.renderFigure({ code: `vt.point(${10 + i * 4}, 30, 'P${i}'); vt.export({ id: ${i} });`, width: 80 + i, height: 64 })),
    );
    results.forEach((r, i) => {
      const ok = expectOk(r, `job ${i}`);
      expect(ok.state).toEqual({ id: i });
      expect(ok.width).toBe(80 + i);
      expect(ok.elements[0]!.name).toBe(`P${i}`);
    });
    const h = await env.pool.health();
    expect(h.pageRestarts).toBeGreaterThanOrEqual(2);
    expect(h.pages).toBe(2);
    expect(h.browserConnected).toBe(true);
  });

  it('an interaction starting from an image its page still holds matches one sent the image itself', async () => {
    const hits = (await env.pool.health()).keptImageHits;
    const fig = expectOk(await env.pool.renderFigure({ code: "vt.polygon([{ x: 10, y: 60 }, { x: 90, y: 60 }, { x: 50, y: 5 }], { fill: true }); vt.point(50, 5, 'T');", width: 100, height: 70 }));
    const code = "vt.perpendicular({ x: 50, y: 5 }, { x: 10, y: 60 }, { x: 90, y: 60 }); vt.highlight(30, 40, 40, 25);";
    const kept = expectOk(await env.pool.applyInteraction({ image: fig.png, code, state: {} }));
    expect((await env.pool.health()).keptImageHits).toBe(hits + 1);
    // Same pixels, different PNG bytes: the page cannot match it, so the image travels in full.
    const reencoded = PNG.sync.write(Object.assign(new PNG({ width: 100, height: 70 }), { data: Buffer.from(decodePng(fig.png).data) }), { deflateLevel: 1 });
    expect(Buffer.from(reencoded).equals(Buffer.from(fig.png))).toBe(false);
    const sent = expectOk(await env.pool.applyInteraction({ image: reencoded, code, state: {} }));
    expect((await env.pool.health()).keptImageHits).toBe(hits + 1);
    expect(Buffer.from(sent.png).equals(Buffer.from(kept.png))).toBe(true);
    expect(sent.stats).toEqual(kept.stats);
  });

  it('a page that runs out of memory crashes alone: the job is too-large and a fresh page takes over', async () => {
    const before = (await env.pool.health()).pageRestarts;
    const r = await env.pool.renderFigure({ code: 'const keep = []; while (true) keep.push(new Array(1e6).fill(Math.random()));', width: 64, height: 64 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ type: 'too-large', message: expect.stringMatching(/memory/) });
    expect((await env.pool.health()).pageRestarts).toBeGreaterThanOrEqual(before + 2);
    expectOk(await env.pool.renderFigure({ code: 'vt.point(5, 5);', width: 64, height: 64 }));
  });

  it('the health check replaces pages whose renderer died, before any job needs them', async () => {
    // Start from two settled pages (no replacement still opening).
    await vi.waitFor(async () => expect((await env.pool.health()).idlePages).toBe(2), { timeout: 10_000, interval: 50 });
    const { processes, pageRestarts } = await env.pool.health();
    const renderers = processes.filter((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer'));
    expect(renderers.length).toBeGreaterThanOrEqual(2);
    for (const pid of renderers) process.kill(pid, 'SIGKILL');
    await vi.waitFor(
      async () => {
        const h = await env.pool.health();
        expect(h.pageRestarts).toBeGreaterThan(pageRestarts);
        expect(h.idlePages).toBe(2);
      },
      { timeout: 30_000, interval: 100 },
    );
    // The pages are healthy again: the next job needs no replacement.
    const restarts = (await env.pool.health()).pageRestarts;
    expectOk(await env.pool.renderFigure({ code: 'vt.point(5, 5);', width: 32, height: 32 }));
    expect((await env.pool.health()).pageRestarts).toBe(restarts);
  });

  it('relaunches Chromium when the browser dies', async () => {
    const [browserPid] = (await env.pool.health()).processes;
    process.kill(browserPid!, 'SIGKILL');
    const r = expectOk(await env.pool.renderFigure({ code: "vt.point(20, 20, 'A');", width: 64, height: 64 }));
    expect(r.elements).toHaveLength(1);
    const h = await env.pool.health();
    expect(h.browserRestarts).toBe(1);
    expect(h.processes).not.toContain(browserPid);
    expect(running(browserPid!)).toBe(false);
  });

  it('rejects malformed jobs with a clear error', async () => {
    await expect(env.pool.renderFigure({ code: 'vt.point(1, 1);', width: 0, height: 10 })).rejects.toThrow(FlywheelError);
    await expect(env.pool.applyInteraction({ image: new Uint8Array([1, 2, 3]), code: '', state: {} })).rejects.toThrow(/not PNG/);
  });

  it('closes without leaving a Chromium process behind', async () => {
    const { processes } = await env.pool.health();
    expect(processes.length).toBeGreaterThan(2);
    await env.pool.close();
    expect(processes.filter(running)).toEqual([]);
    const after = await env.pool.renderFigure({ code: 'vt.point(1, 1);', width: 10, height: 10 });
    expect(after.ok ? 'ok' : after.error.type).toBe('crash');
  });

  it('a process that exits without closing its pool still leaves no Chromium or profile folder behind', async () => {
    const tmp = tmpDir();
    try {
      const file = path.join(tmp.dir, 'exit-early.mts');
      const script = [
        "import fs from 'node:fs';",
        `import { launchRenderPool } from ${JSON.stringify(path.join(REPO_ROOT, 'src/render/index.ts'))};`,
        `import { RenderSettings } from ${JSON.stringify(path.join(REPO_ROOT, 'src/config/sections/render.ts'))};`,
        'const pool = await launchRenderPool(RenderSettings.parse({ pages: 1, healthIntervalMs: 0 }));',
        'const { processes } = await pool.health();',
        "const dir = fs.readFileSync(`/proc/${processes[0]}/cmdline`, 'utf8').split(/[\\0 ]/).find((a) => a.startsWith('--user-data-dir='))?.slice(16);",
        'console.log(JSON.stringify({ processes, dir }));',
        'process.exit(0);',
      ].join('\n');
      fs.writeFileSync(file, script);
      const { child, line } = await spawnUntilLine(process.execPath, ['--import', 'tsx', file], { cwd: REPO_ROOT });
      const { processes, dir } = JSON.parse(line) as { processes: number[]; dir: string };
      expect(processes.length).toBeGreaterThan(2);
      expect(dir).toMatch(/flywheel-chromium-/);
      await waitExit(child);
      await vi.waitFor(() => expect(processes.filter(running)).toEqual([]), { timeout: 5000, interval: 50 });
      expect(fs.existsSync(dir)).toBe(false);
    } finally {
      tmp.cleanup();
    }
  });
});
