import type { Redis } from 'ioredis';
import type { ClusterNamer, Embedder } from '../../../../knowledge/contracts.js';
import { LLM_ROLES, type LlmRole } from '../../../config/sections/llm.js';
import type { Config } from '../../../config/schema.js';
import { memorySpend, redisSpend } from '../../../llm/budget.js';
import { LlmClient, type RetryEvent } from '../../../llm/client.js';
import { roleEndpoint, type RoleEndpoint } from '../../../llm/settings.js';
import type { Db } from '../../../store/db.js';
import { recordUsage } from '../../../store/usage.js';
import type { UsageNote } from '../../payloads.js';
import type { Roles } from '../types.js';
import { llmAuthor } from './author.js';
import { llmEmbedder } from './embedder.js';
import { llmExpander } from './expander.js';
import { llmJudges } from './judges.js';
import { llmNormaliser } from './normaliser.js';
import { llmRepairer } from './repairer.js';

export interface LlmRoleDeps {
  /** The SQLite store: the response cache, and usage of calls made outside samples (embedder, normaliser). */
  db: () => Db;
  /** Shared Redis: the per-round budget is added up there, across every worker machine. Without it, per process. */
  redis?: Redis;
  /** The round in progress, for calls made outside samples (embedder, normaliser); null between rounds. */
  round?: () => number | null;
  log?: (message: string) => void;
  /** Every retried failure of a call (recorded as an incident by the pipeline). */
  onRetry?: (event: RetryEvent) => void;
}

/** The LLM-backed roles; a role is present only when its merged settings have a base URL and a model. */
export interface LlmRoles {
  provider: 'openai-compatible';
  /** Model per configured role, for provenance. */
  models: Partial<Record<LlmRole, string>>;
  /** Base URL per configured role. */
  endpoints: Partial<Record<LlmRole, string>>;
  author?: Roles['author'];
  judges?: Roles['judges'];
  repairer?: Roles['repairer'];
  expander?: Roles['expander'];
  normaliser?: ClusterNamer;
  embedder?: Embedder;
  /** The shared client (endpoint limiters and breakers, budget). */
  client: LlmClient;
  close(): Promise<void>;
}

export function createLlmRoles(config: Config, deps: LlmRoleDeps): LlmRoles {
  const llm = config.llm;
  const client = new LlmClient({
    llm,
    db: deps.db,
    spend: deps.redis ? redisSpend(deps.redis, config.pipeline.queuePrefix) : memorySpend(),
    ...(deps.log ? { log: deps.log } : {}),
    ...(deps.onRetry ? { onRetry: deps.onRetry } : {}),
  });
  const eps = Object.fromEntries(LLM_ROLES.map((r) => [r, roleEndpoint(llm, r)])) as Record<LlmRole, RoleEndpoint | null>;
  const round = deps.round ?? (() => null);
  const record = (calls: UsageNote[]) => {
    if (calls.length === 0) return;
    const r = round();
    recordUsage(deps.db(), calls.map((c) => ({ ...c, round: r, sampleId: null })));
  };
  const ctx = (ep: RoleEndpoint) => ({ client, endpoint: ep });

  const roles: LlmRoles = {
    provider: 'openai-compatible',
    models: {},
    endpoints: {},
    client,
    close: () => client.close(),
  };
  for (const r of LLM_ROLES) {
    const ep = eps[r];
    if (!ep) continue;
    roles.models[r] = ep.model;
    roles.endpoints[r] = ep.baseURL;
  }
  if (eps.author) roles.author = llmAuthor(ctx(eps.author));
  if (eps.checker) roles.judges = llmJudges(ctx(eps.checker));
  if (eps.repairer) roles.repairer = llmRepairer(ctx(eps.repairer));
  if (eps.expander) roles.expander = llmExpander(ctx(eps.expander));
  if (eps.normaliser) roles.normaliser = llmNormaliser(ctx(eps.normaliser), { round, record });
  if (eps.embedder) roles.embedder = llmEmbedder(ctx(eps.embedder), { round, record });
  return roles;
}
