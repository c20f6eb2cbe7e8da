import fs from 'node:fs';
import path from 'node:path';
import { FlywheelError } from '../errors.js';

/** Creates the output folder if needed and proves it is writable, before anything is stored in it. */
export function ensureOutputDir(dir: string): string {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (err) {
    throw new FlywheelError(`the output folder is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, {
      where: dir,
      fix: 'choose a writable folder with --output, or fix its permissions',
      cause: err,
    });
  }
  return dir;
}
