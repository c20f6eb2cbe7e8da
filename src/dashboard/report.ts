import { z } from 'zod';

/**
 * The parts of a stored round report (`RoundReport` of src/pipeline/finish-round.ts) the rounds page
 * shows. Read defensively: reports written by older or newer flywheels, or a growth section whose shape
 * has changed, must never break the page, so every field is optional and anything unexpected is dropped.
 */
const ReportView = z.object({
  durationMs: z.number().nonnegative().optional().catch(undefined),
  acceptedPerSecond: z.number().nonnegative().optional().catch(undefined),
  growth: z.unknown().optional(),
});
const GrowthView = z.object({ knowledge: z.object({ newPoints: z.number().int().nonnegative() }) });

export interface ReportFacts {
  durationMs: number | undefined;
  acceptedPerSecond: number | undefined;
  /** New knowledge points (leaves) the evolve step created, as opposed to inner nodes. */
  newPoints: number | undefined;
  /** Scalar facts of the growth section, flattened ("knowledge.added": 12). */
  growth: [string, string | number | boolean][];
}

function scalars(value: unknown, prefix: string, out: [string, string | number | boolean][], depth: number): void {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    out.push([prefix, value]);
  } else if (value && typeof value === 'object' && !Array.isArray(value) && depth < 3) {
    for (const [k, v] of Object.entries(value)) scalars(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
  } else if (Array.isArray(value)) {
    out.push([prefix, `${value.length} item${value.length === 1 ? '' : 's'}`]);
  }
}

export function reportFacts(report: unknown): ReportFacts {
  const r = ReportView.safeParse(report ?? {});
  const view = r.success ? r.data : { durationMs: undefined, acceptedPerSecond: undefined, growth: undefined };
  const growth: ReportFacts['growth'] = [];
  scalars(view.growth, '', growth, 0);
  const points = GrowthView.safeParse(view.growth);
  return {
    durationMs: view.durationMs,
    acceptedPerSecond: view.acceptedPerSecond,
    newPoints: points.success ? points.data.knowledge.newPoints : undefined,
    growth: growth.slice(0, 60),
  };
}
