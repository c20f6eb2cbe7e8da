import path from 'node:path';
import { Config } from '../../src/config/schema.js';
import type { EndpointSettings } from '../../src/config/sections/llm.js';
import { openDb, type Db } from '../../src/store/db.js';
import type { Draft } from '../../src/schemas/draft.js';
import type { JudgeInput } from '../../src/pipeline/roles/types.js';
import type { RenderOutput } from '../../src/pipeline/payloads.js';
import { tmpDir } from '../support/tmp.js';

/** Shared fixtures for the LLM layer tests. */

/** Fast retry settings so failure-mode tests finish in milliseconds unless they measure a Retry-After. */
export const FAST: EndpointSettings = { maxRetries: 3, retryBaseMs: 10, retryMaxMs: 5_000, timeoutMs: 5_000, concurrency: 64 };

export function llmConfig(url: string, llm: Record<string, unknown> = {}, defaults: EndpointSettings = {}): Config {
  const { roles, ...rest } = llm as { roles?: Record<string, EndpointSettings> };
  return Config.parse({
    outputDir: '/nonexistent',
    llm: { defaults: { baseURL: url, apiKey: 'sk-test', model: 'test-model', ...FAST, ...defaults }, roles: roles ?? {}, ...rest },
  });
}

/** A fresh SQLite store in a temporary folder. */
export function tempDb(): { db: Db; cleanup: () => void } {
  const t = tmpDir('flywheel-llm-');
  const db = openDb(path.join(t.dir, 'flywheel.db'));
  return {
    db,
    cleanup: () => {
      db.close();
      t.cleanup();
    },
  };
}

/** A valid problem as an author would return it (triangle angle via an altitude). */
export function problem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    knowledge: [['Geometry', 'Plane Geometry', 'Triangle', 'Right triangle']],
    tools: ['perpendicular line'],
    difficulty: 'easy',
    problemType: 'multiple-choice',
    figureCode: "const A = vt.point(80, 420, 'A'), B = vt.point(440, 420, 'B'), C = vt.point(300, 110, 'C');\nvt.polygon([A, B, C]);\nvt.export({ A, B, C });",
    question: 'In triangle ABC, AB = 360 and the height from C is 310. What is the area of triangle ABC?',
    choices: ['55800', '111600', '27900', '62000'],
    answer: 'A',
    solution: 'With the altitude CD drawn to AB, CD = 310, so the area is 360 × 310 / 2 = 55800. The answer is A.',
    interactions: [{ description: 'Drop the altitude from C to AB.', code: 'const { A, B, C } = state;\nconst D = vt.perpendicular(C, A, B);\nvt.point(D.x, D.y, "D");\nvt.export({ D });' }],
    ...overrides,
  };
}

export function draft(overrides: Record<string, unknown> = {}): Draft {
  return { width: 512, height: 512, ...problem(overrides) } as Draft;
}

const HASH = 'a'.repeat(64);

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export function judgeInput(d: Draft, round = 1): JudgeInput {
  const render: RenderOutput = {
    original: HASH,
    steps: [HASH],
    stats: [],
    consoleErrors: [],
    elements: [],
    state: {},
    ms: 1,
  };
  return { draft: d, render, images: async () => [PNG, PNG], meta: { round, sampleId: 's1' } };
}
