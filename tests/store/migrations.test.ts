import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { tmpDir } from '../support/tmp.js';

const EXPECTED_TABLES = ['embedding_cache', 'failures', 'knowledge_candidates', 'knowledge_nodes', 'llm_cache', 'llm_usage', 'meta', 'processed_jobs', 'rounds', 'samples', 'tools', 'verdicts'];

describe('store migrations', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('migrates an empty file up to the latest version in WAL mode', () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const db = openDb(path.join(t.dir, 'f.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
    db.close();
  });

  it('re-opening is idempotent and keeps the data', () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'f.db');
    const a = openDb(file);
    a.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    a.close();
    const b = openDb(file);
    expect(b.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(b.prepare("SELECT value FROM meta WHERE key = 'k'").get()).toEqual({ value: 'v' });
    b.close();
  });

  it('versions are strictly increasing', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('refuses a database written by a newer schema and leaves it untouched', () => {
    const t = tmpDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'f.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE keep (x INTEGER); INSERT INTO keep VALUES (42);');
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    expect(() => openDb(file)).toThrow(/newer than this flywheel understands/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    expect(check.prepare('SELECT x FROM keep').get()).toEqual({ x: 42 });
    check.close();
  });
});
