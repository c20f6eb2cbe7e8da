import type { Redis } from 'ioredis';
import type { Stage } from './stages.js';

/**
 * Knows when a round is finished. Every job is "opened" in the round's open set before it is enqueued
 * and "closed" once its follow-up jobs are opened, so the open set is empty exactly when no work is left.
 * A closed id is remembered, so re-opening it (a retried parent re-adding a finished child) is a no-op.
 */
const OPEN = `
local added = 0
local pending = {}
for i, id in ipairs(ARGV) do
  if i > 1 and redis.call('SISMEMBER', KEYS[2], id) == 0 then
    pending[#pending + 1] = id
    if redis.call('SADD', KEYS[1], id) == 1 then added = added + 1 end
  end
end
if added > 0 then redis.call('HINCRBY', KEYS[3], ARGV[1] .. ':added', added) end
return pending`;

const CLOSE = `
local removed = redis.call('SREM', KEYS[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[2])
if removed == 1 then redis.call('HINCRBY', KEYS[3], ARGV[1] .. ':done', 1) end
return removed`;

export interface StageProgress {
  added: number;
  done: number;
}

export class RoundTracker {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private keys(round: number): [string, string, string] {
    const base = `${this.prefix}:round:${round}`;
    return [`${base}:open`, `${base}:done`, `${base}:stats`];
  }

  /**
   * Registers jobs about to be enqueued and returns the ids that still need enqueueing: every id not yet
   * closed. A closed job's follow-ups are already in place (and the job itself may have been removed from
   * its queue), so re-adding it would run it twice.
   */
  async open(round: number, stage: Stage, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    return (await this.redis.eval(OPEN, 3, ...this.keys(round), stage, ...ids)) as string[];
  }

  /** Marks a job finished (after its follow-ups were opened). */
  async close(round: number, stage: Stage, id: string): Promise<boolean> {
    return ((await this.redis.eval(CLOSE, 3, ...this.keys(round), stage, id)) as number) === 1;
  }

  async openIds(round: number): Promise<string[]> {
    return this.redis.smembers(this.keys(round)[0]);
  }

  async openCount(round: number): Promise<number> {
    return this.redis.scard(this.keys(round)[0]);
  }

  async progress(round: number): Promise<Record<string, StageProgress>> {
    const raw = await this.redis.hgetall(this.keys(round)[2]);
    const out: Record<string, StageProgress> = {};
    for (const [k, v] of Object.entries(raw)) {
      const [stage, what] = k.split(':') as [string, 'added' | 'done'];
      out[stage] ??= { added: 0, done: 0 };
      out[stage][what] = Number(v);
    }
    return out;
  }

  /** Marks the round planned (all generate jobs opened), so a resumed run does not plan it again. */
  async markPlanned(round: number): Promise<void> {
    await this.redis.set(`${this.prefix}:round:${round}:planned`, '1');
  }

  async isPlanned(round: number): Promise<boolean> {
    return (await this.redis.get(`${this.prefix}:round:${round}:planned`)) === '1';
  }

  /** Drops the round's bookkeeping once it is finished and stored. */
  async forget(round: number): Promise<void> {
    await this.redis.del(...this.keys(round), `${this.prefix}:round:${round}:planned`);
  }
}
