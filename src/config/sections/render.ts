import os from 'node:os';
import { z } from 'zod';

export const RenderSettings = z
  .object({
    chromiumPath: z.string().min(1).default(() => process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium'),
    /** Sandbox pages (one job at a time each); two per core keeps both cores busy while a page waits on I/O. */
    pages: z.number().int().min(1).max(64).default(() => Math.min(8, Math.max(2, os.cpus().length * 2))),
    jobTimeoutMs: z.number().int().min(50).max(120_000).default(2000),
    maxCanvasPixels: z.number().int().positive().default(4096 * 4096),
    maxOutputBytes: z.number().int().positive().default(8 * 1024 * 1024),
    /** A page is replaced by a fresh one after this many jobs (bounds slow leaks in the renderer). */
    recycleAfterJobs: z.number().int().positive().default(2000),
    /** Code longer than this (UTF-8 bytes) is refused as too-large before it reaches the browser. */
    maxCodeBytes: z.number().int().positive().default(512 * 1024),
    /** Cap on the JSON size of what one job passes to `vt.export`. */
    maxStateBytes: z.number().int().positive().default(256 * 1024),
    /** Jobs one sandbox worker runs before it is replaced (bounds heap growth inside a page). */
    jobsPerWorker: z.number().int().positive().default(200),
    /** Typed-array and pixel-buffer memory one job may allocate (outside the V8 heap limit). */
    maxBufferBytes: z.number().int().positive().default(256 * 1024 * 1024),
    /** V8 heap limit per JavaScript thread in the renderer; a job that exceeds it crashes only its page. */
    maxHeapMB: z.number().int().min(128).max(16_384).default(1024),
    /** How often idle pages are pinged (0 disables). */
    healthIntervalMs: z.number().int().min(0).default(30_000),
    launchTimeoutMs: z.number().int().positive().default(30_000),
  })
  .strict();
export type RenderSettings = z.infer<typeof RenderSettings>;
