import type { Interaction } from '../schemas/draft.js';

/**
 * A sample's reasoning cut into the pieces a visual-interaction trajectory needs: what to think before
 * each interaction (ending with why the construction is drawn) and what to conclude after the last one.
 * `before.length === interactions.length`.
 */
export interface Reasoning {
  before: string[];
  after: string;
}

const STOP = new Set(
  'the a an of to and or in on at by for with from is are be this that it its as into onto then than we so which through point points line'.split(' '),
);
const CONSTRUCT = /\b(draw|drawn|construct|connect|join|extend|mark|drop|dropping|bisect|reflect|rotate|flip|crop|zoom|highlight|shade|add|auxiliary|perpendicular|parallel|midpoint|tangent)\w*/i;

/** The solution's steps: its lines, or its sentences when it is one paragraph; list markers removed. */
export function solutionSteps(solution: string): string[] {
  const lines = solution
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const raw = lines.length > 1 ? lines : lines.flatMap((l) => l.split(/(?<=[.!?])\s+(?=[A-Z(])/));
  return raw.map((s) => s.replace(/^(?:step\s*\d+\s*[:.)-]|\d+\s*[.)]|[-*•])\s*/i, '').trim()).filter((s) => s !== '');
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && !STOP.has(w)),
  );
}

interface StepInfo {
  text: string;
  words: Set<string>;
  construct: boolean;
}

function shared(stepWords: Iterable<string>, description: Set<string>): number {
  let n = 0;
  for (const w of stepWords) if (description.has(w)) n++;
  return n;
}

/** How well a step describes an interaction: shared words, construction verbs breaking ties. */
function overlap(step: StepInfo, description: Set<string>): number {
  return shared(step.words, description) + (step.construct ? 0.5 : 0);
}

/** Whether a block of steps already says what the interaction does (two shared words, or one and a construction verb). */
function mentions(block: readonly StepInfo[], description: Set<string>): boolean {
  const n = shared(new Set(block.flatMap((s) => [...s.words])), description);
  return n >= 2 || (n >= 1 && block.some((s) => s.construct));
}

/**
 * Cuts the solution around the interactions: for each interaction (in order) the step that describes it
 * best (most words shared with its description, construction verbs breaking ties) closes the thinking
 * before its code; steps after the last interaction's step become the conclusion. When no step mentions
 * an interaction, its cut falls where the steps divide evenly. A block that would say nothing about the
 * construction gets the interaction's description, so every code block is motivated.
 */
export function splitReasoning(solution: string, interactions: readonly Interaction[]): Reasoning {
  const steps: StepInfo[] = solutionSteps(solution).map((text) => ({ text, words: words(text), construct: CONSTRUCT.test(text) }));
  const descriptions = interactions.map((it) => words(it.description));
  const n = interactions.length;
  const cuts: number[] = [];
  let prev = -1;
  descriptions.forEach((desc, i) => {
    // Leave at least one step for each later interaction when there are enough steps.
    const last = Math.min(steps.length - 1, Math.max(prev + 1, steps.length - 1 - (n - 1 - i)));
    let best = -1;
    let bestScore = 0.5;
    for (let j = prev + 1; j <= last; j++) {
      const score = overlap(steps[j]!, desc);
      if (score > bestScore) {
        best = j;
        bestScore = score;
      }
    }
    if (best < 0) best = Math.min(steps.length - 1, Math.max(prev, Math.round(((i + 1) * steps.length) / (n + 1)) - 1));
    cuts.push(best);
    prev = Math.max(prev, best);
  });
  const before: string[] = [];
  let from = 0;
  interactions.forEach((it, i) => {
    const block = steps.slice(from, cuts[i]! + 1);
    from = Math.max(from, cuts[i]! + 1);
    const text = block.map((s) => s.text).join('\n');
    before.push(mentions(block, descriptions[i]!) ? text : [text, `${capitalise(it.description.replace(/[.\s]+$/, ''))}.`].filter((s) => s !== '').join('\n'));
  });
  return { before, after: steps.slice(from).map((s) => s.text).join('\n') };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
