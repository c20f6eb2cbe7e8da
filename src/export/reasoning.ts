import type { Interaction } from '../schemas/draft.js';

/**
 * A sample's reasoning cut into the pieces a visual-interaction trajectory needs: what to think before
 * each interaction (ending with the construction to make) and what to conclude after the last one.
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
/** Verbs a solution step starts with when it tells the reader to make the construction (rather than read its result). */
const IMPERATIVE = new Set(
  'draw construct connect join extend mark drop bisect reflect rotate flip crop zoom highlight shade add cut write number trace label step complete split divide fold translate colour color circle fill plot project move place count'.split(' '),
);

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

function isImperative(step: string, description: string): boolean {
  const first = (text: string) => text.replace(/^((first|then|next|now|so|we)\b,?\s*)+/i, '').split(/[^\p{L}]+/u)[0]?.toLowerCase() ?? '';
  const verb = first(step);
  return IMPERATIVE.has(verb) || (verb !== '' && verb === first(description));
}

/** How well a step describes an interaction: shared words, construction verbs breaking ties. */
function overlap(step: StepInfo, description: Set<string>): number {
  let n = 0;
  for (const w of step.words) if (description.has(w)) n++;
  return n + (step.construct ? 0.5 : 0);
}

/** The interaction as the solver's plan: "Let me draw ..." (acronyms and names keep their capitals). */
function intent(description: string): string {
  const d = description.trim().replace(/[.\s]+$/, '');
  const lower = /^\p{Lu}\p{Ll}/u.test(d) ? d.charAt(0).toLowerCase() + d.slice(1) : d;
  return `Let me ${lower}.`;
}

/**
 * Cuts the solution around the interactions, as think → code → image → think ...: for each interaction
 * (in order) the step that describes it best (most words shared with its description, construction verbs
 * breaking ties) is its anchor. An anchor that tells the reader to make the construction ("Draw the
 * altitude ...") closes the thinking before the code; one that reads the result ("The marks count 5
 * divisions ...") opens the thinking after the image, and the interaction's description, as a plan, closes
 * the thinking before the code. Steps before an anchor stay before it; steps after the last one conclude.
 * When no step matches an interaction, the cut falls where the steps divide evenly.
 */
export function splitReasoning(solution: string, interactions: readonly Interaction[]): Reasoning {
  const steps: StepInfo[] = solutionSteps(solution).map((text) => ({ text, words: words(text), construct: CONSTRUCT.test(text) }));
  const n = interactions.length;
  const before: string[] = [];
  let from = 0;
  interactions.forEach((it, i) => {
    const desc = words(it.description);
    // Leave a step for each later interaction when there are enough steps.
    const last = Math.min(steps.length - 1, Math.max(from, steps.length - 1 - (n - 1 - i)));
    let anchor = -1;
    let bestScore = 0.5;
    for (let j = from; j <= last; j++) {
      const score = overlap(steps[j]!, desc);
      if (score > bestScore) {
        anchor = j;
        bestScore = score;
      }
    }
    let block: StepInfo[];
    let planned: boolean;
    if (anchor < 0) {
      const cut = Math.min(steps.length, Math.max(from, Math.round(((i + 1) * steps.length) / (n + 1))));
      block = steps.slice(from, cut);
      from = cut;
      planned = false;
    } else if (isImperative(steps[anchor]!.text, it.description)) {
      block = steps.slice(from, anchor + 1);
      from = anchor + 1;
      planned = true;
    } else {
      block = steps.slice(from, anchor);
      from = anchor;
      planned = false;
    }
    before.push([...block.map((s) => s.text), ...(planned ? [] : [intent(it.description)])].join('\n'));
  });
  return { before, after: steps.slice(from).map((s) => s.text).join('\n') };
}
