import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExportFlags, type RawExportFlags } from '../../src/export/options.js';
import { runExport } from '../../src/export/run-export.js';
import { FlywheelError } from '../../src/errors.js';
import { imageRelPath } from '../../src/store/images.js';
import { runCli } from '../support/cli.js';
import { tmpDir } from '../support/tmp.js';
import { buildFixture, TAGGED_ID, type Fixture } from './fixture.js';
import { readRows, readSplits, storeQuery } from './read-back.js';

type Row = Record<string, any>;

describe('flywheel export: selection, splits and bad input', () => {
  let t: { dir: string; cleanup: () => void };
  let fx: Fixture;
  let n = 0;
  const fresh = () => path.join(t.dir, `x${++n}`);
  const exportIds = async (flags: Omit<RawExportFlags, 'out'>): Promise<string[]> => {
    const out = fresh();
    await runExport(fx.out, parseExportFlags({ format: 'v-interaction', out, ...flags }));
    return Object.values(readSplits<Row>(out)).flat().map((r) => r.id as string);
  };

  beforeAll(() => {
    t = tmpDir('flywheel-export-sel-');
    fx = buildFixture(path.join(t.dir, 'store'));
  });
  afterAll(() => t.cleanup());

  it('filters select what they say', async () => {
    // The tagged sample is selected but skipped (its code writes a literal <image>).
    const ids = (where: string) => storeQuery<{ id: string }>(fx.out, `SELECT id FROM samples s WHERE ${where} AND id != ? ORDER BY id`, TAGGED_ID).map((r) => r.id);
    const allAbove = (n: number) => `NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.sample_id = s.id AND v.score < ${n})`;
    const combined = await exportIds({ rounds: '2', minScore: '8', kind: 'base,expanded', domain: 'plane geometry', maxDepth: '2' });
    const want = ids(`status = 'accepted' AND round = 2 AND kind IN ('base','expanded') AND domain = 'Plane Geometry' AND depth <= 2 AND ${allAbove(8)}`);
    expect(combined).toEqual(want);
    expect(want.length).toBeGreaterThan(3);
    expect(want).not.toContain('r2-b3');
    expect(await exportIds({ rounds: '1,3-5' })).toEqual(ids("status = 'accepted' AND round IN (1, 3, 4, 5)"));
    expect(await exportIds({ kind: 'repaired,robustness' })).toEqual(['r1-b2-r', 'r1-b2-trotate90']);
    expect(await exportIds({ maxDepth: '1', domain: 'Physics,Nowhere' })).toEqual(ids("status = 'accepted' AND depth = 1 AND domain = 'Physics'"));
    expect(await exportIds({ limit: '5' })).toEqual(ids("status = 'accepted'").slice(0, 5));
    expect(await exportIds({ status: 'rejected' })).toEqual(['r2-b5']);
  });

  it('splits are deterministic, named as asked, and keep lineages together', async () => {
    const assign = async () => {
      const out = fresh();
      await runExport(fx.out, parseExportFlags({ format: 'v-interaction', out, split: 'train=0.6,dev=0.2,test=0.2' }));
      const m = new Map<string, string>();
      for (const [split, rows] of Object.entries(readSplits<Row>(out))) for (const r of rows) m.set(r.id, split);
      return m;
    };
    const a = await assign();
    const b = await assign();
    expect([...a].sort()).toEqual([...b].sort());
    expect([...new Set(a.values())].sort()).toEqual(['dev', 'test', 'train']);
    for (const s of fx.samples.filter((x) => x.status === 'accepted' && x.parentId)) expect(a.get(s.id), s.id).toBe(a.get(s.parentId!));
  });

  it('flags are validated with the flag named and an example', () => {
    const bad: [RawExportFlags, RegExp][] = [
      [{ format: 'zip' }, /--format has an unknown format "zip"/],
      [{ format: 'sharegpt', rounds: '3-1' }, /--rounds has an invalid item "3-1"/],
      [{ format: 'sharegpt', rounds: 'x' }, /--rounds/],
      [{ format: 'sharegpt', split: 'train=0.5,test=0.4' }, /--split ratios sum to 0.9, not 1/],
      [{ format: 'sharegpt', split: 'train=0.5,train=0.5' }, /--split names "train" twice/],
      [{ format: 'sharegpt', split: '../x=1' }, /--split has an invalid part/],
      [{ format: 'sharegpt', minScore: '11' }, /--min-score must be a whole number from 0 to 10/],
      [{ format: 'sharegpt', maxDepth: '0' }, /--max-depth must be a whole number from 1 to 3/],
      [{ format: 'sharegpt', limit: '-2' }, /--limit/],
      [{ format: 'sharegpt', kind: 'robot' }, /--kind has an unknown value "robot"/],
      [{ format: 'sharegpt', status: 'done' }, /--status has an unknown value "done"/],
      [{ format: 'perception', withRecovery: true }, /--with-recovery does not apply to --format perception/],
      [{ format: 'robustness', kind: 'base' }, /--kind conflicts with --format robustness/],
    ];
    for (const [flags, message] of bad) {
      const err = (() => {
        try {
          parseExportFlags({ out: 'x', ...flags });
        } catch (e) {
          return e;
        }
      })();
      expect(err, JSON.stringify(flags)).toBeInstanceOf(FlywheelError);
      expect((err as FlywheelError).format(), JSON.stringify(flags)).toMatch(message);
      expect((err as FlywheelError).fix, JSON.stringify(flags)).toBeTruthy();
    }
    expect(parseExportFlags({ format: 'sharegpt', out: 'x', rounds: '1,3-5,4' }).rounds).toEqual([1, 3, 4, 5]);
  });

  it('refuses an export folder that would hold the store, even with --force', async () => {
    await expect(runExport(fx.out, parseExportFlags({ format: 'sharegpt', out: t.dir, force: true }))).rejects.toThrow(/would contain the flywheel output folder/);
    expect(fs.existsSync(path.join(fx.out, 'flywheel.db'))).toBe(true);
  });

  it('bad input through the CLI: clear errors, non-zero exit, nothing overwritten', async () => {
    const keep = (dir: string) => {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'keep.txt'), 'mine');
      return dir;
    };
    // A store from a newer flywheel.
    const newer = path.join(t.dir, 'newer');
    fs.mkdirSync(newer);
    fs.copyFileSync(path.join(fx.out, 'flywheel.db'), path.join(newer, 'flywheel.db'));
    const db = new Database(path.join(newer, 'flywheel.db'));
    db.pragma('user_version = 999');
    db.close();
    // A store that lost one image of r1-b1.
    const broken = path.join(t.dir, 'broken');
    fs.cpSync(fx.out, broken, { recursive: true });
    const lost = path.join(broken, imageRelPath(fx.samples.find((s) => s.id === 'r1-b1')!.images!.edited[0]!));
    fs.rmSync(lost);

    const base = (store: string, out: string, ...rest: string[]) => ['export', '--output', store, '--out', out, ...rest];
    const cases = {
      unknownFormat: { args: base(fx.out, fresh(), '--format', 'zip'), err: /--format has an unknown format "zip"[\s\S]*fix: +choose one of v-interaction/ },
      emptySelection: { args: base(fx.out, fresh(), '--format', 'sharegpt', '--rounds', '7-9'), err: /the selection is empty: no stored sample matches status accepted, rounds 7,8,9/ },
      notEmpty: { args: base(fx.out, keep(fresh()), '--format', 'sharegpt'), err: /the export folder exists and is not empty[\s\S]*--force/ },
      newerSchema: { args: base(newer, fresh(), '--format', 'sharegpt'), err: /schema version 999, newer than this flywheel understands/ },
      missingImage: { args: base(broken, keep(fresh()), '--format', 'v-interaction', '--force'), err: new RegExp(`image [0-9a-f]{64} of sample r1-b1 is missing[\\s\\S]*where: ${lost}`) },
    };
    const results = await Promise.all(Object.values(cases).map((c) => runCli(c.args)));
    Object.entries(cases).forEach(([name, c], i) => {
      const r = results[i]!;
      expect(r.code, name).not.toBe(0);
      expect(r.stderr, name).toMatch(c.err);
      expect(r.stderr, name).not.toMatch(/\n\s+at /);
      const out = c.args[c.args.indexOf('--out') + 1]!;
      if (fs.existsSync(path.join(out, 'keep.txt'))) expect(fs.readdirSync(out), name).toEqual(['keep.txt']);
      else expect(fs.existsSync(out), name).toBe(false);
    });
    expect(fs.readdirSync(t.dir).filter((f) => /\.(partial|old)-/.test(f))).toEqual([]);
  });

  it('--force replaces a non-empty folder once the new export is complete; --help documents the command', async () => {
    const out = path.join(t.dir, 'forced');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'old.txt'), 'old');
    const [r, help] = await Promise.all([runCli(['export', '--output', fx.out, '--format', 'v-interaction', '--out', out, '--force']), runCli(['export', '--help'])]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['README.md', 'data.jsonl', 'growth.svg', 'images', 'stats.json']);
    expect(readRows(path.join(out, 'data.jsonl')).length).toBe(storeQuery(fx.out, "SELECT id FROM samples WHERE status = 'accepted' AND id != ?", TAGGED_ID).length);
    expect(help.code).toBe(0);
    for (const flag of ['--format', '--out', '--force', '--rounds', '--min-score', '--kind', '--domain', '--max-depth', '--limit', '--split', '--with-recovery', '--status']) {
      expect(help.stdout).toContain(flag);
    }
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('v-interaction, sharegpt, ms-swift, llamafactory, perception, robustness');
  });
});
