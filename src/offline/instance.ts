import { Draft, type Difficulty } from '../schemas/draft.js';
import type { Blueprint, BlueprintParams } from './blueprint.js';
import { blueprintById } from './blueprints/index.js';

/** A validated draft from a blueprint's parameters, carrying the reference a checker needs to re-solve it. */
export function draftFrom(b: Blueprint, params: BlueprintParams, difficulty: Difficulty, seed: number, extra: Partial<Draft> = {}): Draft {
  return Draft.parse({ ...b.build(params), ...extra, difficulty, blueprint: { id: b.id, seed, params } });
}

/** The blueprint a draft was made from, when it was made offline and that blueprint still exists. */
export function blueprintOf(draft: Draft): Blueprint | undefined {
  return draft.blueprint ? blueprintById(draft.blueprint.id) : undefined;
}

/** The draft rebuilt cleanly from its own blueprint parameters (undoing any defect), or undefined. */
export function rebuild(draft: Draft): Draft | undefined {
  const b = blueprintOf(draft);
  if (!b || !draft.blueprint) return undefined;
  const clean = draftFrom(b, draft.blueprint.params, draft.difficulty, draft.blueprint.seed);
  return draft.expansion ? { ...clean, expansion: draft.expansion } : clean;
}
