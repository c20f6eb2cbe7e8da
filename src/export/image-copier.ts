import fs from 'node:fs';
import path from 'node:path';
import { FlywheelError } from '../errors.js';
import { imageRelPath } from '../store/images.js';

export interface ImageCopyStats {
  files: number;
  linked: number;
  copied: number;
  bytes: number;
}

/** Hashes remembered as already placed; children follow their parents in id order and share their images. */
const RECENT = 4096;

/**
 * Places the store's content-addressed PNGs into an export folder as it goes (hard link when the two
 * folders share a file system, copy otherwise) and returns their paths relative to the export folder.
 * Memory stays bounded: only the last few thousand hashes are remembered, and an older image placed
 * again is detected by the file system (EEXIST).
 */
export class ImageCopier {
  readonly stats: ImageCopyStats = { files: 0, linked: 0, copied: 0, bytes: 0 };
  private readonly madeDirs = new Set<string>();
  private readonly recent = new Set<string>();
  private canLink = true;

  constructor(
    private readonly sourceDir: string,
    private readonly exportDir: string,
  ) {}

  /** Places one image and returns its relative path (`images/ab/<hash>.png`); `owner` names the sample for errors. */
  place(hash: string, owner: string): string {
    const rel = imageRelPath(hash).split(path.sep).join('/');
    if (this.recent.has(hash)) return rel;
    const src = `${this.sourceDir}${path.sep}${rel}`;
    const dst = `${this.exportDir}${path.sep}${rel}`;
    const dir = path.dirname(dst);
    if (!this.madeDirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    this.remember(hash);
    try {
      if (this.canLink) {
        try {
          fs.linkSync(src, dst);
          this.count(src, true);
          return rel;
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw err;
          this.canLink = false;
        }
      }
      fs.copyFileSync(src, dst, fs.constants.COPYFILE_EXCL);
      this.count(src, false);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        throw new FlywheelError(`image ${hash} of sample ${owner} is missing from the store`, {
          where: src,
          fix: 'restore the output folder\'s images/ from a backup, or leave the sample out with --rounds/--kind/--domain filters',
          cause: err,
        });
      }
      if (code !== 'EEXIST') throw err;
    }
    return rel;
  }

  private remember(hash: string): void {
    if (this.recent.size >= RECENT) this.recent.delete(this.recent.values().next().value!);
    this.recent.add(hash);
  }

  private count(src: string, linked: boolean): void {
    this.stats.files++;
    if (linked) this.stats.linked++;
    else this.stats.copied++;
    this.stats.bytes += fs.statSync(src).size;
  }
}
