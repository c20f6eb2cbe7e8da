import type { Config } from '../../config/schema.js';
import type { Roles } from './types.js';
import { OfflineAuthor } from '../../offline/author.js';
import { expandOffline } from '../../offline/expander.js';
import { repairOffline } from '../../offline/repairer.js';
import { BLUEPRINTS } from '../../offline/blueprints/index.js';
import { judgeQaOffline } from '../../../checkers/offline/qa-correctness.js';
import { judgeImageOffline } from '../../../checkers/offline/image-validity.js';
import { judgeInteractionOffline } from '../../../checkers/offline/interaction-consistency.js';

const OFFLINE_VERSIONS = { author: 'offline-blueprints-1', checker: 'offline-rules-1', repairer: 'offline-rebuild-1', expander: 'offline-blueprints-1' };

export type OfflineRoles = Pick<Roles, 'author' | 'judges' | 'repairer' | 'expander'>;

/** The embedded roles used when no endpoint is configured: blueprint author and expander, rule-based judges. */
export function createOfflineRoles(config: Config): OfflineRoles {
  const author = new OfflineAuthor(BLUEPRINTS, config.pipeline.offlineFlawRate);
  const judged = (verdict: Awaited<ReturnType<Roles['judges']['qa']>>['verdict']) => ({ verdict, calls: [], promptVersion: OFFLINE_VERSIONS.checker });
  return {
    author: {
      generate: async (item, count, seed) => ({ drafts: author.generate(item, count, seed), rejected: [], calls: [], promptVersion: OFFLINE_VERSIONS.author }),
      fixCode: async (draft, failure) => ({ draft: author.fixCode(draft, failure), calls: [], promptVersion: OFFLINE_VERSIONS.author }),
    },
    judges: {
      qa: async (input) => judged(judgeQaOffline(input.draft)),
      image: async (input) => judged(judgeImageOffline(input.draft, input.render)),
      interaction: async (input) => judged(judgeInteractionOffline(input.draft, input.render)),
    },
    repairer: { repair: async (draft) => ({ draft: repairOffline(draft), calls: [], promptVersion: OFFLINE_VERSIONS.repairer }) },
    expander: { expand: async (draft, mode, seed) => ({ draft: expandOffline(draft, mode, seed), calls: [], promptVersion: OFFLINE_VERSIONS.expander }) },
  };
}
