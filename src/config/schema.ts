import { z } from 'zod';
import { LlmSettings } from './sections/llm.js';
import { RenderSettings } from './sections/render.js';
import { PipelineSettings } from './sections/pipeline.js';
import { KnowledgeSettings } from './sections/knowledge.js';
import { DashboardSettings } from './sections/dashboard.js';

/** Every setting of flywheel; file, environment and flags are merged and then validated by this schema. */
export const Config = z
  .object({
    outputDir: z.string().min(1).default('output'),
    redis: z
      .object({
        /** Use this server; when unset, an embedded redis-server is started under the output folder. */
        url: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
        serverPath: z.string().min(1).default('redis-server'),
      })
      .strict()
      .default({ serverPath: 'redis-server' }),
    render: RenderSettings.default(() => RenderSettings.parse({})),
    llm: LlmSettings.default(() => LlmSettings.parse({})),
    pipeline: PipelineSettings.default(() => PipelineSettings.parse({})),
    knowledge: KnowledgeSettings.default(() => KnowledgeSettings.parse({})),
    dashboard: DashboardSettings.default(() => DashboardSettings.parse({})),
  })
  .strict();
export type Config = z.infer<typeof Config>;

/** Field names whose values are masked when the config is printed. */
export const SECRET_KEYS = new Set(['apiKey', 'token', 'password']);
