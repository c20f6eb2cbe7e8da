import { z } from 'zod';
import { FigureElement } from '../schemas/rendered.js';
import type { RenderError, StepResult } from './types.js';

const Box = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
const ErrorType = z.enum(['timeout', 'syntax', 'runtime', 'blank-output', 'too-large', 'forbidden', 'invalid-output', 'crash']);

/** What the sandbox page returns for one job (checked: the page is a separate process we do not trust blindly). */
export const PageReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    png: z.string().min(1),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    stats: z.object({
      inkFraction: z.number().min(0).max(1),
      inkBBox: Box.nullable(),
      changedFraction: z.number().min(0).max(1).optional(),
      changedBBox: Box.nullable().optional(),
    }),
    consoleErrors: z.array(z.string()),
    elements: z.array(FigureElement),
    exported: z.record(z.string(), z.unknown()),
    imageId: z.string().optional(),
  }),
  z.object({
    ok: z.literal(false),
    error: z.object({ type: ErrorType, message: z.string(), line: z.number().int().positive().optional() }),
    consoleErrors: z.array(z.string()),
  }),
]);
export type PageReply = z.infer<typeof PageReply>;

export function toStepResult(reply: PageReply, inputState: Record<string, unknown>, ms: number): StepResult {
  if (!reply.ok) return { ok: false, error: reply.error, consoleErrors: reply.consoleErrors, ms };
  const buf = Buffer.from(reply.png, 'base64');
  return {
    ok: true,
    png: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength),
    width: reply.width,
    height: reply.height,
    stats: reply.stats,
    consoleErrors: reply.consoleErrors,
    elements: reply.elements,
    state: { ...inputState, ...reply.exported },
    ms,
  };
}

export function failure(error: RenderError, ms = 0, consoleErrors: string[] = []): StepResult {
  return { ok: false, error, consoleErrors, ms };
}
