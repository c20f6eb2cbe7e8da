import { Redis } from 'ioredis';
import type { Config } from '../config/schema.js';
import { FlywheelError } from '../errors.js';
import { startEmbeddedRedis, type EmbeddedRedis } from './embedded.js';

export interface RedisHandle {
  url: string;
  embedded: EmbeddedRedis | undefined;
  close(): Promise<void>;
  /** For process 'exit' handlers: stops (or hands over) an embedded server synchronously. */
  closeSync(): void;
}

/** Sends PING with a short time-out; resolves with the error message on failure. */
export async function pingRedis(url: string, timeoutMs = 3000): Promise<string | undefined> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    client.disconnect();
  }
}

/**
 * The Redis this process uses: the configured `redis.url` (REDIS_URL) when set, which must answer;
 * otherwise an embedded redis-server under the output folder.
 */
export async function connectRedis(config: Config): Promise<RedisHandle> {
  if (config.redis.url) {
    const problem = await pingRedis(config.redis.url);
    if (problem) {
      throw new FlywheelError(`cannot reach Redis at ${config.redis.url}: ${problem}`, {
        where: 'setting redis.url (REDIS_URL)',
        fix: 'start that Redis server, correct the URL, or unset REDIS_URL to let flywheel start its own',
      });
    }
    return { url: config.redis.url, embedded: undefined, close: async () => undefined, closeSync: () => undefined };
  }
  const embedded = await startEmbeddedRedis({ outputDir: config.outputDir, serverPath: config.redis.serverPath });
  return { url: embedded.url, embedded, close: () => embedded.stop(), closeSync: () => embedded.stopSync() };
}
