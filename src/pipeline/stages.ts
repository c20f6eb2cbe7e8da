/** The pipeline's stages; each is one BullMQ queue with one processor file in workers/. */
export const STAGES = ['generate', 'render', 'check', 'repair', 'expand', 'store'] as const;
export type Stage = (typeof STAGES)[number];

export function isStage(s: string): s is Stage {
  return (STAGES as readonly string[]).includes(s);
}

/**
 * Deterministic job ids: derived from the round, the plan item and the parent sample, so a retry or a
 * re-run adds nothing twice (BullMQ ignores an add whose id exists). Ids never contain ':'.
 */
export const jobIds = {
  generate: (round: number, item: number) => `r${round}-g${item}`,
  fixCode: (sampleId: string, attempt: number) => `fix-${sampleId}-a${attempt}`,
  render: (sampleId: string, attempt: number) => `render-${sampleId}-a${attempt}`,
  check: (sampleId: string, attempt: number) => `check-${sampleId}-a${attempt}`,
  repair: (sampleId: string) => `repair-${sampleId}`,
  expand: (sampleId: string) => `expand-${sampleId}`,
  store: (sampleId: string) => `store-${sampleId}`,
  storeFailure: (unitId: string) => `store-fail-${unitId}`,
};

/** Sample ids: base samples from their generate unit, children from their parent. */
export const sampleIds = {
  base: (generateId: string, k: number) => `${generateId}-p${k}`,
  repaired: (parentId: string) => `${parentId}-r`,
  expanded: (parentId: string, mode: 'parallel' | 'sequential') => `${parentId}-x${mode === 'parallel' ? 'p' : 's'}`,
  robustness: (parentId: string, transform: string) => `${parentId}-t${transform}`,
};
