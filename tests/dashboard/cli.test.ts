import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dbPath, openDb } from '../../src/store/db.js';
import { importSeeds, loadSeeds } from '../../seeds/load.js';
import { pidAlive } from '../../src/redis/process.js';
import { CLI, runCli } from '../support/cli.js';
import { spawnUntilLine, waitExit } from '../support/spawn-line.js';
import { tmpDir } from '../support/tmp.js';

const ENV = { PATH: process.env.PATH, HOME: process.env.HOME };

function initOutput(dir: string): void {
  const db = openDb(dbPath(dir));
  importSeeds(db, loadSeeds());
  db.close();
}

describe('flywheel dashboard (command)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('serves the pages with an embedded Redis, prints the URL, and stops everything on Ctrl-C', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    initOutput(t.dir);
    const { child, line } = await spawnUntilLine(process.execPath, [CLI, 'dashboard', '--output', t.dir, '--port', '0'], { env: ENV });
    try {
      const url = /^flywheel dashboard: (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line)?.[1];
      expect(url, line).toBeDefined();
      const rounds = await fetch(url!);
      expect(rounds.status).toBe(200);
      expect(await rounds.text()).toContain('No rounds yet');
      const live = await (await fetch(`${url}api/live`)).json();
      expect(Object.keys(live.queues).sort()).toEqual(['check', 'expand', 'generate', 'render', 'repair', 'store']);
      expect((await fetch(`${url}queues/api/queues`)).status).toBe(200);
      const owner = JSON.parse(fs.readFileSync(path.join(t.dir, 'redis', 'owner.json'), 'utf8')) as { redisPid: number };
      expect(pidAlive(owner.redisPid)).toBe(true);
      child.kill('SIGINT');
      expect(await waitExit(child)).toBe(0);
      expect(pidAlive(owner.redisPid)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a non-loopback address without a token, before starting anything', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    initOutput(t.dir);
    const r = await runCli(['dashboard', '--output', t.dir, '--host', '0.0.0.0'], { env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to serve the dashboard on 0\.0\.0\.0 without an access token[\s\S]*fix: +set dashboard\.token/);
    expect(fs.existsSync(path.join(t.dir, 'redis'))).toBe(false);
  });

  it('without a database it says to run init; --help documents the flags', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const r = await runCli(['dashboard', '--output', t.dir], { env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no flywheel database here yet[\s\S]*flywheel init/);
    const help = await runCli(['dashboard', '--help'], { env: ENV });
    expect(help.code).toBe(0);
    for (const flag of ['--host', '--port', '--allow-actions']) expect(help.stdout).toContain(flag);
  });
});
