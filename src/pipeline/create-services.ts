import { Redis } from 'ioredis';
import type { Config } from '../config/schema.js';
import { openDb, dbPath, type Db } from '../store/db.js';
import { launchRenderPool, type RenderPool } from '../render/index.js';
import { ImageCache } from './image-cache.js';
import { Incidents, stageOfRole } from './incidents.js';
import { closeQueues, openQueues } from './queues.js';
import { RoundTracker } from './tracking.js';
import { createRoles } from './roles/index.js';
import type { Roles } from './roles/types.js';
import type { Services } from './services.js';

export interface OwnedServices extends Services {
  close(): Promise<void>;
}

/** Connects to Redis and prepares (lazily) the render pool, the roles and the SQLite store. */
export function createServices(config: Config, redisUrl: string, log: (m: string) => void = (m) => process.stderr.write(`${m}\n`)): OwnedServices {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', (err) => log(`redis: ${err.message}`));
  const prefix = config.pipeline.queuePrefix;
  const queues = openQueues(redis, config.pipeline);
  let pool: Promise<RenderPool> | undefined;
  let roles: Promise<Roles> | undefined;
  let db: Db | undefined;
  const services: OwnedServices = {
    config,
    redis,
    queues,
    tracker: new RoundTracker(redis, prefix),
    images: new ImageCache(redis, prefix),
    incidents: new Incidents(redis, prefix, log),
    currentRound: null,
    renderPool: () => (pool ??= launchRenderPool(config.render)),
    roles: () =>
      (roles ??= Promise.resolve(
        createRoles(config, {
          db: () => services.db(),
          redis,
          log,
          round: () => services.currentRound,
          onRetry: (e) =>
            services.incidents.record({
              round: e.round ?? services.currentRound,
              stage: stageOfRole(e.role),
              reason: e.reason,
              message: `${e.message} (retried in ${(e.waitMs / 1000).toFixed(1)}s)`,
              attempt: e.attempt,
            }),
        }),
      )),
    db: () => (db ??= openDb(dbPath(config.outputDir))),
    log,
    async close() {
      await closeQueues(queues);
      if (roles) await (await roles).close();
      if (pool) await (await pool).close();
      db?.close();
      redis.disconnect();
    },
  };
  return services;
}
