import type { Services } from './services.js';
import { cachedEmbedder, createOfflineEmbedder, createOfflineNamer, type ClusterNamer, type Embedder } from '../../knowledge/index.js';

/**
 * The embedder and namer of the end-of-round evolve step: the `embedder` and `normaliser` endpoints
 * when configured, else the offline hashed n-gram embeddings (cached per text) and central-member naming.
 */
export async function createEvolveDeps(s: Services): Promise<{ embedder: Embedder; namer: ClusterNamer; outputDir: string }> {
  const roles = await s.roles();
  return {
    embedder: roles.embedder ?? cachedEmbedder(s.db(), createOfflineEmbedder(s.config.knowledge)),
    namer: roles.normaliser ?? createOfflineNamer(),
    outputDir: s.config.outputDir,
  };
}
