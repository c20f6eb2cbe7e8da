import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Embedder } from '../contracts.js';
import type { KnowledgeSettings } from '../../src/config/sections/knowledge.js';
import { documentFrequencies, featureCounts } from './features.js';

/**
 * Deterministic offline embeddings: hashed word unigrams and character n-grams, weighted by sublinear TF
 * times IDF, signed-hashed into a fixed dimension and L2-normalised.
 *
 * The IDF comes from a fixed reference corpus shipped beside this file (reference-corpus.txt: the unique
 * English names of every level of the We-Math 2.0 taxonomy plus the shipped seed knowledge points and
 * tools), not from the growing tree, so a vector never changes once computed. The model id carries the
 * corpus hash and the feature version: changing either changes the id, so cached vectors never mix spaces.
 */

const FEATURE_VERSION = 'offline-ngram-v1';
const CORPUS_FILE = fileURLToPath(new URL('./reference-corpus.txt', import.meta.url));

interface Idf {
  hash: string;
  weight: (feature: number) => number;
}

let reference: Idf | undefined;

function referenceIdf(): Idf {
  if (reference) return reference;
  const text = fs.readFileSync(CORPUS_FILE, 'utf8');
  const docs = text.split('\n').filter((l) => l.trim() !== '');
  const df = documentFrequencies(docs);
  const n = docs.length;
  const unseen = Math.log(n + 1) + 1;
  reference = {
    hash: crypto.createHash('sha256').update(text).digest('hex').slice(0, 8),
    weight: (f) => {
      const d = df.get(f);
      return d === undefined ? unseen : Math.log((n + 1) / (d + 1)) + 1;
    },
  };
  return reference;
}

/** One text's vector (synchronous: the offline embedder does no I/O after loading its corpus). */
function embedText(text: string, dim: number, idf: (feature: number) => number): Float32Array {
  const v = new Float32Array(dim);
  for (const [f, tf] of featureCounts(text)) {
    const w = (1 + Math.log(tf)) * idf(f);
    v[f % dim]! += f & 0x80000000 ? -w : w;
  }
  let norm = 0;
  for (let i = 0; i < dim; i++) norm += v[i]! * v[i]!;
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < dim; i++) v[i]! *= inv;
  }
  return v;
}

export function createOfflineEmbedder(settings: Pick<KnowledgeSettings, 'embeddingDim'>): Embedder {
  const dim = settings.embeddingDim;
  const idf = referenceIdf();
  return {
    model: `${FEATURE_VERSION}/${dim}/${idf.hash}`,
    dim,
    embed: (texts) => Promise.resolve(texts.map((t) => embedText(t, dim, idf.weight))),
  };
}
