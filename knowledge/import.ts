import { z } from 'zod';
import type { Db } from '../src/store/db.js';
import { getNode, nodeId, pathKey, upsertPoints, type PointInput } from '../src/store/knowledge.js';
import { cleanName } from './normalise.js';

/** One node of an imported hierarchy, linked by ids (the format `flywheel knowledge export` writes; extra fields are ignored). */
const ImportRow = z.object({
  id: z.string().min(1, 'must not be empty'),
  parentId: z.string().min(1).nullable().default(null),
  name: z.string().optional(),
  path: z.array(z.string()).min(1).optional(),
  aliases: z.array(z.string()).default([]),
  description: z.string().optional(),
});

export interface ImportProblem {
  /** 1-based position of the row in the input. */
  line: number;
  id: string | null;
  code: string;
  detail: string;
}

export interface HierarchyImport {
  rows: number;
  /** Nodes written (new or updated); rows whose path already existed update aliases and description. */
  created: number;
  updated: number;
  rejected: ImportProblem[];
  /** Rows accepted after a deterministic repair (an identical duplicate, two ids for one path). */
  repaired: ImportProblem[];
}

interface Entry {
  line: number;
  id: string;
  parentId: string | null;
  name: string;
  aliases: string[];
  description?: string;
}

/**
 * Imports a hierarchy given as rows linked by id and parentId (parents may be in the file or already in
 * the tree). Nothing bad reaches the tree: invalid rows, duplicate ids with conflicting content, cycles,
 * unknown parents and rows deeper than `maxDepth` are rejected with a reason, and so is everything below
 * a rejected row. The rest is written in one transaction. Ids in the file only express the structure:
 * stored ids derive from paths, as everywhere else.
 */
export function importHierarchy(db: Db, rows: readonly unknown[], maxDepth = 7): HierarchyImport {
  const rejected: ImportProblem[] = [];
  const repaired: ImportProblem[] = [];
  const entries = new Map<string, Entry>();
  for (const [i, raw] of rows.entries()) {
    const line = i + 1;
    const parsed = ImportRow.safeParse(raw);
    if (!parsed.success) {
      const idOf = (raw as { id?: unknown } | null)?.id;
      rejected.push({ line, id: typeof idOf === 'string' ? idOf : null, code: 'invalid-row', detail: parsed.error.issues.map((x) => `${x.path.join('.') || 'row'}: ${x.message}`).join('; ') });
      continue;
    }
    const r = parsed.data;
    const name = cleanName(r.name ?? r.path?.at(-1) ?? '');
    if (!name.ok) {
      rejected.push({ line, id: r.id, code: name.reason, detail: `name ${JSON.stringify((r.name ?? '').slice(0, 80))}` });
      continue;
    }
    const entry: Entry = { line, id: r.id, parentId: r.parentId, name: name.name, aliases: r.aliases, ...(r.description ? { description: r.description } : {}) };
    const earlier = entries.get(r.id);
    if (!earlier) {
      entries.set(r.id, entry);
    } else if (earlier.parentId === entry.parentId && pathKey([earlier.name]) === pathKey([entry.name])) {
      repaired.push({ line, id: r.id, code: 'duplicate-id', detail: `same node as line ${earlier.line}; merged into it` });
      earlier.aliases = [...new Set([...earlier.aliases, ...entry.aliases])];
    } else {
      rejected.push({ line, id: r.id, code: 'duplicate-id', detail: `line ${earlier.line} already defines id "${r.id}" differently; the first definition wins` });
    }
  }

  // Each entry's path, found by walking up its parents; a walk that meets itself is a cycle.
  const paths = new Map<string, string[] | null>();
  const reject = (e: Entry, code: string, detail: string) => {
    rejected.push({ line: e.line, id: e.id, code, detail });
    paths.set(e.id, null);
  };
  const resolve = (start: Entry): void => {
    const chain: Entry[] = [];
    let cur = start;
    let base: string[] | null;
    let blame: Entry | undefined;
    for (;;) {
      if (paths.has(cur.id)) {
        base = paths.get(cur.id)!;
        if (base === null) blame = cur;
        break;
      }
      const at = chain.indexOf(cur);
      if (at >= 0) {
        const cycle = chain.splice(at);
        const ids = [...cycle, cur].map((c) => c.id).join(' → ');
        for (const c of cycle) reject(c, 'cycle', ids);
        [base, blame] = [null, cur];
        break;
      }
      chain.push(cur);
      if (cur.parentId === null) {
        base = [];
        break;
      }
      const parent = entries.get(cur.parentId);
      if (parent) {
        cur = parent;
        continue;
      }
      const stored = getNode(db, cur.parentId);
      if (stored) base = stored.path;
      else {
        chain.pop();
        reject(cur, 'unknown-parent', `parent "${cur.parentId}" is neither in the input nor in the tree`);
        [base, blame] = [null, cur];
      }
      break;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i]!;
      if (base === null) {
        reject(c, 'ancestor-rejected', blame ? `its ancestor "${blame.id}" (line ${blame.line}) was rejected` : 'an ancestor was rejected');
        continue;
      }
      const path = [...base, c.name];
      if (path.length > maxDepth) {
        reject(c, 'too-deep', `level ${path.length} exceeds the ${maxDepth}-level limit`);
        [base, blame] = [null, c];
        continue;
      }
      paths.set(c.id, path);
      base = path;
    }
  };
  for (const e of entries.values()) resolve(e);

  const points: PointInput[] = [];
  const byNode = new Map<string, Entry>();
  const accepted = [...entries.values()].filter((e) => paths.get(e.id)).sort((a, b) => paths.get(a.id)!.length - paths.get(b.id)!.length || a.line - b.line);
  for (const e of accepted) {
    const path = paths.get(e.id)!;
    const same = byNode.get(nodeId(path));
    if (same) repaired.push({ line: e.line, id: e.id, code: 'same-path', detail: `same path as line ${same.line} ("${path.join(' > ')}"); merged into it` });
    else byNode.set(nodeId(path), e);
    points.push({ path, aliases: e.aliases, source: 'imported', roundAdded: 0, ...(e.description ? { description: e.description } : {}) });
  }
  const { created, updated } = upsertPoints(db, points);
  rejected.sort((a, b) => a.line - b.line);
  repaired.sort((a, b) => a.line - b.line);
  return { rows: rows.length, created, updated, rejected, repaired };
}
