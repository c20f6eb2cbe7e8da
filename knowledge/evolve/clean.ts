import type { Candidate } from '../../src/store/candidates.js';
import { cleanName } from '../normalise.js';

/** Paths longer than this are garbage, not deep knowledge (the tree has at most 7 levels). */
const MAX_SEGMENTS = 20;

export type Cleaned =
  | { ok: true; kind: 'knowledge'; c: Candidate; segments: string[]; description?: string }
  | { ok: true; kind: 'tool'; c: Candidate; name: string; description?: string }
  | { ok: false; c: Candidate; code: string; detail: string };

/** What the author proposed, for reports: the path joined, or the name. */
export function proposed(c: Candidate): string {
  return c.path && c.path.length ? c.path.join(' > ') : c.name;
}

function cleanText(s: string | null): string | undefined {
  if (s === null) return undefined;
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

/** Validates one candidate's names. A knowledge candidate's path wins over its name (the store stage sets name = last segment). */
export function cleanCandidate(c: Candidate): Cleaned {
  const description = cleanText(c.description);
  if (c.kind === 'tool') {
    const r = cleanName(c.name);
    if (!r.ok) return { ok: false, c, code: r.reason, detail: `tool name ${JSON.stringify(c.name.slice(0, 80))}` };
    return { ok: true, kind: 'tool', c, name: r.name, ...(description ? { description } : {}) };
  }
  const raw = c.path && c.path.length ? c.path : [c.name];
  if (raw.length > MAX_SEGMENTS) return { ok: false, c, code: 'path-too-long', detail: `${raw.length} segments (at most ${MAX_SEGMENTS})` };
  const segments: string[] = [];
  for (const [i, s] of raw.entries()) {
    const r = cleanName(s);
    if (!r.ok) return { ok: false, c, code: r.reason, detail: `segment ${i + 1} of ${raw.length}: ${JSON.stringify(s.slice(0, 80))}` };
    segments.push(r.name);
  }
  return { ok: true, kind: 'knowledge', c, segments, ...(description ? { description } : {}) };
}
