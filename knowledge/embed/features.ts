import { singular, words } from '../normalise.js';

/**
 * Text features of the offline embedder as 32-bit hashes: word unigrams and character 3- to 5-grams of
 * each word padded with spaces, after lower-casing, singularising and dropping English stop words.
 * Hashing the features directly (no strings per n-gram) keeps 25,000 names well under a second.
 */

const STOP = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'with', 'by', 'its', 'at', 'from', 'as', 'or', 'is', 'are', 'be']);
const MIN_GRAM = 3;
const MAX_GRAM = 5;
const WORD_SEED = 0x9e3779b9;
const GRAM_SEED = 0x811c9dc5;

/** Murmur3's finaliser: spreads FNV's weak low bits so `hash % dim` buckets evenly. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv(s: string, from: number, to: number, seed: number): number {
  let h = seed;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Feature hashes of a text with their term frequencies. */
export function featureCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (h: number) => counts.set(h, (counts.get(h) ?? 0) + 1);
  for (const raw of words(text)) {
    if (STOP.has(raw)) continue;
    const w = singular(raw);
    add(fnv(w, 0, w.length, WORD_SEED));
    const padded = ` ${w} `;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (let i = 0; i + n <= padded.length; i++) add(fnv(padded, i, i + n, GRAM_SEED));
    }
  }
  return counts;
}

/** Document frequencies of the features over a corpus (one document per entry). */
export function documentFrequencies(docs: readonly string[]): Map<number, number> {
  const df = new Map<number, number>();
  for (const d of docs) for (const h of featureCounts(d).keys()) df.set(h, (df.get(h) ?? 0) + 1);
  return df;
}
