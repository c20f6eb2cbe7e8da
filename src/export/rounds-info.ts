import { maskSecrets } from '../config/mask.js';
import { LLM_ROLES } from '../config/sections/llm.js';
import type { RoundRecord } from '../store/rounds.js';

export interface RoundInfo {
  id: number;
  status: string;
  seed: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** Model configured per role when the round started ("offline" when no endpoint model was set). */
  models: Record<string, string>;
  pipeline: Record<string, unknown> | null;
  /** The round's whole configuration with secrets masked. */
  config: unknown;
  /** The knowledge growth the round's report recorded, as it was recorded (its shape belongs to knowledge/). */
  reportedGrowth: unknown;
  /** Scalar facts from the round report (durations, accepted per second), read defensively. */
  report: Record<string, number>;
}

function obj(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function scalars(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(obj(v) ?? {})) if (typeof x === 'number' && Number.isFinite(x)) out[k] = x;
  return out;
}

/**
 * What the card says about one round, from its stored config and report. Both are stored JSON written
 * by other parts of flywheel (and by older versions), so every field is read defensively.
 */
export function roundInfo(r: RoundRecord): RoundInfo {
  const config = obj(r.config);
  const llm = obj(config?.llm);
  const defaults = obj(llm?.defaults);
  const roles = obj(llm?.roles);
  const models: Record<string, string> = {};
  for (const role of LLM_ROLES) models[role] = str(obj(roles?.[role])?.model) ?? str(defaults?.model) ?? 'offline';
  const report = obj(r.report);
  return {
    id: r.id,
    status: r.status,
    seed: r.seed,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    models,
    pipeline: obj(config?.pipeline),
    config: config ? maskSecrets(config) : null,
    reportedGrowth: report?.growth ?? null,
    report: scalars(report),
  };
}
