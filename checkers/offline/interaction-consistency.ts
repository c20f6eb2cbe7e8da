import type { Draft } from '../../src/schemas/draft.js';
import type { RenderOutput } from '../../src/pipeline/payloads.js';
import type { Verdict } from '../../src/schemas/verdict.js';

const IMAGE_OPERATION = /\bvt\.(rotate|flip|crop|zoom)\s*\(/;
const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'from', 'at', 'in', 'on', 'with', 'through', 'point', 'line', 'is', 'its', 'for', 'by', 'as', 'that']);

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().match(/[a-z]{3,}/g)?.filter((w) => !STOP.has(w)) ?? []);
}

/**
 * Offline interaction consistency: every interaction visibly changed the image, inside the figure
 * (not off in an empty corner), proportionately, and the solution actually uses what was constructed.
 */
export function judgeInteractionOffline(draft: Draft, render: RenderOutput): Omit<Verdict, 'pass'> {
  const reasons: string[] = [];
  let score = 10;
  const fig = render.stats[0]?.inkBBox;
  draft.interactions.forEach((it, i) => {
    const st = render.stats[i + 1];
    if (!st) {
      score -= 6;
      reasons.push(`interaction ${i + 1}: no edited image`);
      return;
    }
    const changed = st.changedFraction ?? 0;
    if (changed < 0.0003) {
      score -= 6;
      reasons.push(`interaction ${i + 1}: the edited image is the same as its input`);
      return;
    }
    if (IMAGE_OPERATION.test(it.code)) return;
    const box = st.changedBBox;
    if (fig && box) {
      const margin = 0.1 * Math.max(st.width, st.height);
      const overlaps =
        box.x < fig.x + fig.w + margin && box.x + box.w > fig.x - margin && box.y < fig.y + fig.h + margin && box.y + box.h > fig.y - margin;
      if (!overlaps) {
        score -= 6;
        reasons.push(`interaction ${i + 1}: the change lies outside the figure`);
      }
    }
  });
  const solution = words(draft.solution);
  const used = draft.interactions.some((it) => [...words(it.description)].some((w) => solution.has(w)));
  if (!used) {
    score -= 4;
    reasons.push('the solution does not refer to the construction described by the interaction');
  }
  return { checker: 'interaction-consistency', score: Math.max(0, score), reasons };
}
