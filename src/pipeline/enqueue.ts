import type { Queues } from './queues.js';
import type { RoundTracker } from './tracking.js';
import type { Stage } from './stages.js';

/** A job one stage hands to the next. */
export interface FollowUp {
  stage: Stage;
  id: string;
  data: { round: number } & Record<string, unknown>;
}

/** Opens the jobs in the round's bookkeeping, then enqueues them (ids are deterministic, so re-adds are no-ops). */
export async function enqueue(queues: Queues, tracker: RoundTracker, jobs: readonly FollowUp[]): Promise<void> {
  const byStage = new Map<Stage, FollowUp[]>();
  for (const j of jobs) byStage.set(j.stage, [...(byStage.get(j.stage) ?? []), j]);
  for (const [stage, list] of byStage) {
    const byRound = new Map<number, string[]>();
    for (const j of list) byRound.set(j.data.round, [...(byRound.get(j.data.round) ?? []), j.id]);
    for (const [round, ids] of byRound) await tracker.open(round, stage, ids);
    await queues[stage].addBulk(list.map((j) => ({ name: stage, data: j.data, opts: { jobId: j.id } })));
  }
}
