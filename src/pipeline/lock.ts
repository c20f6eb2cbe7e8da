import fs from 'node:fs';
import path from 'node:path';
import { FlywheelError } from '../errors.js';
import { pidAlive } from '../redis/process.js';

const LOCK_FILE = 'flywheel.lock';

/**
 * Takes the output folder's run lock, so two `flywheel run` never drive the same rounds.
 * A lock left by a dead process is taken over. Returns the release function.
 */
export function acquireRunLock(outputDir: string): () => void {
  const file = path.join(outputDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Written whole beside the lock, then linked into place: another process never reads a half-written lock.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      try {
        fs.linkSync(tmp, file);
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      return () => {
        try {
          const held = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
          if (held.pid === process.pid) fs.rmSync(file, { force: true });
        } catch {
          /* the lock file is already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid: number; startedAt: string } | undefined;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number; startedAt: string };
      } catch {
        holder = undefined;
      }
      if (holder && pidAlive(holder.pid)) {
        throw new FlywheelError(`another flywheel run (pid ${holder.pid}, started ${holder.startedAt}) is using this output folder`, {
          where: file,
          fix: 'wait for it to finish or stop it (Ctrl-C); to add capacity, start `flywheel worker` processes instead',
        });
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new FlywheelError('could not take the run lock', { where: file });
}
