import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import { imageRelPath } from '../store/images.js';

const NAME = /^([0-9a-f]{64})\.png$/;

/** Serves content-addressed PNGs; only a well-formed hash names a file, so no path can escape the folder. */
export function serveImage(outputDir: string) {
  const root = path.resolve(outputDir);
  return (req: Request, res: Response): void => {
    const m = NAME.exec(String(req.params.name));
    if (!m) {
      res.status(400).type('text').send('an image is named by the sha256 of its PNG: 64 lower-case hex digits and .png');
      return;
    }
    const file = path.join(root, imageRelPath(m[1]!));
    if (!fs.existsSync(file)) {
      res.status(404).type('text').send('no such image in this output folder');
      return;
    }
    res.sendFile(file, { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=31536000, immutable' } });
  };
}
