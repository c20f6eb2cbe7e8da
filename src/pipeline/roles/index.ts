import type { Redis } from 'ioredis';
import type { Config } from '../../config/schema.js';
import type { Db } from '../../store/db.js';
import type { Roles } from './types.js';
import { createOfflineRoles } from './offline.js';
import { createLlmRoles } from './llm/index.js';
import type { RetryEvent } from '../../llm/client.js';
import { robustnessDraft } from '../robustness.js';

export interface RoleDeps {
  db: () => Db;
  redis?: Redis;
  /** The round in progress, for model calls made outside samples (the evolve step's normaliser and embedder). */
  round?: () => number | null;
  log?: (message: string) => void;
  onRetry?: (event: RetryEvent) => void;
}

const OFFLINE_MODELS = { author: 'offline-blueprints', checker: 'offline-rules', repairer: 'offline-blueprints', expander: 'offline-blueprints' };

/**
 * The roles the workers use: each role runs on its configured OpenAI-compatible endpoint, or offline
 * (blueprint author and expander, rule-based judges) when none is configured for it. The knowledge
 * roles (normaliser, embedder) are present only when configured; evolve falls back to offline ones.
 */
export function createRoles(config: Config, deps: RoleDeps): Roles {
  const offline = createOfflineRoles(config);
  const llm = createLlmRoles(config, deps);
  const models: Record<string, string> = { ...OFFLINE_MODELS, ...llm.models };
  const online = Object.keys(llm.models).length;
  const roles: Roles = {
    provider: online === 0 ? 'offline' : online >= 4 ? 'openai-compatible' : 'mixed',
    models,
    author: llm.author ?? offline.author,
    judges: llm.judges ?? offline.judges,
    repairer: llm.repairer ?? offline.repairer,
    expander: llm.expander ?? offline.expander,
    robustness: robustnessDraft,
    ...(llm.normaliser ? { normaliser: llm.normaliser } : {}),
    ...(llm.embedder ? { embedder: llm.embedder } : {}),
    close: () => llm.close(),
  };
  return roles;
}
