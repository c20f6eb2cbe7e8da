import { Redis } from 'ioredis';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../src/redis/embedded.js';
import { tmpDir } from './tmp.js';

/** A real redis-server on a free loopback port in a temporary folder, for one test file. */
export async function startTestRedis(): Promise<{ server: EmbeddedRedis; client: Redis; stop: () => Promise<void> }> {
  const t = tmpDir('flywheel-redis-');
  const server = await startEmbeddedRedis({ outputDir: t.dir, serverPath: 'redis-server' });
  const client = new Redis(server.url, { maxRetriesPerRequest: null });
  return {
    server,
    client,
    stop: async () => {
      client.disconnect();
      await server.stop();
      t.cleanup();
    },
  };
}
