import { expect } from 'vitest';
import type { Difficulty, Draft } from '../../src/schemas/draft.js';
import type { Blueprint } from '../../src/offline/blueprint.js';
import { draftFrom } from '../../src/offline/instance.js';
import { createRng } from '../../src/offline/rng.js';
import { loadSeeds } from '../../seeds/load.js';
import { pathKey } from '../../src/store/knowledge.js';
import { answerText, answersMatch } from '../../checkers/answer-match.js';
import { drawingInstruction } from '../../checkers/drawing-instructions.js';

export const DIFFICULTIES: Difficulty[] = ['easy', 'medium', 'hard'];

/** A blueprint instance as the offline author makes it: parameters, the validated draft, and its expansion chain. */
export interface Instance {
  blueprint: Blueprint;
  seed: number;
  difficulty: Difficulty;
  params: Record<string, unknown>;
  draft: Draft;
}

export function instance(b: Blueprint, seed: number, difficulty: Difficulty): Instance {
  const params = b.params(createRng(`${b.id}/${seed}`), difficulty);
  return { blueprint: b, seed, difficulty, params, draft: draftFrom(b, params, difficulty, seed) };
}

/** The chain of expansions of an instance (each one interaction longer), up to three interactions. */
export function expansions(inst: Instance): Instance[] {
  const out: Instance[] = [];
  let cur = inst;
  const b = inst.blueprint;
  for (let step = 0; b.expand && cur.draft.interactions.length < 3; step++) {
    const mode = b.expansions[(inst.seed + step) % b.expansions.length]!;
    const next = b.expand(cur.params, mode, createRng(`${b.id}/${inst.seed}/x${step}`));
    if (!next) break;
    cur = { ...cur, params: next, draft: draftFrom(b, next, cur.difficulty, cur.seed) };
    out.push(cur);
  }
  return out;
}

/**
 * Static checks of a blueprint list: unique ids, seed knowledge and tools exist, and for many seeds and every
 * difficulty the draft validates, is deterministic, has an answer that the independent solver confirms, never
 * tells the solver to draw, and expands by exactly one interaction while keeping the earlier code.
 */
export function checkBlueprintsStatically(blueprints: readonly Blueprint[], seeds = 12, firstSeed = 1): { instances: number; expanded: number } {
  const { knowledge, tools } = loadSeeds();
  const seedPaths = new Set(knowledge.points.map((p) => pathKey(p.path)));
  const seedTools = new Set(tools.tools.map((t) => t.name));
  const ids = new Set<string>();
  let instances = 0;
  let expanded = 0;
  for (const b of blueprints) {
    expect(ids.has(b.id), `duplicate blueprint id ${b.id}`).toBe(false);
    ids.add(b.id);
    expect(b.knowledge.length, `${b.id}: knowledge`).toBeGreaterThan(0);
    for (const p of b.knowledge) expect(seedPaths.has(pathKey(p)), `${b.id}: seed knowledge ${p.join(' > ')}`).toBe(true);
    for (const p of b.knowledge) expect(p[0], `${b.id}: knowledge in its domain`).toBe(b.domain);
    for (const t of b.tools) expect(seedTools.has(t), `${b.id}: seed tool ${t}`).toBe(true);
    const allowedPaths = new Set([...b.knowledge, ...b.related].map(pathKey));
    const allowedTools = new Set([...b.tools, ...b.newTools]);
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
      for (const difficulty of DIFFICULTIES) {
        const inst = instance(b, seed, difficulty);
        const again = instance(b, seed, difficulty);
        expect(again.draft, `${b.id} seed ${seed}: deterministic`).toEqual(inst.draft);
        for (const cur of [inst, ...expansions(inst)]) {
          const where = `${b.id} seed ${seed} ${difficulty} (${cur.draft.interactions.length} interactions)`;
          const d = cur.draft;
          expect(answersMatch(b.solve(cur.params), answerText(d)), `${where}: answer "${answerText(d)}" vs solver "${b.solve(cur.params)}"`).toBe(true);
          expect(drawingInstruction(d.question), `${where}: question tells the solver to draw`).toBeUndefined();
          for (const p of d.knowledge) expect(allowedPaths.has(pathKey(p)), `${where}: knowledge ${p.join(' > ')} not declared`).toBe(true);
          for (const t of d.tools) expect(allowedTools.has(t), `${where}: tool ${t} not declared`).toBe(true);
          instances++;
        }
        let prev = inst;
        for (const x of expansions(inst)) {
          expect(x.draft.figureCode, `${b.id} seed ${seed}: expansion keeps the figure`).toBe(prev.draft.figureCode);
          expect(x.draft.interactions.length).toBe(prev.draft.interactions.length + 1);
          prev.draft.interactions.forEach((it, i) => expect(x.draft.interactions[i]!.code).toBe(it.code));
          expect(x.draft.question).not.toBe(prev.draft.question);
          prev = x;
          expanded++;
        }
      }
    }
  }
  return { instances, expanded };
}
