import type { Services } from './services.js';
import { cachedEmbedder, createOfflineEmbedder, createOfflineNamer, type ClusterNamer, type Embedder } from '../../knowledge/index.js';

/**
 * The embedder and namer of the end-of-round evolve step: the `embedder` and `normaliser` endpoints
 * when configured, else the offline hashed n-gram embeddings and central-member naming. Vectors are
 * cached per text, except an endpoint's under `--no-cache`.
 */
export async function createEvolveDeps(s: Services): Promise<{ embedder: Embedder; namer: ClusterNamer; outputDir: string }> {
  const roles = await s.roles();
  const inner = roles.embedder ?? createOfflineEmbedder(s.config.knowledge);
  return {
    embedder: roles.embedder && !s.config.llm.cache ? inner : cachedEmbedder(s.db(), inner),
    namer: roles.normaliser ?? createOfflineNamer(),
    outputDir: s.config.outputDir,
  };
}
