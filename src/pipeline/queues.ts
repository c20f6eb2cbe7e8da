import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PipelineSettings } from '../config/sections/pipeline.js';
import { STAGES, type Stage } from './stages.js';

export type Queues = Record<Stage, Queue>;

/** Job options shared by every stage: bounded retries, and bounded Redis memory for finished jobs. */
export function defaultJobOptions(settings: PipelineSettings): JobsOptions {
  return {
    attempts: settings.jobAttempts,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { count: 2000 },
    removeOnFail: { count: 20_000 },
  };
}

export function openQueues(connection: Redis, settings: PipelineSettings): Queues {
  const out = {} as Queues;
  for (const stage of STAGES) {
    out[stage] = new Queue(stage, { connection, prefix: settings.queuePrefix, defaultJobOptions: defaultJobOptions(settings) });
  }
  return out;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

/** Jobs still to do in any stage (waiting, active, delayed, prioritized). */
export async function pendingJobs(queues: Queues): Promise<number> {
  let total = 0;
  for (const q of Object.values(queues)) {
    const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    total += Object.values(c).reduce((a, b) => a + b, 0);
  }
  return total;
}
