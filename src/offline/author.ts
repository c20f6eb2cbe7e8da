import type { Difficulty, Draft } from '../schemas/draft.js';
import type { PlanItem, RenderFailure } from '../pipeline/payloads.js';
import type { Blueprint } from './blueprint.js';
import { createRng } from './rng.js';
import { matchBlueprints } from './match.js';
import { applyFlaw, pickFlaw } from './flaws.js';
import { draftFrom, rebuild } from './instance.js';
import { pathKey } from '../store/knowledge.js';

const LEVELS: Difficulty[] = ['easy', 'medium', 'hard'];

/**
 * The embedded author used when no endpoint is configured: for a plan item it picks the blueprints that
 * best exercise its knowledge points (or need its tools) and instantiates them at easy, medium and hard,
 * like the paper's three problems per call. A share of drafts carries a typical authoring defect
 * (see flaws.ts) so that checking, repair and code repair are exercised offline too.
 */
export class OfflineAuthor {
  constructor(
    private readonly blueprints: readonly Blueprint[],
    private readonly flawRate: number,
  ) {}

  generate(item: PlanItem, count: number, seed: number): Draft[] {
    const rng = createRng(`plan/${seed}`);
    const matches = matchBlueprints(this.blueprints, item, rng);
    return Array.from({ length: count }, (_, k) => {
      const { blueprint, exercised } = matches[k % matches.length]!;
      const difficulty = LEVELS[k % LEVELS.length]!;
      const instanceSeed = seed * 8 + k;
      const params = blueprint.params(createRng(`${blueprint.id}/${instanceSeed}`), difficulty);
      const clean = draftFrom(blueprint, params, difficulty, instanceSeed);
      const own = new Set(clean.knowledge.map(pathKey));
      const credited = [...exercised.filter((p) => !own.has(pathKey(p))), ...clean.knowledge];
      const draft = { ...clean, knowledge: credited.slice(0, 8) };
      const flaw = pickFlaw(`${seed}/${k}`, this.flawRate);
      return flaw ? applyFlaw(draft, flaw) : draft;
    });
  }

  /** A fixed version of a draft whose code failed in the sandbox: the blueprint's own code, or nothing. */
  fixCode(draft: Draft, _failure: RenderFailure): Draft | null {
    const clean = rebuild(draft);
    return clean ? { ...clean, question: draft.question, knowledge: draft.knowledge } : null;
  }
}
