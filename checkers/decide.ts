import type { Verdict } from '../src/schemas/verdict.js';
import type { RuleOutcome } from './rules.js';

export type Decision = 'accept' | 'repair' | 'reject';

/**
 * The paper's calibration: keep a sample only if every checker passes; when both image checks pass
 * but question/answer fails, the repairer gets a chance; anything else is rejected.
 */
export function decide(rules: RuleOutcome, judges: readonly Verdict[]): Decision {
  const by = (name: Verdict['checker']) => judges.find((v) => v.checker === name);
  const imagesOk = by('image-validity')?.pass === true && by('interaction-consistency')?.pass === true;
  const qaOk = by('qa-correctness')?.pass === true;
  if (rules.verdict.pass && imagesOk && qaOk) return 'accept';
  const rulesAllowRepair = rules.verdict.pass || rules.qaOnly;
  if (imagesOk && rulesAllowRepair && (!qaOk || !rules.verdict.pass)) return 'repair';
  return 'reject';
}
