import type { Embedder } from '../../../../knowledge/contracts.js';
import type { UsageNote } from '../../payloads.js';
import type { Db } from '../../../store/db.js';
import { getCachedEmbeddings, putCachedEmbeddings } from '../../../store/llm-cache.js';
import { LlmError } from '../../../llm/errors.js';
import type { RoleContext } from './context.js';

/** Texts per embeddings request. */
const BATCH = 128;

function normalised(v: readonly number[]): Float32Array {
  const n = Math.hypot(...v) || 1;
  return Float32Array.from(v, (x) => x / n);
}

/**
 * The `embedder` role on an OpenAI-compatible embeddings endpoint. Vectors are L2-normalised and cached
 * per text in the store (`embedding_cache`), so a re-run embeds only new texts. The dimension is
 * `llm.roles.embedder.dimensions` when set, otherwise learnt from the first reply.
 */
export function llmEmbedder(
  { client, endpoint }: RoleContext,
  opts: { cache: boolean; db: () => Db | null; round: () => number | null; record: (calls: UsageNote[]) => void },
): Embedder {
  const model = `openai:${endpoint.model}${endpoint.dimensions ? `/${endpoint.dimensions}` : ''}`;
  let learnt = endpoint.dimensions;
  return {
    model,
    get dim(): number {
      if (learnt === undefined) {
        throw new LlmError('schema', `the embedder's dimension is not known before its first call: set llm.roles.embedder.dimensions (model ${endpoint.model})`);
      }
      return learnt;
    },
    async embed(texts) {
      const db = opts.db();
      const known = db && opts.cache ? getCachedEmbeddings(db, model, texts) : new Map<string, Float32Array>();
      learnt ??= known.values().next().value?.length;
      const missing = [...new Set(texts.filter((t) => !known.has(t)))];
      const round = opts.round() ?? undefined;
      const batches: string[][] = [];
      for (let i = 0; i < missing.length; i += BATCH) batches.push(missing.slice(i, i + BATCH));
      const replies = await Promise.all(batches.map((b) => client.embed(endpoint, b, round)));
      opts.record(replies.map((r) => r.note));
      const fresh: [string, Float32Array][] = [];
      replies.forEach((r, bi) => r.vectors.forEach((v, i) => fresh.push([batches[bi]![i]!, normalised(v)])));
      for (const [t, v] of fresh) {
        if (learnt !== undefined && v.length !== learnt) throw new LlmError('schema', `embedder ${endpoint.model} returned ${v.length} dimensions, expected ${learnt}`);
        learnt = v.length;
        known.set(t, v);
      }
      if (db && fresh.length) putCachedEmbeddings(db, model, fresh);
      return texts.map((t) => known.get(t)!);
    },
  };
}
