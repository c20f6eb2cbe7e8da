import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { spawnCli } from '../support/spawn-cli.js';
import { tmpDir } from '../support/tmp.js';
import { waitFor } from '../support/wait-for.js';
import { readOutput, sampleSet } from '../support/pipeline-db.js';
import { pidAlive } from '../../src/redis/process.js';

const RUN = ['run', '--rounds', '1', '--per-round', '4', '--seed', '9', '--no-progress', '--set', 'pipeline.lockDurationMs=2000', '--set', 'pipeline.offlineFlawRate=0.3'];

function storedSamples(out: string): number {
  if (!fs.existsSync(path.join(out, 'flywheel.db'))) return 0;
  const db = new Database(path.join(out, 'flywheel.db'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) n FROM samples').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

function redisOwner(out: string): { redisPid: number; ownerPid: number } | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(out, 'redis', 'owner.json'), 'utf8')) as { redisPid: number; ownerPid: number };
  } catch {
    return undefined;
  }
}

describe('crash safety: the same samples as a clean run with the same seed', () => {
  const t = tmpDir('flywheel-faults-');
  const dir = (name: string) => path.join(t.dir, name);
  let clean: string[];

  beforeAll(async () => {
    const run = await runCli([...RUN, '--output', dir('clean')]);
    expect(run.code).toBe(0);
    clean = sampleSet(dir('clean'));
  }, 180_000);
  afterAll(() => t.cleanup());

  it('kill -9 of a worker process mid-round, then a new worker: nothing lost, nothing duplicated; a second run is refused meanwhile', async () => {
    expect(clean.length).toBeGreaterThan(12);
    const out = dir('kill-worker');
    const run = spawnCli([...RUN, '--stages', 'generate,repair,expand', '--output', out]);
    await waitFor('the embedded Redis', () => redisOwner(out));
    // Without a render worker this run cannot finish, so a second one must meet its lock.
    const second = await runCli([...RUN, '--output', out]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/another flywheel run \(pid \d+, started .*\) is using this output folder/);
    const workerArgs = ['worker', '--stages', 'render,check', '--output', out, '--set', 'pipeline.lockDurationMs=2000'];
    const w1 = spawnCli(workerArgs);
    await waitFor('some stored samples', () => storedSamples(out) >= 3, 90_000);
    w1.child.kill('SIGKILL');
    await w1.exited;
    const w2 = spawnCli(workerArgs);
    expect(await run.exited).toBe(0);
    w2.child.kill('SIGINT');
    expect(await w2.exited).toBe(0);
    expect(sampleSet(out)).toEqual(clean);
  }, 180_000);

  it('the embedded Redis killed mid-round is restarted and the round completes', async () => {
    const out = dir('kill-redis');
    const run = spawnCli([...RUN, '--output', out]);
    await waitFor('some stored samples', () => storedSamples(out) >= 3, 90_000);
    const { redisPid } = redisOwner(out)!;
    process.kill(redisPid, 'SIGKILL');
    expect(await run.exited).toBe(0);
    expect(run.output().stderr).toMatch(/embedded redis on port \d+ died and was restarted/);
    expect(pidAlive(redisPid)).toBe(false);
    expect(sampleSet(out)).toEqual(clean);
  }, 180_000);

  it('Ctrl-C drains and leaves the round resumable; --resume finishes it', async () => {
    const out = dir('interrupt');
    const run = spawnCli([...RUN, '--output', out]);
    await waitFor('some stored samples', () => storedSamples(out) >= 3, 90_000);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toMatch(/interrupted: continue with `flywheel run --resume`/);
    expect(readOutput(out).rounds).toEqual([{ id: 1, status: 'interrupted' }]);
    const refused = await runCli([...RUN, '--output', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/round 1 is unfinished \(interrupted\)[\s\S]*--resume/);
    const resumed = await runCli([...RUN, '--resume', '--output', out]);
    expect(resumed.code).toBe(0);
    expect(sampleSet(out)).toEqual(clean);
  }, 180_000);
});
