import type { Services } from './services.js';
import type { StageHandler } from './processor.js';
import type { Stage } from './stages.js';
import { generateHandler } from '../../workers/generate.js';
import { renderHandler } from '../../workers/render.js';
import { checkHandler } from '../../workers/check.js';
import { repairHandler } from '../../workers/repair.js';
import { expandHandler } from '../../workers/expand.js';
import { storeHandler } from '../../workers/store.js';

type AnyHandler = StageHandler<{ round: number }>;

/** The processor of each stage's queue (one file per queue in workers/). */
export function stageHandler(stage: Stage, s: Services): AnyHandler {
  const make = { generate: generateHandler, render: renderHandler, check: checkHandler, repair: repairHandler, expand: expandHandler, store: storeHandler }[stage];
  return make(s) as unknown as AnyHandler;
}
