import os from 'node:os';
import { z } from 'zod';

export const RenderSettings = z
  .object({
    chromiumPath: z.string().min(1).default(() => process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium'),
    pages: z.number().int().min(1).max(64).default(() => Math.min(8, Math.max(2, os.cpus().length * 2))),
    jobTimeoutMs: z.number().int().min(50).max(120_000).default(2000),
    maxCanvasPixels: z.number().int().positive().default(4096 * 4096),
    maxOutputBytes: z.number().int().positive().default(8 * 1024 * 1024),
    recycleAfterJobs: z.number().int().positive().default(2000),
  })
  .strict();
export type RenderSettings = z.infer<typeof RenderSettings>;
