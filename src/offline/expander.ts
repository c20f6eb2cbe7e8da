import type { Difficulty, Draft } from '../schemas/draft.js';
import type { ExpansionMode } from './blueprint.js';
import { createRng } from './rng.js';
import { blueprintOf, draftFrom } from './instance.js';

const HARDER: Record<Difficulty, Difficulty> = { easy: 'medium', medium: 'hard', hard: 'hard' };

/**
 * Progressive expansion offline: the blueprint builds the harder problem with one more interaction step,
 * in the requested mode when it supports it, else in the mode it does support. Null when the draft has
 * no blueprint or cannot grow further.
 */
export function expandOffline(draft: Draft, mode: ExpansionMode, seed: number): Draft | null {
  const b = blueprintOf(draft);
  if (!b?.expand || !draft.blueprint || draft.interactions.length >= 3) return null;
  const modes = b.expansions.includes(mode) ? [mode, ...b.expansions.filter((m) => m !== mode)] : b.expansions;
  for (const m of modes) {
    const params = b.expand(draft.blueprint.params, m, createRng(`${b.id}/${seed}/${m}`));
    if (!params) continue;
    return { ...draftFrom(b, params, HARDER[draft.difficulty], draft.blueprint.seed), expansion: m };
  }
  return null;
}
