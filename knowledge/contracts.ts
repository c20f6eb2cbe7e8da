/**
 * What the knowledge system needs from the model layer. Offline implementations live in knowledge/;
 * OpenAI-compatible ones (the `embedder` and `normaliser` roles) in src/pipeline/roles/llm/.
 */

/** Turns texts into fixed-dimension, L2-normalised vectors. */
export interface Embedder {
  /** Identifies the vectors' space (e.g. `offline-ngram-v1/256` or `openai:text-embedding-3-small`); part of the cache key. */
  readonly model: string;
  readonly dim: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Names a new intermediate node that groups sibling knowledge points (or tools). */
export interface ClusterNamer {
  readonly model: string;
  name(members: readonly string[], parentPath: readonly string[]): Promise<string>;
}
