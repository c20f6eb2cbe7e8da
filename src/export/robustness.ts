import type { Sample } from '../schemas/sample.js';
import type { Trajectory } from './trajectory.js';
import { vInteractionRow, type VInteractionRow } from './v-interaction.js';

export const TRANSFORMS = ['rotate90', 'rotate180', 'rotate270', 'flipH', 'flipV'] as const;

/** A CodeVision robustness row: the V-Interaction layout plus what was done to the input image. */
export interface RobustnessRow extends VInteractionRow {
  /** rotate90 | rotate180 | rotate270 | flipH | flipV, or null when the sample id does not say. */
  transform: string | null;
  /** The code that undoes the transform (the first step; the answer cannot be read before it). */
  corrective_code: string;
  /** The upright figure (the parent's original image), to check a correction against; null without a parent image. */
  reference_image: string | null;
}

/** The pipeline names robustness samples `<parent>-t<transform>` (src/pipeline/stages.ts). */
export function transformOf(sampleId: string): string | null {
  const m = /-t([A-Za-z0-9]+)$/.exec(sampleId);
  return m && (TRANSFORMS as readonly string[]).includes(m[1]!) ? m[1]! : null;
}

export function robustnessRow(sample: Sample, solve: Trajectory, referenceImage: string | null): RobustnessRow {
  return {
    ...vInteractionRow(sample, solve),
    transform: transformOf(sample.id),
    corrective_code: sample.draft.interactions[0]!.code,
    reference_image: referenceImage,
  };
}
