import { z } from 'zod';

/** A figure element the visual-tool library registered while drawing (used by the perception export). */
export const FigureElement = z.object({
  type: z.enum(['point', 'segment', 'line', 'ray', 'circle', 'arc', 'angle', 'polygon', 'text', 'region', 'box']),
  name: z.string().optional(),
  points: z.array(z.object({ x: z.number(), y: z.number() })),
  radius: z.number().optional(),
  text: z.string().optional(),
});
export type FigureElement = z.infer<typeof FigureElement>;

export const RenderStep = z.object({
  png: z.instanceof(Uint8Array),
  consoleErrors: z.array(z.string()),
  ms: z.number(),
});
export type RenderStep = z.infer<typeof RenderStep>;

export const Rendered = z.object({
  original: RenderStep,
  steps: z.array(RenderStep),
  elements: z.array(FigureElement),
  state: z.record(z.string(), z.unknown()),
});
export type Rendered = z.infer<typeof Rendered>;
