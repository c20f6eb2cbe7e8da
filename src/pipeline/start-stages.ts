import type { Config } from '../config/schema.js';
import type { Stage } from './stages.js';
import { onCleanup } from '../cli/lifecycle.js';
import { connectRedis } from '../redis/connect.js';
import { createServices, type OwnedServices } from './create-services.js';
import { startWorkers } from './workers.js';

/**
 * Connects to Redis (configured or embedded), prepares the services and starts the stages' workers in
 * this process, registering their shutdown in reverse order: workers drain, then services, then Redis.
 */
export async function startStages(config: Config, stages: readonly Stage[], concurrency?: number): Promise<{ services: OwnedServices; redisUrl: string }> {
  const redis = await connectRedis(config);
  onCleanup(() => redis.close(), () => redis.closeSync());
  const services = createServices(config, redis.url);
  onCleanup(() => services.close());
  const workers = startWorkers(services, stages, concurrency === undefined ? {} : Object.fromEntries(stages.map((s) => [s, concurrency])));
  onCleanup(() => workers.close());
  return { services, redisUrl: redis.url };
}
