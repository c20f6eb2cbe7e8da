import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoundTracker } from '../../src/pipeline/tracking.js';
import { startTestRedis } from '../support/redis.js';

describe('round tracking', () => {
  let env: Awaited<ReturnType<typeof startTestRedis>>;
  beforeAll(async () => {
    env = await startTestRedis();
  });
  afterAll(async () => env.stop());

  it('is finished exactly when every opened job has closed, and closed ids never re-open', async () => {
    const t = new RoundTracker(env.client, 'test1');
    expect(await t.open(1, 'generate', ['g0', 'g1'])).toEqual(['g0', 'g1']);
    expect(await t.open(1, 'generate', ['g0'])).toEqual(['g0']);
    await t.open(1, 'render', ['render-a', 'render-b']);
    expect(await t.close(1, 'generate', 'g0')).toBe(true);
    expect(await t.close(1, 'generate', 'g0')).toBe(false);
    expect(await t.open(1, 'generate', ['g0', 'g2'])).toEqual(['g2']);
    await t.close(1, 'generate', 'g2');
    await t.close(1, 'generate', 'g1');
    await t.close(1, 'render', 'render-a');
    expect(await t.openIds(1)).toEqual(['render-b']);
    await t.close(1, 'render', 'render-b');
    expect(await t.openCount(1)).toBe(0);
    expect(await t.progress(1)).toEqual({ generate: { added: 3, done: 3 }, render: { added: 2, done: 2 } });
  });

  it('keeps rounds apart and forgets a finished round', async () => {
    const t = new RoundTracker(env.client, 'test2');
    await t.open(1, 'store', ['x']);
    await t.open(2, 'store', ['x']);
    await t.markPlanned(2);
    await t.close(1, 'store', 'x');
    expect([await t.openCount(1), await t.openCount(2), await t.isPlanned(2)]).toEqual([0, 1, true]);
    await t.forget(2);
    expect([await t.openCount(2), await t.isPlanned(2)]).toEqual([0, false]);
  });
});
