import type { Embedder } from '../contracts.js';

/** Embeds each distinct text once per evolve step. */
export class VectorMemo {
  private readonly memo = new Map<string, Float32Array>();

  constructor(private readonly embedder: Embedder) {}

  async get(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((t) => !this.memo.has(t)))];
    if (missing.length) {
      const vectors = await this.embedder.embed(missing);
      if (vectors.length !== missing.length) throw new Error(`embedder ${this.embedder.model} returned ${vectors.length} vectors for ${missing.length} texts`);
      missing.forEach((t, i) => this.memo.set(t, vectors[i]!));
    }
    return texts.map((t) => this.memo.get(t)!);
  }
}
