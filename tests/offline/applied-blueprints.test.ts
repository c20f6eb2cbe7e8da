import { describe, expect, it } from 'vitest';
import { appliedBlueprints } from '../../src/offline/blueprints/applied/index.js';
import { checkBlueprintsStatically } from '../support/blueprint-harness.js';

describe('applied blueprints', () => {
  it('pass the static checks', () => {
    const { instances, expanded } = checkBlueprintsStatically(appliedBlueprints);
    expect(instances).toBeGreaterThan(0);
    expect(expanded).toBeGreaterThan(0);
  });
});
