/**
 * Candidate names as authors write them ("Isosceles Triangles.", "isosceles  triangle") are cleaned for
 * display and reduced to a matching key, so spelling variants of one concept meet in one node.
 */

const MAX_NAME_CHARS = 200;

export type CleanResult = { ok: true; name: string } | { ok: false; reason: RejectReason };

export type RejectReason = 'empty-name' | 'name-too-long' | 'control-characters';

// C0, DEL and C1 control characters never belong in a name (they come from broken LLM output or files).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const EDGE_JUNK = /^[\s"'`“”‘’«»()[\]{}<>*#•·\-–—:;,.]+|[\s"'`“”‘’«»()[\]{}<>*#•·\-–—:;,.]+$/g;

/** Display form of a name: NFKC, trimmed, inner whitespace collapsed, surrounding quotes and punctuation removed. */
export function cleanName(raw: string): CleanResult {
  if (CONTROL.test(raw)) return { ok: false, reason: 'control-characters' };
  const name = raw.normalize('NFKC').replace(/\s+/g, ' ').replace(EDGE_JUNK, '').trim();
  if (name === '') return { ok: false, reason: 'empty-name' };
  if (name.length > MAX_NAME_CHARS) return { ok: false, reason: 'name-too-long' };
  return { ok: true, name };
}

const IRREGULAR: Record<string, string> = {
  vertices: 'vertex',
  matrices: 'matrix',
  indices: 'index',
  axes: 'axis',
  radii: 'radius',
  polyhedra: 'polyhedron',
  foci: 'focus',
  loci: 'locus',
  children: 'child',
  analyses: 'analysis',
  hypotheses: 'hypothesis',
};
const KEEP_S = /(ss|us|is|os|as|ics)$/;

/** English plural to singular by a few deterministic rules (not a full stemmer: it only has to agree with itself). */
export function singular(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3 || !word.endsWith('s') || KEEP_S.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

const ARTICLES = new Set(['the', 'a', 'an']);

/** Lower-case words of a text with punctuation removed (letters and digits of any script are kept). */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
}

/** Matching key: case, punctuation, plural/singular and a leading article do not matter. */
export function nameKey(name: string): string {
  const w = words(name).map(singular);
  if (w.length > 1 && ARTICLES.has(w[0]!)) w.shift();
  return w.join(' ');
}
