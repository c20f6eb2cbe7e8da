import type { Redis } from 'ioredis';
import type { Config } from '../config/schema.js';
import type { Db } from '../store/db.js';
import type { RenderPool } from '../render/index.js';
import type { ImageCache } from './image-cache.js';
import type { Queues } from './queues.js';
import type { RoundTracker } from './tracking.js';
import type { Roles } from './roles/types.js';
import type { Incidents } from './incidents.js';

/** What processors share in one process. Heavy parts (Chromium, LLM clients, SQLite) start on first use. */
export interface Services {
  config: Config;
  redis: Redis;
  queues: Queues;
  tracker: RoundTracker;
  images: ImageCache;
  incidents: Incidents;
  /** The round the controller is driving in this process (null in worker processes and between rounds). */
  currentRound: number | null;
  roles(): Promise<Roles>;
  renderPool(): Promise<RenderPool>;
  /** The SQLite store; only the store stage and the round controller open it. */
  db(): Db;
  log(message: string): void;
}
