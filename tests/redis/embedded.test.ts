import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedRedis, REDIS_DIR } from '../../src/redis/embedded.js';
import { connectRedis } from '../../src/redis/connect.js';
import { pidAlive } from '../../src/redis/process.js';
import { loadConfig } from '../../src/config/load.js';
import { FlywheelError } from '../../src/errors.js';
import { freePort } from '../../src/redis/free-port.js';
import { tmpDir } from '../support/tmp.js';
import { spawnUntilLine, waitExit } from '../support/spawn-line.js';
import { REPO_ROOT } from '../support/cli.js';

const HOLD = path.join(REPO_ROOT, 'tests/support/hold-redis.ts');

async function waitGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 400 && pidAlive(pid); i++) await new Promise((r) => setTimeout(r, 25));
  return !pidAlive(pid);
}

describe('embedded Redis', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('starts on a free loopback port with AOF under the output folder and stops without an orphan', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const r = await startEmbeddedRedis({ outputDir: t.dir, serverPath: 'redis-server' });
    try {
      const client = new Redis(r.url);
      await client.set('k', 'v');
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await client.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
      client.disconnect();
      expect(fs.existsSync(path.join(t.dir, REDIS_DIR, 'appendonlydir'))).toBe(true);
      const again = await startEmbeddedRedis({ outputDir: t.dir, serverPath: 'redis-server' });
      expect([again.port, again.pid]).toEqual([r.port, r.pid]);
    } finally {
      await r.stop();
    }
    expect(pidAlive(r.pid)).toBe(false);
    expect(fs.existsSync(path.join(t.dir, REDIS_DIR, 'owner.json'))).toBe(false);
  });

  it('a Ctrl-C to the owning process stops its Redis', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const { child, line } = await spawnUntilLine(process.execPath, ['--import', 'tsx', HOLD, t.dir], { cwd: REPO_ROOT });
    const { redisPid } = JSON.parse(line) as { redisPid: number };
    expect(pidAlive(redisPid)).toBe(true);
    child.kill('SIGINT');
    expect(await waitExit(child)).toBe(130);
    expect(await waitGone(redisPid)).toBe(true);
  });

  it('adopts the server of a crashed (kill -9) owner with its data intact, then stops it', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const { child, line } = await spawnUntilLine(process.execPath, ['--import', 'tsx', HOLD, t.dir], { cwd: REPO_ROOT });
    const { redisPid, port } = JSON.parse(line) as { redisPid: number; port: number };
    const client = new Redis(port, '127.0.0.1');
    await client.rpush('queued', 'job-1', 'job-2');
    client.disconnect();
    child.kill('SIGKILL');
    await waitExit(child);
    expect(pidAlive(redisPid)).toBe(true);
    const adopted = await startEmbeddedRedis({ outputDir: t.dir, serverPath: 'redis-server' });
    expect(adopted).toMatchObject({ pid: redisPid, owned: true });
    const c2 = new Redis(adopted.url);
    expect(await c2.lrange('queued', 0, -1)).toEqual(['job-1', 'job-2']);
    c2.disconnect();
    await adopted.stop();
    expect(await waitGone(redisPid)).toBe(true);
  });

  it('restarts a server that dies under its owner, on the same port with its data', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const r = await startEmbeddedRedis({ outputDir: t.dir, serverPath: 'redis-server' });
    const client = new Redis(r.url, { maxRetriesPerRequest: null });
    const refused: string[] = [];
    client.on('error', (err: Error) => refused.push(err.message));
    try {
      await client.config('SET', 'appendfsync', 'always');
      await client.rpush('queued', 'job-1');
      const first = r.pid;
      process.kill(first, 'SIGKILL');
      expect(await waitGone(first)).toBe(true);
      expect(await client.lrange('queued', 0, -1)).toEqual(['job-1']);
      expect(r.restarts).toBe(1);
      expect(refused.every((m) => /ECONNREFUSED|ECONNRESET/.test(m))).toBe(true);
      expect(r.pid).not.toBe(first);
    } finally {
      client.disconnect();
      await r.stop();
    }
    expect(pidAlive(r.pid)).toBe(false);
  });

  it('an owner that exits while another process still uses the server hands it over instead of stopping it', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const { child, line } = await spawnUntilLine(process.execPath, ['--import', 'tsx', HOLD, t.dir], { cwd: REPO_ROOT });
    const { redisPid } = JSON.parse(line) as { redisPid: number };
    const joined = await startEmbeddedRedis({ outputDir: t.dir, serverPath: 'redis-server' });
    expect(joined).toMatchObject({ pid: redisPid, owned: false });
    const client = new Redis(joined.url);
    await client.set('round', '7');
    child.kill('SIGINT');
    expect(await waitExit(child)).toBe(130);
    for (let i = 0; i < 200 && !joined.owned; i++) await new Promise((r) => setTimeout(r, 25));
    expect(joined.owned).toBe(true);
    expect(await client.get('round')).toBe('7');
    client.disconnect();
    await joined.stop();
    expect(await waitGone(redisPid)).toBe(true);
  });

  it('explains how to fix a missing redis-server', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const err = await startEmbeddedRedis({ outputDir: t.dir, serverPath: '/nonexistent/redis-server' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FlywheelError);
    expect((err as FlywheelError).message).toMatch(/redis-server was not found/);
    expect((err as FlywheelError).fix).toMatch(/npm run setup.*REDIS_URL/);
  });

  it('with REDIS_URL set it never starts a server, and an unreachable one is a clear error', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const port = await freePort();
    const { config } = loadConfig({ env: { REDIS_URL: `redis://127.0.0.1:${port}` }, flags: { outputDir: t.dir } });
    const err = (await connectRedis(config).catch((e: unknown) => e)) as FlywheelError;
    expect(err.message).toMatch(new RegExp(`cannot reach Redis at redis://127.0.0.1:${port}`));
    expect(err.fix).toMatch(/unset REDIS_URL/);
    expect(fs.existsSync(path.join(t.dir, REDIS_DIR))).toBe(false);

    const own = await startEmbeddedRedis({ outputDir: path.join(t.dir, 'other'), serverPath: 'redis-server' });
    try {
      const { config: c2 } = loadConfig({ env: { REDIS_URL: own.url }, flags: { outputDir: t.dir } });
      const h = await connectRedis(c2);
      expect(h).toMatchObject({ url: own.url, embedded: undefined });
      await h.close();
      expect(pidAlive(own.pid)).toBe(true);
    } finally {
      await own.stop();
    }
  });
});
