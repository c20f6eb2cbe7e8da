import type { Job } from 'bullmq';
import type { Services } from './services.js';
import { enqueue } from './enqueue.js';
import { errorInfo } from './processor.js';
import { stageHandler } from './handlers.js';
import { STAGES, type Stage } from './stages.js';

/**
 * Settles jobs a round is still waiting for although no queue has work left: a job BullMQ failed for
 * good (e.g. its worker kept crashing) goes through its stage's final-failure path; a job that is gone
 * is recorded as lost. Either way the round can finish, and nothing is silently dropped.
 */
export async function reconcileRound(s: Services, round: number): Promise<number> {
  let settled = 0;
  for (const id of await s.tracker.openIds(round)) {
    let found: { stage: Stage; job: Job } | undefined;
    for (const stage of STAGES) {
      const job = await s.queues[stage].getJob(id);
      if (job) {
        found = { stage, job };
        break;
      }
    }
    if (found) {
      const state = await found.job.getState();
      if (state === 'completed') {
        // Its follow-ups were enqueued before it completed; only the closing write was lost.
        await s.tracker.close(round, found.stage, id);
        settled++;
        continue;
      }
      if (state !== 'failed') continue;
      const handler = stageHandler(found.stage, s);
      const parsed = handler.schema.safeParse(found.job.data);
      const info = errorInfo(new Error(found.job.failedReason || 'job failed'), found.job.attemptsMade);
      info.reason = 'job-failed';
      const followUps = parsed.success ? handler.onFinalError(parsed.data, info, found.job) : [];
      await enqueue(s.queues, s.tracker, followUps);
      await s.tracker.close(round, found.stage, id);
    } else {
      const stage: Stage = id.startsWith('store-') ? 'store' : id.startsWith('render-') ? 'render' : id.startsWith('check-') ? 'check' : id.startsWith('repair-') ? 'repair' : id.startsWith('expand-') ? 'expand' : 'generate';
      await enqueue(s.queues, s.tracker, [
        { stage: 'store', id: `store-lost-${id}`, data: { round, failures: [{ stage, reason: 'job-lost', message: `job ${id} disappeared from Redis before it finished`, attempt: 1 }] } },
      ]);
      await s.tracker.close(round, stage, id);
    }
    settled++;
  }
  return settled;
}
