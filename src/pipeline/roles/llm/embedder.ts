import type { Embedder } from '../../../../knowledge/contracts.js';
import type { UsageNote } from '../../payloads.js';
import { LlmError } from '../../../llm/errors.js';
import type { RoleContext } from './context.js';

/** Texts per embeddings request. */
const BATCH = 128;

function normalised(v: readonly number[]): Float32Array {
  const n = Math.hypot(...v) || 1;
  return Float32Array.from(v, (x) => x / n);
}

/**
 * The `embedder` role on an OpenAI-compatible embeddings endpoint: L2-normalised vectors, each distinct
 * text of a call sent once. Caching per text is the knowledge system's (`cachedEmbedder`), as for the
 * offline embedder. The dimension is `llm.roles.embedder.dimensions` when set, otherwise learnt from
 * the first reply.
 */
export function llmEmbedder({ client, endpoint }: RoleContext, opts: { round: () => number | null; record: (calls: UsageNote[]) => void }): Embedder {
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
      const unique = [...new Set(texts)];
      const round = opts.round() ?? undefined;
      const batches: string[][] = [];
      for (let i = 0; i < unique.length; i += BATCH) batches.push(unique.slice(i, i + BATCH));
      const replies = await Promise.all(batches.map((b) => client.embed(endpoint, b, round)));
      opts.record(replies.map((r) => r.note));
      const vectors = new Map<string, Float32Array>();
      replies.forEach((r, bi) => r.vectors.forEach((v, i) => vectors.set(batches[bi]![i]!, normalised(v))));
      for (const v of vectors.values()) {
        if (learnt !== undefined && v.length !== learnt) throw new LlmError('schema', `embedder ${endpoint.model} returned ${v.length} dimensions, expected ${learnt}`);
        learnt = v.length;
      }
      return texts.map((t) => vectors.get(t)!);
    },
  };
}
