import fs from 'node:fs';
import path from 'node:path';

const FLUSH_BYTES = 1 << 20;

interface OpenFile {
  fd: number;
  buf: string[];
  size: number;
}

/**
 * Appends JSON lines to one file per split (`<split>.jsonl`), buffered in 1 MB chunks so memory stays
 * flat whatever the number of rows. Files are created on their first row.
 */
export class SplitJsonlWriter {
  private readonly files = new Map<string, OpenFile>();

  constructor(private readonly dir: string) {}

  static fileName(split: string): string {
    return `${split}.jsonl`;
  }

  write(split: string, row: unknown): void {
    let f = this.files.get(split);
    if (!f) {
      f = { fd: fs.openSync(path.join(this.dir, SplitJsonlWriter.fileName(split)), 'wx'), buf: [], size: 0 };
      this.files.set(split, f);
    }
    const line = `${JSON.stringify(row)}\n`;
    f.buf.push(line);
    f.size += line.length;
    if (f.size >= FLUSH_BYTES) this.flush(f);
  }

  /** Flushes, syncs and closes every file; returns the file names written, in split order of first use. */
  close(): string[] {
    const names = [...this.files.keys()].map((s) => SplitJsonlWriter.fileName(s));
    for (const f of this.files.values()) {
      this.flush(f);
      fs.fsyncSync(f.fd);
      fs.closeSync(f.fd);
    }
    this.files.clear();
    return names;
  }

  /** Closes without syncing (after a failure; the staging folder is about to be removed). */
  abort(): void {
    for (const f of this.files.values()) fs.closeSync(f.fd);
    this.files.clear();
  }

  private flush(f: OpenFile): void {
    if (f.buf.length) fs.writeSync(f.fd, f.buf.join(''));
    f.buf = [];
    f.size = 0;
  }
}
