import { z } from 'zod';
import { FlywheelError } from '../errors.js';
import { RenderSettings } from '../config/sections/render.js';
import type { PageJob } from './browser/page-main.js';
import type { WorkerLimits } from './browser/worker-main.js';
import { launchChromium, type Chromium } from './chromium.js';
import { imageKey, PageSlot, type SlotOutcome } from './slot.js';
import { pageHtml } from './sources.js';
import { failure, toStepResult } from './reply.js';
import type { FigureJob, InteractionJob, PoolHealth, RenderPool, StepResult } from './types.js';

const FigureJobSchema = z.object({
  code: z.string(),
  width: z.number().int().min(1).max(32767),
  height: z.number().int().min(1).max(32767),
});
const InteractionJobSchema = z.object({
  image: z.instanceof(Uint8Array),
  code: z.string(),
  state: z.record(z.string(), z.unknown()),
});
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Pending {
  job: PageJob;
  /** Key of the input image (interactions), to prefer the page that still holds it. */
  inputKey?: string;
  code: string;
  state: Record<string, unknown>;
  resolve: (r: StepResult) => void;
}

/**
 * The render pool: one Chromium with N sandbox pages, each running one job at a time. Crashed or stuck
 * pages are replaced (and the job retried once on a fresh page), a dead browser is relaunched, idle
 * pages are pinged, and pages are recycled after `recycleAfterJobs` jobs.
 */
class SandboxPool implements RenderPool {
  private chromium: Chromium | null = null;
  private relaunching: Promise<Chromium> | null = null;
  private readonly idle: PageSlot[] = [];
  private readonly queue: Pending[] = [];
  private readonly html: string;
  private closed = false;
  private healthTimer: NodeJS.Timeout | null = null;
  /** Pages running a job (or being replaced after one). */
  private busy = 0;
  /** Pages that died and could not be reopened yet (the health check retries them). */
  private lost = 0;
  private checking = false;
  private reopening: Promise<void> | null = null;
  private counters = { jobs: 0, pageRestarts: 0, browserRestarts: 0, keptImageHits: 0 };

  constructor(private readonly s: RenderSettings) {
    const limits: WorkerLimits = {
      maxCanvasPixels: s.maxCanvasPixels,
      maxOutputBytes: s.maxOutputBytes,
      maxStateBytes: s.maxStateBytes,
      maxElements: 5000,
      maxConsoleErrors: 50,
      maxBufferBytes: s.maxBufferBytes,
      jobsPerWorker: s.jobsPerWorker,
    };
    this.html = pageHtml(limits, s.launchTimeoutMs);
  }

  async start(): Promise<void> {
    const chromium = await this.browser();
    try {
      for (let i = 0; i < this.s.pages; i++) this.idle.push(await this.openSlot(chromium));
    } catch (err) {
      await this.close();
      throw new FlywheelError(`the render sandbox did not start: ${(err as Error).message}`, { where: 'render pool', cause: err });
    }
    if (this.s.healthIntervalMs > 0) {
      this.healthTimer = setInterval(() => void this.checkHealth(), this.s.healthIntervalMs);
      this.healthTimer.unref();
    }
  }

  /** The live browser, relaunching it (once, shared by all callers) when it died. */
  private async browser(): Promise<Chromium> {
    if (this.chromium?.browser.connected) return this.chromium;
    this.relaunching ??= (async () => {
      const old = this.chromium;
      this.chromium = null;
      if (old) {
        this.counters.browserRestarts++;
        await old.close();
      }
      const next = await launchChromium(this.s);
      if (this.closed) {
        await next.close();
        throw new Error('the render pool was closed');
      }
      this.chromium = next;
      return next;
    })().finally(() => (this.relaunching = null));
    return this.relaunching;
  }

  private openSlot(chromium: Chromium): Promise<PageSlot> {
    return PageSlot.open(chromium.browser, this.html, this.s.launchTimeoutMs);
  }

  private async replace(slot: PageSlot): Promise<PageSlot> {
    this.counters.pageRestarts++;
    await slot.dispose();
    return this.openSlot(await this.browser());
  }

  async renderFigure(job: FigureJob): Promise<StepResult> {
    const parsed = FigureJobSchema.safeParse(job);
    if (!parsed.success) throw new FlywheelError(`invalid figure job: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { where: 'renderFigure' });
    const { code, width, height } = parsed.data;
    if (width * height > this.s.maxCanvasPixels) {
      return failure({ type: 'too-large', message: `a ${width}×${height} canvas is over the sandbox limit of ${this.s.maxCanvasPixels} pixels` });
    }
    return this.submit({ kind: 'figure', code, width, height, stateJson: '{}', timeoutMs: this.s.jobTimeoutMs }, {});
  }

  async applyInteraction(job: InteractionJob): Promise<StepResult> {
    const parsed = InteractionJobSchema.safeParse(job);
    if (!parsed.success) throw new FlywheelError(`invalid interaction job: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { where: 'applyInteraction' });
    const { image, code, state } = parsed.data;
    if (image.length < 24 || PNG_SIGNATURE.some((b, i) => image[i] !== b)) throw new FlywheelError('invalid interaction job: image is not PNG bytes', { where: 'applyInteraction' });
    let stateJson: string;
    try {
      stateJson = JSON.stringify(state);
    } catch (err) {
      throw new FlywheelError(`invalid interaction job: state is not plain JSON (${(err as Error).message})`, { where: 'applyInteraction' });
    }
    const view = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
    const width = view.readUInt32BE(16), height = view.readUInt32BE(20);
    if (width * height > this.s.maxCanvasPixels) {
      return failure({ type: 'too-large', message: `the input image (${width}×${height}) is over the sandbox limit of ${this.s.maxCanvasPixels} pixels` });
    }
    const base64 = view.toString('base64');
    return this.submit({ kind: 'interaction', code, width, height, image: base64, stateJson, timeoutMs: this.s.jobTimeoutMs }, state, imageKey(base64));
  }

  private submit(job: PageJob, state: Record<string, unknown>, inputKey?: string): Promise<StepResult> {
    if (this.closed) return Promise.resolve(failure({ type: 'crash', message: 'the render pool is closed' }));
    const bytes = Buffer.byteLength(job.code, 'utf8');
    if (bytes > this.s.maxCodeBytes) {
      return Promise.resolve(failure({ type: 'too-large', message: `the code is ${bytes} bytes, over the limit of ${this.s.maxCodeBytes}` }));
    }
    if (this.lost > 0) void this.reopenLost();
    return new Promise((resolve) => {
      this.queue.push({ job, inputKey, code: job.code, state, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (!this.closed && this.idle.length && this.queue.length) {
      const [s, q] = this.match();
      const slot = this.idle.splice(s, 1)[0]!;
      const item = this.queue.splice(q, 1)[0]!;
      this.busy++;
      void this.execute(slot, item);
    }
  }

  /** An idle page and a queued job for it: one whose input image the page still holds, else the oldest job. */
  private match(): [number, number] {
    const scan = Math.min(this.queue.length, 64);
    for (let q = 0; q < scan; q++) {
      const key = this.queue[q]!.inputKey;
      if (key === undefined) continue;
      const s = this.idle.findIndex((slot) => slot.holds(key));
      if (s >= 0) return [s, q];
    }
    return [this.idle.length - 1, 0];
  }

  private async execute(slot: PageSlot, item: Pending): Promise<void> {
    const started = performance.now();
    let current: PageSlot | null = slot;
    let result: StepResult;
    try {
      let outcome = await current.run(item.job, item.inputKey);
      if (outcome.kind === 'crashed' && !this.closed) {
        // The page may have died for reasons of its own: give the job one fresh page before blaming it.
        current = await this.replace(current);
        const again: SlotOutcome = await current.run(item.job);
        outcome =
          again.kind === 'crashed'
            ? { kind: 'reply', reply: { ok: false, error: { type: 'too-large', message: `the code crashed the sandbox page twice (most likely it ran out of memory): ${again.message}` }, consoleErrors: [] } }
            : again;
      }
      const ms = performance.now() - started;
      if (outcome.kind === 'hung') result = failure({ type: 'timeout', message: `the sandbox page stopped responding (the ${item.job.timeoutMs} ms limit was exceeded)` }, ms);
      else if (outcome.kind === 'crashed') result = failure({ type: 'crash', message: outcome.message }, ms);
      else {
        const reply = outcome.reply;
        if (outcome.reusedImage) this.counters.keptImageHits++;
        if (!reply.ok && reply.error.type === 'syntax' && reply.error.line === undefined && current.alive) {
          const found = await current.syntaxError(item.code).catch(() => ({}) as { line?: number; message?: string });
          reply.error = { ...reply.error, ...(found.message ? { message: found.message } : {}), ...(found.line ? { line: found.line } : {}) };
        }
        result = toStepResult(reply, item.state, performance.now() - started);
      }
    } catch (err) {
      result = failure({ type: 'crash', message: `the render sandbox failed: ${(err as Error).message}` }, performance.now() - started);
      current = current && current.alive ? current : null;
    }
    this.counters.jobs++;
    item.resolve(result);
    // A timed-out job may have left hundreds of MB in the renderer: start over with a fresh page.
    if (!result.ok && result.error.type === 'timeout' && current?.alive) {
      await current.dispose();
      current = null;
    }
    await this.giveBack(current);
  }

  /** Returns a slot to the idle list, replacing it first when it died or served its quota. */
  private async giveBack(slot: PageSlot | null): Promise<void> {
    let next = slot;
    if (!this.closed && (!next || !next.alive || next.jobsDone >= this.s.recycleAfterJobs)) {
      try {
        if (next) next = await this.replace(next);
        else {
          this.counters.pageRestarts++;
          next = await this.openSlot(await this.browser());
        }
      } catch {
        next = null;
      }
    }
    this.busy--;
    if (this.closed) {
      await next?.dispose();
      return;
    }
    if (next) this.idle.push(next);
    else this.lost++;
    this.failIfNoPages();
    this.pump();
  }

  /** With every page lost, waiting callers would wait forever: fail them (the caller retries `crash`). */
  private failIfNoPages(): void {
    if (this.lost < this.s.pages) return;
    for (const item of this.queue.splice(0)) item.resolve(failure({ type: 'crash', message: 'the render sandbox has no working page (Chromium keeps failing)' }));
  }

  /** Reopens lost pages and replaces idle pages that died or stopped answering (they stay usable while pinged). */
  private async checkHealth(): Promise<void> {
    if (this.closed || this.checking) return;
    this.checking = true;
    try {
      await this.checkPages();
    } finally {
      this.checking = false;
    }
  }

  /** Tries to reopen pages that could not be replaced earlier (one attempt at a time). */
  private reopenLost(): Promise<void> {
    this.reopening ??= (async () => {
      while (this.lost > 0 && !this.closed) {
        let slot: PageSlot;
        try {
          slot = await this.openSlot(await this.browser());
        } catch {
          this.failIfNoPages();
          break;
        }
        this.lost--;
        if (this.closed) await slot.dispose();
        else this.idle.push(slot);
        this.pump();
      }
    })().finally(() => (this.reopening = null));
    return this.reopening;
  }

  private async checkPages(): Promise<void> {
    await this.reopenLost();
    const connected = this.chromium?.browser.connected === true;
    for (const slot of [...this.idle]) {
      if (connected && (await slot.ping(5000))) continue;
      const i = this.idle.indexOf(slot);
      if (i < 0) continue;
      this.idle.splice(i, 1);
      this.busy++;
      await slot.dispose();
      await this.giveBack(null);
    }
  }

  async health(): Promise<PoolHealth> {
    const processes = this.chromium?.processes() ?? [];
    return {
      browserConnected: this.chromium?.browser.connected === true,
      pages: this.idle.length + this.busy,
      idlePages: this.idle.length,
      queued: this.queue.length,
      jobs: this.counters.jobs,
      pageRestarts: this.counters.pageRestarts,
      browserRestarts: this.counters.browserRestarts,
      keptImageHits: this.counters.keptImageHits,
      processes,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.healthTimer) clearInterval(this.healthTimer);
    for (const item of this.queue.splice(0)) item.resolve(failure({ type: 'crash', message: 'the render pool was closed' }));
    const slots = this.idle.splice(0);
    this.busy += slots.length;
    await Promise.all(slots.map((s) => s.dispose()));
    await this.relaunching?.catch(() => undefined);
    await this.chromium?.close();
    this.chromium = null;
  }
}

/** Launches Chromium and opens the sandbox pages; `close()` ends every process it started. */
export async function launchRenderPool(settings: RenderSettings): Promise<RenderPool> {
  const parsed = RenderSettings.safeParse(settings);
  if (!parsed.success) {
    throw new FlywheelError(`invalid render settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { where: 'config render' });
  }
  const pool = new SandboxPool(parsed.data);
  await pool.start();
  return pool;
}
