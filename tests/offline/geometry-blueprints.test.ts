import { describe, expect, it } from 'vitest';
import { geometryBlueprints } from '../../src/offline/blueprints/geometry/index.js';
import { checkBlueprintsStatically } from '../support/blueprint-harness.js';

describe('geometry blueprints', () => {
  it('pass the static checks', () => {
    const { instances, expanded } = checkBlueprintsStatically(geometryBlueprints);
    expect(instances).toBeGreaterThan(0);
    expect(expanded).toBeGreaterThan(0);
  });
});
