import type { Blueprint } from './blueprint.js';
import type { PlanItem } from '../pipeline/payloads.js';
import type { Rng } from './rng.js';
import { nameKey, singular, words as nameWords } from '../../knowledge/normalise.js';

const words = (s: string) => new Set(nameWords(s).filter((w) => w.length >= 3).map(singular));

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && nameKey(a[i]!) === nameKey(b[i]!)) i++;
  return i;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}

/**
 * How well a blueprint exercises a knowledge point: an exact path, or one path an ancestor of the
 * other, counts most; otherwise the number of shared levels, plus word overlap of the leaf names.
 */
export function knowledgeScore(b: Blueprint, path: readonly string[]): { score: number; exercises: boolean } {
  let best = 0;
  let exercises = false;
  const leaf = words(path.at(-1) ?? '');
  for (const q of [...b.knowledge, ...b.related]) {
    const c = commonPrefix(path, q);
    const nested = c === Math.min(path.length, q.length);
    const score = (nested ? 10 : c) + overlap(leaf, words(q.at(-1) ?? ''));
    if (nested) exercises = true;
    best = Math.max(best, score);
  }
  return { score: best, exercises };
}

export function toolScore(b: Blueprint, name: string, description: string): number {
  const n = nameKey(name);
  if ([...b.tools, ...b.newTools].some((t) => nameKey(t) === n)) return 10;
  const want = words(`${name} ${description}`);
  return Math.max(0, ...[...b.tools, ...b.newTools].map((t) => 3 * overlap(want, words(t))));
}

export interface Match {
  blueprint: Blueprint;
  /** Plan paths the blueprint really exercises (exact or ancestor/descendant): they are credited in the draft. */
  exercised: string[][];
}

/**
 * The blueprints that best fit a plan item, best first; ties are ordered by the RNG so equally good
 * blueprints share the work. Always returns at least one blueprint.
 */
export function matchBlueprints(blueprints: readonly Blueprint[], item: PlanItem, rng: Rng): Match[] {
  const scored = rng.shuffle(blueprints).map((blueprint) => {
    if (item.mode === 'tool') {
      return { blueprint, exercised: [], score: item.tools.reduce((s, t) => s + toolScore(blueprint, t.name, t.description), 0) };
    }
    let score = 0;
    const exercised: string[][] = [];
    for (const p of item.points) {
      const k = knowledgeScore(blueprint, p.path);
      score += k.score;
      if (k.exercises) exercised.push(p.path);
    }
    return { blueprint, exercised, score };
  });
  scored.sort((a, b) => b.score - a.score);
  const top = scored[0]!.score;
  return scored.filter((s) => s.score >= top - 0.5).map(({ blueprint, exercised }) => ({ blueprint, exercised }));
}
