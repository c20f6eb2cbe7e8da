import type { Redis } from 'ioredis';
import type { Db } from '../store/db.js';
import { latestRound } from '../store/rounds.js';
import { countSamples } from '../store/samples.js';
import type { Queues } from '../pipeline/queues.js';
import { RoundTracker } from '../pipeline/tracking.js';

const COUNTED = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;

/**
 * Changes whenever another connection (the round's store stage) commits to the database; pages compare
 * it with the value they were built from to know when to refresh.
 */
export function fingerprint(db: Db): string {
  return String(db.pragma('data_version', { simple: true }));
}

export interface LiveStatus {
  fingerprint: string;
  round: { id: number; status: string; samples: Record<string, number>; openJobs: number; stages: Record<string, { added: number; done: number }> } | null;
  queues: Record<string, Record<(typeof COUNTED)[number], number>>;
}

/** The small JSON the pages poll while a round runs: latest round progress and every queue's job counts. */
export async function liveStatus(db: Db, redis: Redis, queues: Queues, prefix: string): Promise<LiveStatus> {
  const tracker = new RoundTracker(redis, prefix);
  const latest = latestRound(db);
  const round = latest
    ? {
        id: latest.id,
        status: latest.status,
        samples: countSamples(db, latest.id).byStatus,
        openJobs: await tracker.openCount(latest.id),
        stages: await tracker.progress(latest.id),
      }
    : null;
  const counts = await Promise.all(Object.values(queues).map(async (q) => [q.name, await q.getJobCounts(...COUNTED)] as const));
  const out: LiveStatus['queues'] = {};
  for (const [name, c] of counts) out[name] = Object.fromEntries(COUNTED.map((k) => [k, c[k] ?? 0])) as LiveStatus['queues'][string];
  return { fingerprint: fingerprint(db), round, queues: out };
}
