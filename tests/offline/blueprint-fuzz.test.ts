import { describe, expect, it } from 'vitest';
import { BLUEPRINTS } from '../../src/offline/blueprints/index.js';
import { checkBlueprintsStatically } from '../support/blueprint-harness.js';

/**
 * The offline author draws instance seeds from the whole integer range, so every blueprint is also held
 * to the static checks (valid draft, independent solver agrees, no drawing instruction, clean expansion
 * chain) far away from the small seeds its own tests use.
 */
describe('every blueprint at seeds across the range the author uses', () => {
  it('builds, solves and expands consistently', () => {
    const { instances, expanded } = checkBlueprintsStatically(BLUEPRINTS, 16, 8_000_000);
    expect(instances).toBeGreaterThan(BLUEPRINTS.length * 16 * 3);
    expect(expanded).toBeGreaterThan(0);
  });
});
