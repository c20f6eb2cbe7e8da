import type { Blueprint } from '../blueprint.js';
import { geometryBlueprints } from './geometry/index.js';
import { appliedBlueprints } from './applied/index.js';

/** Every offline blueprint, by id. */
export const BLUEPRINTS: readonly Blueprint[] = [...geometryBlueprints, ...appliedBlueprints];

const byId = new Map(BLUEPRINTS.map((b) => [b.id, b]));

export function blueprintById(id: string): Blueprint | undefined {
  return byId.get(id);
}
