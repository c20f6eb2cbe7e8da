import type { Geo } from './geo.js';
import type { ElementRec, Kit, KitHost } from './kit.js';
import type { createKit } from './kit.js';
import type { createDraw } from './draw.js';
import type { createConstructions } from './constructions.js';
import type { createCharts } from './charts.js';
import type { createImageOps } from './image-ops.js';

export interface VtParts {
  createKit: typeof createKit;
  createDraw: typeof createDraw;
  createConstructions: typeof createConstructions;
  createCharts: typeof createCharts;
  createImageOps: typeof createImageOps;
}

export interface VtInstance {
  api: Record<string, unknown>;
  elements: ElementRec[];
  /** What the code passed to `vt.export`, as plain JSON data. */
  exported: Record<string, unknown>;
  kit: Kit;
}

/**
 * Builds one job's `vt` object (the library documented in docs/visual-tools.md) on the job's canvas.
 * Serialised with `toString()` into the sandbox worker: self-contained, collaborators come in `parts`.
 */
export function createVt(host: KitHost, geo: Geo, parts: VtParts): VtInstance {
  const kit = parts.createKit(host);
  const draw = parts.createDraw(kit);
  const exported: Record<string, unknown> = {};

  /** A JSON-safe copy of `v`, or a TypeError naming the first part that is not plain data. */
  const plain = (v: unknown, path: string, depth: number): unknown => {
    if (depth > 32) throw new TypeError(`vt.export: ${path} is nested too deeply`);
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError(`vt.export: ${path} is ${String(v)}, not a finite number`);
      return v;
    }
    if (Array.isArray(v)) return v.map((x, i) => plain(x, `${path}[${i}]`, depth + 1));
    if (typeof v === 'object') {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new TypeError(`vt.export: ${path} is not plain data (numbers, strings, points, arrays)`);
      const out: Record<string, unknown> = {};
      for (const [key, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[key] = plain(x, `${path}.${key}`, depth + 1);
      return out;
    }
    throw new TypeError(`vt.export: ${path} is ${v === undefined ? 'undefined' : `a ${typeof v}`}, not plain data`);
  };

  const api: Record<string, unknown> = {
    ...draw,
    ...parts.createConstructions(kit, draw),
    ...parts.createCharts(kit, draw),
    ...parts.createImageOps(kit),
    geo: Object.freeze({ ...geo }),
    aux: kit.AUX,
    style(defaults: unknown) {
      kit.setDefaults(defaults);
    },
    export(data: unknown) {
      if (!data || typeof data !== 'object' || Array.isArray(data)) throw new TypeError(`vt.export: expected an object like { A, B, r }, got ${kit.describe(data)}`);
      Object.assign(exported, plain(data, 'data', 0));
    },
  };
  return { api, elements: kit.elements, exported, kit };
}
