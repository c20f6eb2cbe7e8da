import type { Draft } from '../schemas/draft.js';
import type { RobustnessTransform } from './roles/types.js';

interface Transform {
  apply: string;
  undo: string;
  what: string;
  fix: string;
  tool: string;
}

const TRANSFORMS: Record<RobustnessTransform, Transform> = {
  rotate90: { apply: 'vt.rotate(90);', undo: 'vt.rotate(270);', what: 'rotated 90° counter-clockwise', fix: 'Rotate the image 90° clockwise', tool: 'rotate image' },
  rotate180: { apply: 'vt.rotate(180);', undo: 'vt.rotate(180);', what: 'upside down', fix: 'Rotate the image by 180°', tool: 'rotate image' },
  rotate270: { apply: 'vt.rotate(270);', undo: 'vt.rotate(90);', what: 'rotated 90° clockwise', fix: 'Rotate the image 90° counter-clockwise', tool: 'rotate image' },
  flipH: { apply: "vt.flip('horizontal');", undo: "vt.flip('horizontal');", what: 'mirrored left to right', fix: 'Flip the image horizontally', tool: 'flip image' },
  flipV: { apply: "vt.flip('vertical');", undo: "vt.flip('vertical');", what: 'mirrored top to bottom', fix: 'Flip the image vertically', tool: 'flip image' },
};

/**
 * A CodeVision-style robustness copy: the figure arrives rotated or flipped, so the first interaction
 * must undo that before the original interactions (which use the upright coordinates) apply. Question
 * and answer are unchanged: noticing the orientation is the model's job. Null when no step is left.
 */
export function robustnessDraft(draft: Draft, transform: RobustnessTransform): Draft | null {
  if (draft.interactions.length >= 3) return null;
  const t = TRANSFORMS[transform];
  return {
    ...draft,
    figureCode: `${draft.figureCode}\n${t.apply}`,
    interactions: [{ description: `${t.fix} to turn the figure upright`, code: t.undo }, ...draft.interactions],
    solution: `The figure is ${t.what}. ${t.fix} to turn the figure upright before reading it.\n${draft.solution}`,
    tools: [...new Set([...draft.tools, t.tool])],
    expansion: undefined,
  };
}
