import type { z } from 'zod';

type AnySchema = z.core.$ZodType;

function defOf(s: AnySchema): { type: string; [k: string]: unknown } {
  return (s as unknown as { _zod: { def: { type: string } } })._zod.def;
}

/** Strips optional/default/nullable/pipe wrappers to reach the schema that describes the value. */
function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (;;) {
    const def = defOf(cur) as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType && ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type)) cur = def.innerType;
    else if (def.type === 'pipe' && def.in) cur = def.in;
    else return cur;
  }
}

function shapeOf(s: AnySchema): Record<string, AnySchema> | undefined {
  const def = defOf(unwrap(s)) as { type: string; shape?: Record<string, AnySchema> };
  return def.type === 'object' ? def.shape : undefined;
}

const norm = (k: string) => k.toLowerCase().replace(/[_-]/g, '');

/** Maps loosely written segments (PER_ROUND, per-round) to the schema's keys (perRound); undefined when unknown. */
export function resolvePath(schema: AnySchema, segments: string[]): string[] | undefined {
  const out: string[] = [];
  let cur: AnySchema | undefined = schema;
  for (const seg of segments) {
    const shape: Record<string, AnySchema> | undefined = cur ? shapeOf(cur) : undefined;
    if (!shape) {
      // Inside a record (e.g. llm.prices.<model>): keep the segment as written.
      const def: { type: string; valueType?: AnySchema } | undefined = cur ? (defOf(unwrap(cur)) as { type: string; valueType?: AnySchema }) : undefined;
      if (def?.type !== 'record') return undefined;
      out.push(seg);
      cur = def.valueType;
      continue;
    }
    const key = Object.keys(shape).find((k) => norm(k) === norm(seg));
    if (!key) return undefined;
    out.push(key);
    cur = shape[key];
  }
  return out;
}

/** The schema at a resolved path, or undefined. */
export function schemaAt(schema: AnySchema, path: string[]): AnySchema | undefined {
  let cur: AnySchema | undefined = schema;
  for (const seg of path) {
    if (!cur) return undefined;
    const inner = unwrap(cur);
    const def = defOf(inner) as { type: string; shape?: Record<string, AnySchema>; valueType?: AnySchema };
    cur = def.type === 'object' ? def.shape?.[seg] : def.type === 'record' ? def.valueType : undefined;
  }
  return cur;
}

/**
 * Turns a string from the environment or a `--set` flag into the type the schema expects there.
 * Values that do not convert are passed on unchanged so that validation reports them with their path.
 */
export function coerceString(schema: AnySchema | undefined, raw: string): unknown {
  if (!schema) return raw;
  const t = defOf(unwrap(schema)).type;
  if (t === 'number' || t === 'int') {
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
  }
  if (t === 'boolean') {
    if (/^(true|1|yes|on)$/i.test(raw)) return true;
    if (/^(false|0|no|off)$/i.test(raw)) return false;
    return raw;
  }
  if (t === 'object' || t === 'record' || t === 'array') {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}
