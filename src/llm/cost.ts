import type { LlmSettings } from '../config/sections/llm.js';

/** USD for one call, from `llm.prices[model]` (USD per million tokens); 0 for models without a price. */
export function costOf(prices: LlmSettings['prices'], model: string, promptTokens: number, completionTokens: number): number {
  const p = prices[model];
  if (!p) return 0;
  return (promptTokens * p.inputPerMTok + completionTokens * p.outputPerMTok) / 1_000_000;
}
