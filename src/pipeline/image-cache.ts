import type { Redis } from 'ioredis';
import { imageHash } from '../store/images.js';

/** Expiry is a safety net only: a finished round drops its images explicitly (dropRound). */
const TTL_SECONDS = 7 * 24 * 3600;
const DROP_BATCH = 500;

/**
 * PNG bytes travel between machines through Redis, keyed by content hash: job payloads carry only
 * hashes, and an expanded child shares its parent's images instead of copying them. Each round keeps
 * the set of hashes it put, so Redis memory is released as soon as the round is stored.
 */
export class ImageCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(hash: string): string {
    return `${this.prefix}:img:${hash}`;
  }

  private roundKey(round: number): string {
    return `${this.prefix}:round:${round}:images`;
  }

  async put(png: Uint8Array, round: number): Promise<string> {
    const hash = imageHash(png);
    await this.redis
      .multi()
      .set(this.key(hash), Buffer.from(png.buffer, png.byteOffset, png.byteLength), 'EX', TTL_SECONDS)
      .sadd(this.roundKey(round), hash)
      .expire(this.roundKey(round), TTL_SECONDS)
      .exec();
    return hash;
  }

  /** Removes the round's images from Redis (they are on disk by then). */
  async dropRound(round: number): Promise<number> {
    const hashes = await this.redis.smembers(this.roundKey(round));
    for (let i = 0; i < hashes.length; i += DROP_BATCH) await this.redis.del(...hashes.slice(i, i + DROP_BATCH).map((h) => this.key(h)));
    await this.redis.del(this.roundKey(round));
    return hashes.length;
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
