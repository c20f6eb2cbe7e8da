import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Db } from '../store/db.js';
import { recordFailures } from '../store/failures.js';

const Incident = z.object({ round: z.number().int().nullable(), stage: z.string(), reason: z.string(), message: z.string(), attempt: z.number().int().min(1) });
export type Incident = z.infer<typeof Incident>;

const BATCH = 1000;

/**
 * Errors that did not fail a job (an LLM call retried after a 429, a 5xx or a time-out) are still worth
 * recording. Any process on any machine appends them to a Redis list; the round controller, which owns
 * the SQLite file, moves them into the failures table.
 */
export class Incidents {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly log: (message: string) => void,
  ) {
    this.key = `${prefix}:incidents`;
  }

  record(incident: Incident): void {
    this.redis.rpush(this.key, JSON.stringify(incident)).catch((err: unknown) => this.log(`could not record an incident: ${(err as Error).message}`));
  }

  /** Moves the recorded incidents into the failures table; returns how many. */
  async drain(db: Db): Promise<number> {
    let moved = 0;
    for (;;) {
      const [[, raw]] = (await this.redis.multi().lrange(this.key, 0, BATCH - 1).ltrim(this.key, BATCH, -1).exec()) as [[unknown, string[]], unknown];
      if (raw.length === 0) return moved;
      const rows = raw.flatMap((r) => {
        const parsed = Incident.safeParse(JSON.parse(r));
        return parsed.success ? [parsed.data] : [];
      });
      recordFailures(db, rows);
      moved += rows.length;
      if (raw.length < BATCH) return moved;
    }
  }
}

const STAGE_OF_ROLE: Record<string, string> = { author: 'generate', checker: 'check', repairer: 'repair', expander: 'expand', normaliser: 'evolve', embedder: 'evolve' };

export function stageOfRole(role: string): string {
  return STAGE_OF_ROLE[role] ?? role;
}
