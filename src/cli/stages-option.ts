import { FlywheelError } from '../errors.js';
import { isStage, STAGES, type Stage } from '../pipeline/stages.js';

/** Parses `--stages render,check` into known stage names. */
export function parseStages(value: string | undefined): Stage[] {
  if (!value) return [...STAGES];
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((s) => !isStage(s));
  if (bad.length || list.length === 0) {
    throw new FlywheelError(`unknown stage(s): ${bad.join(', ') || '(none given)'}`, { where: 'flag --stages', fix: `choose from ${STAGES.join(', ')}` });
  }
  return [...new Set(list)] as Stage[];
}
