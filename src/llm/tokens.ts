/** Rough token count of a text, about 4 characters per token: for prompt budgets and endpoints that report no usage. */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}
