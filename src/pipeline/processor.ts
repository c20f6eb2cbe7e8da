import { UnrecoverableError, type Job } from 'bullmq';
import type { z } from 'zod';
import { enqueue, type FollowUp } from './enqueue.js';
import { jobIds, type Stage } from './stages.js';
import { follow } from './follow-ups.js';
import type { UsageNote } from './payloads.js';
import type { Services } from './services.js';

/** Reasons that no retry can fix: the job goes straight to its final-failure path. */
const PERMANENT = new Set(['auth', 'model-not-found', 'bad-request', 'schema', 'not-json', 'empty-choices', 'answer-not-in-choices', 'budget-exceeded', 'invalid-job-data']);

export interface StageHandler<T> {
  stage: Stage;
  schema: z.ZodType<T>;
  /** Does the stage's work and returns the jobs that follow. Throwing retries the job (bounded). */
  run(data: T, job: Job): Promise<FollowUp[]>;
  /** After the last attempt failed: the jobs that record the failure (usually one store job). */
  onFinalError(data: T, error: ErrorInfo, job: Job): FollowUp[];
}

export interface ErrorInfo {
  reason: string;
  message: string;
  attempt: number;
  detail?: unknown;
  /** Model calls made (and paid for) before the failure. */
  calls: UsageNote[];
}

export function errorInfo(err: unknown, attempt: number): ErrorInfo {
  const e = err as { reason?: unknown; message?: unknown; raw?: unknown; calls?: unknown };
  const info: ErrorInfo = {
    reason: typeof e?.reason === 'string' ? e.reason : 'error',
    message: typeof e?.message === 'string' ? e.message : String(err),
    attempt,
    calls: Array.isArray(e?.calls) ? (e.calls as UsageNote[]) : [],
  };
  if (e?.raw !== undefined) info.detail = { raw: e.raw };
  return info;
}

/**
 * Wraps a stage handler as a BullMQ processor: validates the payload, converts the last failed
 * attempt into recorded failures, enqueues follow-ups, then closes the job in the round's bookkeeping.
 */
export function makeProcessor<T extends { round: number }>(services: Services, handler: StageHandler<T>) {
  return async (job: Job): Promise<void> => {
    const round = (job.data as { round?: unknown })?.round;
    if (typeof round !== 'number' || !Number.isInteger(round)) throw new UnrecoverableError('job data has no round number');
    const parsed = handler.schema.safeParse(job.data);
    let followUps: FollowUp[];
    if (!parsed.success) {
      followUps = [
        {
          stage: 'store',
          id: jobIds.storeFailure(job.id!),
          data: { round, failures: [{ stage: handler.stage, reason: 'invalid-job-data', message: parsed.error.message.slice(0, 2000), attempt: 1 }] },
        },
      ];
    } else {
      try {
        followUps = await handler.run(parsed.data, job);
      } catch (err) {
        const attempt = job.attemptsMade + 1;
        const info = errorInfo(err, attempt);
        const last = attempt >= (job.opts.attempts ?? 1) || PERMANENT.has(info.reason);
        // Calls of a failed attempt were paid for: account them even when the job is retried.
        const usage = info.calls.length ? [follow.failuresOnly(round, `${job.id}-a${attempt}`, [], info.calls)] : [];
        if (!last) {
          services.incidents.record({ round, stage: handler.stage, reason: info.reason, message: `${info.message} (job ${job.id} will be retried)`, attempt });
          await enqueue(services.queues, services.tracker, usage);
          throw err;
        }
        services.log(`${handler.stage} ${job.id}: giving up after attempt ${attempt}: ${info.reason}: ${info.message}`);
        followUps = [...handler.onFinalError(parsed.data, info, job), ...usage];
      }
    }
    await enqueue(services.queues, services.tracker, followUps);
    await services.tracker.close(round, handler.stage, job.id!);
  };
}
