import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FlywheelError } from '../errors.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export const DB_FILE = 'flywheel.db';

export function dbPath(outputDir: string): string {
  return path.join(outputDir, DB_FILE);
}

function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration newer than the file's version; refuses files written by a newer flywheel. */
export function migrate(db: Db, file: string): number {
  const current = userVersion(db);
  if (current > LATEST_VERSION) {
    throw new FlywheelError(`the database has schema version ${current}, newer than this flywheel understands (${LATEST_VERSION})`, {
      where: file,
      fix: 'upgrade flywheel, or point --output at another folder',
    });
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return userVersion(db);
}

/** Opens (creating if needed) the SQLite store of an output folder, in WAL mode, migrated to the latest schema. */
export function openDb(file: string, opts: { readonly?: boolean } = {}): Db {
  if (opts.readonly && !fs.existsSync(file)) {
    throw new FlywheelError('no flywheel database here yet', { where: file, fix: 'run `flywheel init` first' });
  }
  let db: Db;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  } catch (err) {
    throw new FlywheelError(`cannot open the database: ${(err as Error).message}`, {
      where: file,
      fix: 'check that the output folder exists and is writable',
      cause: err,
    });
  }
  db.pragma('busy_timeout = 10000');
  if (opts.readonly) {
    const v = userVersion(db);
    if (v > LATEST_VERSION) {
      db.close();
      throw new FlywheelError(`the database has schema version ${v}, newer than this flywheel understands (${LATEST_VERSION})`, {
        where: file,
        fix: 'upgrade flywheel',
      });
    }
    return db;
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  try {
    migrate(db, file);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
