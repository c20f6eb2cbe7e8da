import type { Draft } from '../../src/schemas/draft.js';
import type { RenderOutput } from '../../src/pipeline/payloads.js';
import type { Verdict } from '../../src/schemas/verdict.js';

/**
 * Offline original-image validity: the figure has a sensible amount of ink, fills enough of the canvas
 * to be legible, is not clipped on every side, and the library registered recognisable elements.
 */
export function judgeImageOffline(draft: Draft, render: RenderOutput): Omit<Verdict, 'pass'> {
  const reasons: string[] = [];
  let score = 10;
  const st = render.stats[0];
  if (!st) return { checker: 'image-validity', score: 0, reasons: ['no original image'] };
  if (st.inkFraction < 0.004) {
    score -= 5;
    reasons.push(`very little ink (${(100 * st.inkFraction).toFixed(2)}% of pixels)`);
  }
  if (st.inkFraction > 0.7) {
    score -= 5;
    reasons.push(`the figure is mostly ink (${(100 * st.inkFraction).toFixed(0)}%)`);
  }
  const box = st.inkBBox;
  if (!box) {
    score -= 6;
    reasons.push('nothing drawn');
  } else {
    const area = (box.w * box.h) / (st.width * st.height);
    if (area < 0.05) {
      score -= 4;
      reasons.push(`the drawing covers only ${(100 * area).toFixed(1)}% of the canvas`);
    }
    const touches = [box.x <= 0, box.y <= 0, box.x + box.w >= st.width, box.y + box.h >= st.height].filter(Boolean).length;
    if (touches === 4 && st.inkFraction < 0.5) {
      score -= 2;
      reasons.push('ink touches every edge: the figure may be clipped');
    }
  }
  if (render.elements.length === 0 && !/vt\.(barChart|lineChart|pieChart|table|axes)\(/.test(draft.figureCode)) {
    score -= 3;
    reasons.push('no labelled elements registered (points, segments, circles, texts)');
  }
  return { checker: 'image-validity', score: Math.max(0, score), reasons };
}
