import { createGeo } from './browser/geo.js';
import { createKit } from './browser/kit.js';
import { createDraw } from './browser/draw.js';
import { createConstructions } from './browser/constructions.js';
import { createCharts } from './browser/charts.js';
import { createImageOps } from './browser/image-ops.js';
import { createVt } from './browser/vt.js';
import { pixelStats } from './browser/stats.js';
import { lockdown } from './browser/lockdown.js';
import { workerMain, type WorkerLimits } from './browser/worker-main.js';
import { pageMain } from './browser/page-main.js';

/** The origin the sandbox page is served from (by request interception; never resolved). */
export const SANDBOX_URL = 'https://sandbox.flywheel.invalid/';

/** The page's policy, inherited by its blob workers: no fetches of any kind, scripts only inline/blob/eval. */
export const SANDBOX_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval' blob:",
  'worker-src blob:',
  'img-src data: blob:',
  "style-src 'unsafe-inline'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// The in-browser modules are plain functions serialised with toString(). Transpilers may insert
// `__name(fn, "name")` calls (esbuild keepNames), so each realm gets a no-op `__name`, scoped to an
// IIFE so nothing of the harness is visible as a global to job code.
export const PRELUDE = "'use strict';\nconst __name = (f) => f;";

/** `const parts = {...}`: the vt library and its helpers as source text (also used by the benchmark's bare baseline). */
export function partsSource(): string {
  return `const parts = {
  createGeo: ${createGeo.toString()},
  createVt: ${createVt.toString()},
  vtParts: {
    createKit: ${createKit.toString()},
    createDraw: ${createDraw.toString()},
    createConstructions: ${createConstructions.toString()},
    createCharts: ${createCharts.toString()},
    createImageOps: ${createImageOps.toString()},
  },
  pixelStats: ${pixelStats.toString()},
  lockdown: ${lockdown.toString()},
};`;
}

export function workerSource(limits: WorkerLimits): string {
  return `(() => {
${PRELUDE}
${partsSource()}
(${workerMain.toString()})(parts, ${JSON.stringify(limits)});
})();
`;
}

/** JSON that is also safe inside an HTML <script> element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

/** How many of its latest output images each page keeps for follow-up interactions. */
export const KEPT_IMAGES = 6;

export function pageHtml(limits: WorkerLimits, bootTimeoutMs: number): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>flywheel sandbox</title></head><body><script>
(() => {
${PRELUDE}
(${pageMain.toString()})(${scriptJson(workerSource(limits))}, ${bootTimeoutMs}, ${limits.maxOutputBytes}, ${KEPT_IMAGES});
})();
</script></body></html>`;
}
