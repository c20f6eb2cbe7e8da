import { Worker } from 'bullmq';
import type { Services } from './services.js';
import { makeProcessor } from './processor.js';
import { stageHandler } from './handlers.js';
import type { Stage } from './stages.js';

export interface RunningWorkers {
  stages: Stage[];
  workers: Worker[];
  /** Stops taking jobs and waits for the active ones to finish. */
  close(): Promise<void>;
}

/** Starts one BullMQ worker per requested stage in this process. */
export function startWorkers(s: Services, stages: readonly Stage[], concurrency: Partial<Record<Stage, number>> = {}): RunningWorkers {
  const p = s.config.pipeline;
  const workers = stages.map((stage) => {
    const w = new Worker(stage, makeProcessor(s, stageHandler(stage, s)), {
      connection: s.redis,
      prefix: p.queuePrefix,
      concurrency: concurrency[stage] ?? p.concurrency[stage],
      lockDuration: p.lockDurationMs,
      stalledInterval: Math.max(1000, Math.floor(p.lockDurationMs / 2)),
      maxStalledCount: 3,
    });
    w.on('error', (err) => s.log(`${stage} worker: ${err.message}`));
    return w;
  });
  return {
    stages: [...stages],
    workers,
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
