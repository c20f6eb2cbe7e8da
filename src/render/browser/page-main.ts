import type { WorkerJob, WorkerReply } from './worker-main.js';

export type PageJob = Omit<WorkerJob, 'id' | 'bitmap'> & {
  timeoutMs: number;
  /** Start from an image this page produced earlier (`imageId` of its reply) instead of `image`. */
  imageRef?: string;
};

/** The page no longer holds `imageRef`: send the image itself. */
export interface CacheMiss {
  miss: true;
}

/**
 * The sandbox page's own script (it runs no job code itself): keeps one locked-down worker busy with
 * jobs and one spare booted, enforces the time limit by terminating the worker, and rasterises SVG
 * that job code returns (workers cannot decode SVG). Exposes `window.__fw` to the Node side.
 * Serialised with `toString()` into the page: self-contained.
 */
export function pageMain(workerSource: string, bootTimeoutMs: number, maxOutputBytes: number, keepImages: number): void {
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const encoder = document.createElement('canvas');
  const painter = encoder.getContext('2d')!;

  // The last few output images, oldest first, so a follow-up interaction on this page skips the PNG
  // transfer and decode (the Node side mirrors this list).
  const kept = new Map<string, ImageBitmap>();
  let imageSeq = 0;

  /** PNG base64 of a finished job's bitmap (encoded here: the worker's canvas has no synchronous encoder). */
  const encode = (reply: WorkerReply): WorkerReply => {
    if (!reply.ok || !reply.bitmap) return reply;
    const { bitmap, ...rest } = reply;
    encoder.width = bitmap.width;
    encoder.height = bitmap.height;
    painter.drawImage(bitmap, 0, 0);
    const dataUrl = encoder.toDataURL('image/png');
    const png = dataUrl.slice(dataUrl.indexOf(',') + 1);
    const bytes = Math.floor((png.length * 3) / 4);
    if (bytes > maxOutputBytes) {
      bitmap.close();
      return { ok: false, error: { type: 'too-large', message: `the PNG (${bytes} bytes) is over the limit of ${maxOutputBytes} bytes` }, consoleErrors: rest.consoleErrors };
    }
    const imageId = `i${++imageSeq}`;
    kept.set(imageId, bitmap);
    for (const [id, old] of kept) {
      if (kept.size <= keepImages) break;
      old.close();
      kept.delete(id);
    }
    return { ...rest, png, imageId };
  };
  let current: Worker | null = null;
  let spare: Promise<Worker> | null = null;
  let seq = 0;

  const spawn = (): Promise<Worker> => {
    const p = new Promise<Worker>((resolve, reject) => {
      const w = new Worker(url);
      const timer = setTimeout(() => {
        w.terminate();
        reject(new Error(`the sandbox worker did not start within ${bootTimeoutMs} ms`));
      }, bootTimeoutMs);
      w.onmessage = (e: MessageEvent) => {
        if ((e.data as { type?: string })?.type !== 'ready') return;
        clearTimeout(timer);
        w.onmessage = null;
        w.onerror = null;
        resolve(w);
      };
      w.onerror = (e: ErrorEvent) => {
        clearTimeout(timer);
        w.terminate();
        reject(new Error(`the sandbox worker failed to start: ${e.message}`));
      };
    });
    p.catch(() => undefined);
    return p;
  };
  spare = spawn();

  const take = async (): Promise<Worker> => {
    if (current) return current;
    const next = spare ?? spawn();
    spare = null;
    try {
      current = await next;
    } finally {
      spare = spawn();
    }
    return current;
  };

  const rasterise = async (svg: string, width: number, height: number): Promise<ImageBitmap> => {
    const src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    try {
      const img = new Image();
      img.src = src;
      await img.decode();
      const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
      const sized = /\swidth\s*=/i.test(root) && /\sheight\s*=/i.test(root) && img.naturalWidth > 0 && img.naturalHeight > 0;
      return await createImageBitmap(img, { resizeWidth: sized ? img.naturalWidth : width, resizeHeight: sized ? img.naturalHeight : height });
    } finally {
      URL.revokeObjectURL(src);
    }
  };

  const run = async (job: PageJob): Promise<WorkerReply | CacheMiss> => {
    let input: ImageBitmap | undefined;
    if (job.imageRef !== undefined) {
      const source = kept.get(job.imageRef);
      if (!source) return { miss: true };
      input = await createImageBitmap(source);
    }
    let w: Worker;
    try {
      w = await take();
    } catch (err) {
      input?.close();
      return { ok: false, error: { type: 'crash', message: String((err as Error).message ?? err) }, consoleErrors: [] };
    }
    const id = ++seq;
    return new Promise<WorkerReply>((resolve) => {
      const finish = (reply: WorkerReply, retire: boolean) => {
        clearTimeout(timer);
        w.onmessage = null;
        w.onerror = null;
        if (retire) {
          w.terminate();
          if (current === w) current = null;
        }
        resolve(reply);
      };
      const timer = setTimeout(
        () => finish({ ok: false, error: { type: 'timeout', message: `the code did not finish within ${job.timeoutMs} ms (an endless loop?)` }, consoleErrors: [] }, true),
        job.timeoutMs,
      );
      w.onmessage = (e: MessageEvent) => {
        const m = e.data as { type: string; id: number; svg?: string; width?: number; height?: number; reply?: WorkerReply; retire?: boolean };
        if (m.id !== id) return;
        if (m.type === 'svg') {
          rasterise(m.svg!, m.width!, m.height!).then(
            (bitmap) => w.postMessage({ type: 'svg-result', id, bitmap }, [bitmap]),
            (err: unknown) => w.postMessage({ type: 'svg-result', id, error: String((err as Error)?.message ?? err) }),
          );
        } else if (m.type === 'done') finish(encode(m.reply!), m.retire === true);
      };
      w.onerror = (e: ErrorEvent) => finish({ ok: false, error: { type: 'crash', message: `sandbox worker error: ${e.message}` }, consoleErrors: [] }, true);
      const { timeoutMs: _t, imageRef: _r, ...rest } = job;
      w.postMessage({ type: 'job', id, ...rest, ...(input ? { bitmap: input } : {}) }, input ? [input] : []);
    });
  };

  (window as unknown as { __fw: unknown }).__fw = {
    run,
    ready: () => (current ? Promise.resolve(true) : (spare ?? spawn()).then(() => true)),
  };
}
