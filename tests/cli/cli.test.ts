import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, REPO_ROOT } from '../support/cli.js';
import { tmpDir } from '../support/tmp.js';

const COMMANDS = ['init', 'run', 'worker', 'status', 'dashboard', 'export', 'seeds', 'knowledge', 'config'];

describe('flywheel CLI', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('--help lists every command', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
  });

  it('init creates the output folder and database and loads the seeds; re-running adds nothing', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const out = path.join(t.dir, 'out');
    const first = await runCli(['init', '--output', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(fs.existsSync(path.join(out, 'flywheel.db'))).toBe(true);
    const created = Number(/knowledge: \d+ nodes in \d+ domains \((\d+) new\)/.exec(first.stdout)![1]);
    expect(created).toBeGreaterThan(150);
    const second = await runCli(['init', '--output', out]);
    expect(second.stdout).toMatch(/\(0 new\)[\s\S]*tools: +\d+ \(0 new\)/);
    const status = await runCli(['status', '--json', '--output', out]);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ knowledge: { total: created }, samples: { total: 0 }, rounds: [] });
  });

  it('status before init says to run init', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const r = await runCli(['status', '--output', t.dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no flywheel database here yet[\s\S]*fix: +run `flywheel init` first/);
  });

  it('every command is built: knowledge, the last one, lists its subcommands instead of saying "not built yet"', async () => {
    const r = await runCli(['knowledge']);
    expect(r.stderr).not.toMatch(/not built yet/);
    expect(r.stderr).toMatch(/tree[\s\S]*stats[\s\S]*export[\s\S]*import/);
  });

  it('a config value of the wrong type fails with the field path and leaves the database untouched', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    expect((await runCli(['init', '--output', t.dir])).code).toBe(0);
    const before = fs.statSync(path.join(t.dir, 'flywheel.db')).mtimeMs;
    fs.writeFileSync(path.join(t.dir, 'flywheel.config.json'), JSON.stringify({ pipeline: { perRound: 'ten' } }));
    const r = await runCli(['init', '--output', t.dir], { cwd: t.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pipeline\.perRound: Invalid input: expected number, received string \(set by flywheel\.config\.json\)/);
    expect(fs.statSync(path.join(t.dir, 'flywheel.db')).mtimeMs).toBe(before);
  });

  it('an unwritable output folder is a clear error', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    fs.writeFileSync(path.join(t.dir, 'file'), 'x');
    const r = await runCli(['init', '--output', path.join(t.dir, 'file', 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the output folder is not writable \(ENOTDIR\)[\s\S]*fix: +choose a writable folder/);
  });

  it('seeds import: wemath2 works twice without duplicates; an unknown format and a bad file are refused', async () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const file = path.join(REPO_ROOT, 'tests/fixtures/wemath2-names.json');
    const a = await runCli(['seeds', 'import', '--format', 'wemath2', file, '--output', t.dir]);
    expect(a.stdout).toMatch(/imported 1819 rows: 490 knowledge points, 1819 principles, \d+ new nodes/);
    const b = await runCli(['seeds', 'import', '--format', 'wemath2', file, '--output', t.dir]);
    expect(b.stdout).toMatch(/, 0 new nodes/);
    const c = await runCli(['seeds', 'import', '--format', 'csv', file, '--output', t.dir]);
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/unknown import format "csv"[\s\S]*use one of: wemath2/);
    fs.writeFileSync(path.join(t.dir, 'bad.json'), '[{"l1_en": 3}]');
    const d = await runCli(['seeds', 'import', '--format', 'wemath2', path.join(t.dir, 'bad.json'), '--output', t.dir]);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/row 0\.l1_en/);
  });

  it('config prints the effective settings with secrets masked', async () => {
    const r = await runCli(['config', '--set', 'pipeline.perRound=5'], { env: { OPENAI_API_KEY: 'sk-live-abcdef123456' } });
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.stdout);
    expect(cfg.pipeline.perRound).toBe(5);
    expect(r.stdout).not.toContain('sk-live-abcdef123456');
  });
});
