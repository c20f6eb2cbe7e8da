import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes rows as JSON Lines to a temporary file beside `file`, syncs it, then renames it into place,
 * so readers see either the old file or the complete new one. Streams: rows may be a lazy iterable.
 */
export function writeJsonlAtomic(file: string, rows: Iterable<unknown>): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  let count = 0;
  try {
    let buf: string[] = [];
    let size = 0;
    for (const row of rows) {
      const line = `${JSON.stringify(row)}\n`;
      buf.push(line);
      size += line.length;
      count++;
      if (size > 1 << 20) {
        fs.writeSync(fd, buf.join(''));
        buf = [];
        size = 0;
      }
    }
    if (buf.length) fs.writeSync(fd, buf.join(''));
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  return count;
}

/** Reads a JSON Lines file into parsed rows. */
export function readJsonl<T = unknown>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}
