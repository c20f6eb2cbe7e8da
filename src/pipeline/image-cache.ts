import type { Redis } from 'ioredis';
import { imageHash } from '../store/images.js';

const TTL_SECONDS = 7 * 24 * 3600;

/**
 * PNG bytes travel between machines through Redis, keyed by content hash: job payloads carry only
 * hashes, and an expanded child shares its parent's images instead of copying them.
 */
export class ImageCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(hash: string): string {
    return `${this.prefix}:img:${hash}`;
  }

  async put(png: Uint8Array): Promise<string> {
    const hash = imageHash(png);
    await this.redis.set(this.key(hash), Buffer.from(png.buffer, png.byteOffset, png.byteLength), 'EX', TTL_SECONDS);
    return hash;
  }

  async get(hash: string): Promise<Buffer | null> {
    return this.redis.getBuffer(this.key(hash));
  }

  async getOrThrow(hash: string): Promise<Buffer> {
    const png = await this.get(hash);
    if (!png) throw new Error(`image ${hash} is no longer in Redis (expired or lost)`);
    return png;
  }
}
