import fs from 'node:fs';
import path from 'node:path';
import { FlywheelError } from '../errors.js';

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * Checks the export folder before anything is written: it must not hold the flywheel store, and it must
 * be absent or empty unless --force (which replaces it, but only once the new export is complete).
 */
export function checkExportTarget(out: string, storeDir: string, force: boolean): { exists: boolean } {
  const target = realOrSelf(path.resolve(out));
  const store = realOrSelf(path.resolve(storeDir));
  if (isInside(store, target)) {
    throw new FlywheelError('the export folder would contain the flywheel output folder (database and images)', {
      where: `--out ${out}`,
      fix: `choose a folder outside ${store}, e.g. --out ${path.join(store, 'exports', 'dataset')}`,
    });
  }
  if (!fs.existsSync(target)) return { exists: false };
  if (!fs.statSync(target).isDirectory()) {
    throw new FlywheelError('the export folder exists and is not a folder', { where: `--out ${out}`, fix: 'choose another path with --out' });
  }
  if (fs.readdirSync(target).length && !force) {
    throw new FlywheelError('the export folder exists and is not empty', {
      where: `--out ${out}`,
      fix: 'choose a new folder with --out, or add --force to replace its contents',
    });
  }
  return { exists: true };
}

/**
 * The export is written into a sibling staging folder and moved into place only when complete, so a
 * failed or interrupted export leaves the previous contents of --out exactly as they were.
 */
export class StagedFolder {
  readonly dir: string;
  private readonly target: string;
  private done = false;

  constructor(out: string) {
    this.target = path.resolve(out);
    fs.mkdirSync(path.dirname(this.target), { recursive: true });
    this.dir = `${this.target}.partial-${process.pid}-${Date.now()}`;
    fs.mkdirSync(this.dir);
  }

  /** Moves the finished export into place, replacing what was there. */
  commit(): void {
    const old = `${this.target}.old-${process.pid}-${Date.now()}`;
    const hadTarget = fs.existsSync(this.target);
    if (hadTarget) fs.renameSync(this.target, old);
    try {
      fs.renameSync(this.dir, this.target);
    } catch (err) {
      if (hadTarget) fs.renameSync(old, this.target);
      throw err;
    }
    this.done = true;
    if (hadTarget) fs.rmSync(old, { recursive: true, force: true });
  }

  /** Removes the staging folder (after a failure or an interruption); --out is untouched. */
  discard(): void {
    if (this.done) return;
    this.done = true;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
