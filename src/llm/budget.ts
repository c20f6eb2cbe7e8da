import type { Redis } from 'ioredis';
import { LlmError } from './errors.js';

/** Where a round's spend is added up: Redis when workers share one, else this process's memory. */
export interface SpendStore {
  spent(round: number): Promise<number>;
  add(round: number, usd: number): Promise<void>;
}

const KEEP_SECONDS = 30 * 24 * 3600;

export function redisSpend(redis: Redis, prefix: string): SpendStore {
  const key = (round: number) => `${prefix}:llm:spend:r${round}`;
  return {
    async spent(round) {
      return Number((await redis.get(key(round))) ?? 0);
    },
    async add(round, usd) {
      await redis.multi().incrbyfloat(key(round), usd).expire(key(round), KEEP_SECONDS).exec();
    },
  };
}

export function memorySpend(): SpendStore {
  const byRound = new Map<number, number>();
  return {
    async spent(round) {
      return byRound.get(round) ?? 0;
    },
    async add(round, usd) {
      byRound.set(round, (byRound.get(round) ?? 0) + usd);
    },
  };
}

/**
 * The per-round spending cap (`llm.budgetUsdPerRound`). Every paid call adds its cost; once the round's
 * spend reaches the cap, new generation calls (author, repairer, expander) are refused while judging
 * goes on. Calls already in flight finish, so the spend can pass the cap by at most their cost.
 */
export class Budget {
  constructor(
    private readonly limitUsd: number | undefined,
    private readonly store: SpendStore,
  ) {}

  async check(round: number, role: string): Promise<void> {
    if (this.limitUsd === undefined) return;
    const spent = await this.store.spent(round);
    if (spent >= this.limitUsd) {
      throw new LlmError(
        'budget-exceeded',
        `round ${round} has spent $${spent.toFixed(4)} of its $${this.limitUsd.toFixed(4)} LLM budget (llm.budgetUsdPerRound): no new ${role} calls this round; judging of existing drafts continues`,
      );
    }
  }

  async add(round: number, usd: number): Promise<void> {
    if (usd > 0) await this.store.add(round, usd);
  }
}
