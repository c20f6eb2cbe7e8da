import type { createGeo } from './geo.js';
import type { createVt, VtParts } from './vt.js';
import type { pixelStats, PixelStats } from './stats.js';
import type { LiveJob, lockdown } from './lockdown.js';

/** A job as the page hands it to the worker. */
export interface WorkerJob {
  id: number;
  kind: 'figure' | 'interaction';
  code: string;
  width: number;
  height: number;
  /** Base64 PNG the interaction starts from... */
  image?: string;
  /** ...or the same image already decoded (the page kept it from an earlier job). */
  bitmap?: ImageBitmap;
  /** JSON text of the state the code sees. */
  stateJson: string;
}

export interface WorkerLimits {
  maxCanvasPixels: number;
  maxOutputBytes: number;
  maxStateBytes: number;
  maxElements: number;
  maxConsoleErrors: number;
  /** Typed-array and pixel-buffer bytes one job may allocate (they live outside the V8 heap limit). */
  maxBufferBytes: number;
  /** Jobs one worker runs before it is replaced (bounds heap growth). */
  jobsPerWorker: number;
}

/** A successful job carries its image as a bitmap; the page turns it into PNG base64 (`png`). */
export type WorkerReply =
  | {
      ok: true;
      bitmap?: ImageBitmap;
      png?: string;
      /** The page's handle on this image, for a later job that starts from it. */
      imageId?: string;
      width: number;
      height: number;
      stats: Omit<PixelStats, 'uniform' | 'opaque'>;
      consoleErrors: string[];
      elements: unknown[];
      exported: Record<string, unknown>;
    }
  | { ok: false; error: { type: string; message: string; line?: number }; consoleErrors: string[] };

export interface WorkerParts {
  createGeo: typeof createGeo;
  createVt: typeof createVt;
  vtParts: VtParts;
  pixelStats: typeof pixelStats;
  lockdown: typeof lockdown;
}

/**
 * The sandbox worker: locks its own scope down, then runs jobs one at a time on a fresh canvas each,
 * replying with the PNG, pixel stats, the elements `vt` recorded and what the code exported. The page
 * terminates it on a time-out; it asks to be retired when its scope can no longer be trusted.
 * Serialised with `toString()` into the worker script: self-contained, collaborators come in `parts`.
 */
export function workerMain(parts: WorkerParts, limits: WorkerLimits): void {
  class Limit extends Error {
    constructor(
      readonly kind: 'forbidden' | 'too-large',
      message: string,
    ) {
      super(message);
    }
  }
  interface Running extends LiveJob {
    allocated: number;
    forbidden: string | null;
    tooLarge: string | null;
    consoleErrors: string[];
  }
  // Caught limit errors expose this class to job code: freeze it so no job can alter it for the next.
  Object.freeze(Limit.prototype);
  Object.freeze(Limit);
  let job: Running | null = null;
  let jobsRun = 0;

  const short = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (v instanceof Error) return `${v.name}: ${v.message}`;
    try {
      return JSON.stringify(v) ?? String(v);
    } catch {
      return String(v);
    }
  };
  const note = (text: string) => {
    if (job && job.consoleErrors.length < limits.maxConsoleErrors) job.consoleErrors.push(text.length > 500 ? `${text.slice(0, 497)}...` : text);
  };

  const priv = parts.lockdown({
    job: () => job,
    forbidden(what) {
      if (job && !job.forbidden) job.forbidden = what;
      return new Limit('forbidden', `forbidden: ${what}`);
    },
    tooLarge(what) {
      if (job && !job.tooLarge) job.tooLarge = what;
      return new Limit('too-large', `too large: ${what}`);
    },
    allocate(bytes) {
      if (!job) return;
      job.allocated += bytes;
      if (job.allocated > limits.maxBufferBytes) {
        const what = `the code allocated over ${Math.round(limits.maxBufferBytes / 2 ** 20)} MB of typed arrays / pixel buffers`;
        if (!job.tooLarge) job.tooLarge = what;
        throw new Limit('too-large', `too large: ${what}`);
      }
    },
    maxCanvasPixels: limits.maxCanvasPixels,
  });
  priv.onRejection((reason) => note(`Uncaught (in promise) ${short(reason)}`));
  priv.onPolicyViolation((uri) => {
    if (job && !job.forbidden) job.forbidden = `a request to ${uri || 'a blocked resource'}: the sandbox has no network`;
  });

  let svgReply: ((m: { bitmap?: ImageBitmap; error?: string }) => void) | null = null;
  const rasteriseSvg = (id: number, svg: string, width: number, height: number) =>
    new Promise<{ bitmap?: ImageBitmap; error?: string }>((resolve) => {
      svgReply = resolve;
      priv.postMessage({ type: 'svg', id, svg, width, height });
    });

  /** 1-based line in the submitted code of the innermost frame that belongs to it (`new Function` adds 2 header lines). */
  const lineOf = (err: unknown): number | undefined => {
    const stack = err instanceof Error && typeof err.stack === 'string' ? err.stack : '';
    const m = /<anonymous>:(\d+):\d+/.exec(stack);
    if (!m) return undefined;
    const line = Number(m[1]) - 2;
    return line >= 1 ? line : undefined;
  };

  const fail = (type: string, message: string, line?: number): WorkerReply => ({
    ok: false,
    error: line === undefined ? { type, message } : { type, message, line },
    consoleErrors: job ? job.consoleErrors : [],
  });

  const settle = () => new Promise<void>((resolve) => priv.nextTask(resolve));

  async function run(msg: WorkerJob): Promise<WorkerReply> {
    const running: Running = {
      vt: undefined,
      allocated: 0,
      ctx: undefined as unknown as OffscreenCanvasRenderingContext2D,
      canvas: undefined as unknown as OffscreenCanvas,
      state: undefined,
      forbidden: null,
      tooLarge: null,
      consoleErrors: [],
      log(kind, args) {
        note(`${kind === 'warn' ? 'warning: ' : ''}${args.map(short).join(' ')}`);
      },
    };
    job = running;
    let canvas: OffscreenCanvas;
    let before: Uint8ClampedArray | null = null;
    let width = msg.width, height = msg.height;
    if (msg.image !== undefined || msg.bitmap !== undefined) {
      let bitmap: { frame: CanvasImageSource & { close(): void }; width: number; height: number };
      if (msg.bitmap) bitmap = { frame: msg.bitmap, width: msg.bitmap.width, height: msg.bitmap.height };
      else {
        try {
          bitmap = await priv.decodePng(priv.bytes(msg.image!));
        } catch (err) {
          return fail('crash', `the input image could not be decoded: ${short(err)}`);
        }
      }
      width = bitmap.width;
      height = bitmap.height;
      if (width * height > limits.maxCanvasPixels) return fail('too-large', `the input image (${width}×${height}) is over the sandbox limit of ${limits.maxCanvasPixels} pixels`);
      canvas = new priv.OffscreenCanvas(width, height);
      const c = canvas.getContext('2d', { willReadFrequently: true })!;
      c.fillStyle = '#ffffff';
      c.fillRect(0, 0, width, height);
      c.drawImage(bitmap.frame, 0, 0);
      bitmap.frame.close();
      before = priv.pixels(c, width, height);
    } else {
      if (width * height > limits.maxCanvasPixels) return fail('too-large', `a ${width}×${height} canvas is over the sandbox limit of ${limits.maxCanvasPixels} pixels`);
      canvas = new priv.OffscreenCanvas(width, height);
      const c = canvas.getContext('2d', { willReadFrequently: true })!;
      c.fillStyle = '#ffffff';
      c.fillRect(0, 0, width, height);
    }
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    // Everything the job can reach is built fresh for it (nothing of the library is shared between jobs).
    const geo = parts.createGeo();
    const vt = parts.createVt(
      {
        canvas,
        ctx,
        geo,
        maxElements: limits.maxElements,
        checkSize(w, h, where) {
          if (w * h > limits.maxCanvasPixels || w > 32767 || h > 32767) {
            if (!running.tooLarge) running.tooLarge = `${where}: a ${w}×${h} image is over the sandbox limit of ${limits.maxCanvasPixels} pixels`;
            throw new Limit('too-large', `too large: ${running.tooLarge}`);
          }
        },
      },
      geo,
      parts.vtParts,
    );
    vt.kit.applyBaseState();
    Object.assign(running, { vt: vt.api, ctx, canvas, state: JSON.parse(msg.stateJson) as unknown });

    let fn: () => unknown;
    try {
      fn = new priv.Function(msg.code) as () => unknown;
    } catch (err) {
      return fail('syntax', short(err));
    }
    let result: unknown;
    let thrown: unknown = undefined;
    let threw = false;
    try {
      result = fn.call(undefined);
    } catch (err) {
      thrown = err;
      threw = true;
    }
    // Let promise continuations the code started finish before the image is read.
    await settle();
    if (running.forbidden) return fail('forbidden', running.forbidden);
    if (running.tooLarge) return fail('too-large', running.tooLarge);
    if (threw) return fail('runtime', short(thrown), lineOf(thrown));

    if (result !== undefined) {
      const isSvg = typeof result === 'string' && /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(result);
      if (!isSvg) {
        const what = result === null ? 'null' : typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function' ? 'a Promise' : typeof result === 'string' ? 'a string that is not SVG' : `a ${typeof result}`;
        return fail('invalid-output', `the code returned ${what}; draw on the canvas with vt/ctx, or return an SVG string`);
      }
      const svg = result as string;
      if (svg.length > limits.maxOutputBytes) return fail('too-large', `the returned SVG (${svg.length} characters) is over the limit of ${limits.maxOutputBytes} bytes`);
      const r = await rasteriseSvg(msg.id, svg, canvas.width, canvas.height);
      if (!r.bitmap) return fail('invalid-output', `the returned SVG could not be rendered: ${r.error ?? 'unknown error'}`);
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = 1;
      ctx.globalCompositeOperation = 'source-over';
      ctx.drawImage(r.bitmap, 0, 0);
      ctx.restore();
      r.bitmap.close();
    }

    const w = canvas.width, h = canvas.height;
    const sameSize = before !== null && w === width && h === height;
    let pixels = priv.pixels(ctx, w, h);
    let measured = parts.pixelStats(pixels, w, h, sameSize ? before : null);
    if (!measured.opaque) {
      // Outputs are opaque: holes the code cleared show the white page, and a PNG round trip is exact.
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = 1;
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, w, h);
      ctx.restore();
      pixels = priv.pixels(ctx, w, h);
      measured = parts.pixelStats(pixels, w, h, sameSize ? before : null);
    }
    const { uniform, opaque: _opaque, ...stats } = measured;
    if (msg.kind === 'interaction' && !sameSize) {
      stats.changedFraction = 1;
      stats.changedBBox = { x: 0, y: 0, w, h };
    }
    if (msg.kind === 'figure' && (stats.inkFraction === 0 || uniform)) {
      return fail('blank-output', stats.inkFraction === 0 ? 'the figure code drew nothing (the canvas is still blank)' : 'the figure is a single flat colour');
    }
    const exportedJson = JSON.stringify(vt.exported);
    if (exportedJson.length > limits.maxStateBytes) return fail('too-large', `vt.export data (${exportedJson.length} bytes) is over the limit of ${limits.maxStateBytes} bytes`);
    // The page encodes the PNG from this bitmap (zero-copy transfer, no Blob round trip).
    return {
      ok: true,
      bitmap: canvas.transferToImageBitmap(),
      width: w,
      height: h,
      stats,
      consoleErrors: running.consoleErrors,
      elements: vt.elements,
      exported: vt.exported,
    };
  }

  priv.onMessage((data) => {
    const msg = data as { type: string; id: number; bitmap?: ImageBitmap; error?: string };
    if (msg.type === 'svg-result') {
      const reply = svgReply;
      svgReply = null;
      reply?.(msg);
      return;
    }
    if (msg.type !== 'job') return;
    void (async () => {
      let reply: WorkerReply;
      try {
        reply = await run(data as WorkerJob);
      } catch (err) {
        reply = err instanceof Limit ? fail(err.kind, err.message) : fail('crash', `sandbox error: ${short(err)}`);
      }
      job = null;
      jobsRun++;
      const clean = priv.sweep();
      const transfer = reply.ok && reply.bitmap ? [reply.bitmap] : [];
      priv.postMessage({ type: 'done', id: msg.id, reply, retire: !clean || jobsRun >= limits.jobsPerWorker }, transfer);
    })();
  });
  priv.postMessage({ type: 'ready' });
}
