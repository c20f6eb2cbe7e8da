import { afterAll, beforeAll } from 'vitest';
import { launchRenderPool, type RenderPool, type StepResult } from '../../src/render/index.js';
import { RenderSettings } from '../../src/config/sections/render.js';

export type OkStep = Extract<StepResult, { ok: true }>;

/**
 * One real render pool (real Chromium) for the calling test file: launched in `beforeAll`, closed in
 * `afterAll`. Read `.pool` inside tests.
 */
export function useRenderPool(overrides: Partial<RenderSettings> = {}): { readonly pool: RenderPool } {
  let pool: RenderPool | undefined;
  beforeAll(async () => {
    pool = await launchRenderPool(RenderSettings.parse({ pages: 2, healthIntervalMs: 0, ...overrides }));
  });
  afterAll(async () => {
    await pool?.close();
  });
  return {
    get pool(): RenderPool {
      if (!pool) throw new Error('the render pool is not running (use it inside a test)');
      return pool;
    },
  };
}

/** The successful result of a step, or an error that shows why it failed. */
export function expectOk(r: StepResult, where = 'render'): OkStep {
  if (!r.ok) throw new Error(`${where}: ${r.error.type}: ${r.error.message}${r.error.line ? ` (line ${r.error.line})` : ''}`);
  return r;
}
