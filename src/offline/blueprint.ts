import type { Difficulty, Draft } from '../schemas/draft.js';
import type { KnowledgePath } from '../schemas/knowledge.js';
import type { Rng } from './rng.js';

export type ExpansionMode = 'parallel' | 'sequential';

/** Blueprint parameters: plain JSON (they travel in the draft's `blueprint.params` and through Redis). */
export type BlueprintParams = Record<string, unknown>;

/**
 * What a blueprint builds: the author's record without the bookkeeping the offline author adds itself
 * (difficulty, blueprint reference, expansion mode).
 */
export type BlueprintDraft = Omit<Draft, 'difficulty' | 'blueprint' | 'expansion' | 'width' | 'height'> & { width?: number; height?: number };

/**
 * A parametric problem generator: given a seeded RNG and a difficulty it draws parameters, and from the
 * parameters alone it builds a complete problem (figure code and interaction code in the visual-tool
 * library, a question that needs the interaction, choices, the computed answer, a solution that uses the
 * interaction, tools, knowledge paths). `solve` recomputes the answer from the parameters by an
 * independent route, so a checker can verify a draft without trusting `build`.
 */
export interface Blueprint<P extends BlueprintParams = BlueprintParams> {
  /** Stable id, kebab-case, unique across all blueprints. */
  id: string;
  title: string;
  /** The seed domain (first path element in seeds/knowledge.json). */
  domain: string;
  /** Seed knowledge points (full paths from seeds/knowledge.json) this blueprint exercises. */
  knowledge: KnowledgePath[];
  /** Finer knowledge points beyond the seeds that instances may touch: candidates that grow the hierarchy. */
  related: KnowledgePath[];
  /** Seed tool names (seeds/tools.json) the interactions use. */
  tools: string[];
  /** Finer tool names instances may propose (new tool candidates). */
  newTools: string[];
  /** Expansion modes supported ([] when the blueprint cannot be expanded). */
  expansions: ExpansionMode[];
  /** Draws parameters. Deterministic in `rng`. */
  params(rng: Rng, difficulty: Difficulty): P;
  /** Builds the problem from parameters only (pure and deterministic). */
  build(p: P): BlueprintDraft;
  /** The answer recomputed from the parameters by a route independent of `build`. */
  solve(p: P): string;
  /**
   * Parameters of a harder problem with one more interaction step (`null` when this mode or depth is not
   * possible). The expanded build keeps the figure code and the earlier interactions unchanged, so the
   * new interaction starts from the previous edited image; the previous answer becomes an intermediate
   * step, not a given.
   */
  expand?(p: P, mode: ExpansionMode, rng: Rng): P | null;
}

/** Helper so blueprint files get their parameter type checked without repeating it. */
export function defineBlueprint<P extends BlueprintParams>(b: Blueprint<P>): Blueprint<P> {
  return b;
}
