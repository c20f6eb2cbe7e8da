import type { Queues } from './queues.js';
import type { RoundTracker } from './tracking.js';
import type { Stage } from './stages.js';

/** A job one stage hands to the next. */
export interface FollowUp {
  stage: Stage;
  id: string;
  data: { round: number } & Record<string, unknown>;
}

/**
 * Opens the jobs in the round's bookkeeping, then enqueues those not finished yet. Ids are deterministic:
 * re-adding a job that is still queued is a no-op, and a finished one is skipped, so a retried or
 * restarted parent never runs a child twice.
 */
export async function enqueue(queues: Queues, tracker: RoundTracker, jobs: readonly FollowUp[]): Promise<void> {
  const byStage = new Map<Stage, FollowUp[]>();
  for (const j of jobs) byStage.set(j.stage, [...(byStage.get(j.stage) ?? []), j]);
  for (const [stage, list] of byStage) {
    const byRound = new Map<number, FollowUp[]>();
    for (const j of list) byRound.set(j.data.round, [...(byRound.get(j.data.round) ?? []), j]);
    for (const [round, group] of byRound) {
      const pending = new Set(await tracker.open(round, stage, group.map((j) => j.id)));
      const todo = group.filter((j) => pending.has(j.id));
      if (todo.length) await queues[stage].addBulk(todo.map((j) => ({ name: stage, data: j.data, opts: { jobId: j.id } })));
    }
  }
}
