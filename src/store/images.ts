import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const IMAGES_DIR = 'images';

export function imageHash(png: Uint8Array): string {
  return crypto.createHash('sha256').update(png).digest('hex');
}

/** Where the PNG with this hash lives, relative to the output folder (two-level fan-out). */
export function imageRelPath(hash: string): string {
  return path.join(IMAGES_DIR, hash.slice(0, 2), `${hash}.png`);
}

/** Stores PNG bytes under their content hash (idempotent, atomic) and returns the hash. */
export function putImage(outputDir: string, png: Uint8Array): string {
  const hash = imageHash(png);
  const file = path.join(outputDir, imageRelPath(hash));
  if (fs.existsSync(file)) return hash;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, png);
  fs.renameSync(tmp, file);
  return hash;
}

export function readImage(outputDir: string, hash: string): Buffer {
  return fs.readFileSync(path.join(outputDir, imageRelPath(hash)));
}

export function hasImage(outputDir: string, hash: string): boolean {
  return fs.existsSync(path.join(outputDir, imageRelPath(hash)));
}
