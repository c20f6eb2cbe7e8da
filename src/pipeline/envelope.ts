import type { Draft } from '../schemas/draft.js';
import type { SampleKind } from '../schemas/sample.js';
import type { RenderOutput, SampleEnvelope, UsageNote } from './payloads.js';
import type { Roles } from './roles/types.js';

/** A new base sample straight from the author. */
export function baseEnvelope(id: string, round: number, draft: Draft, roles: Roles, calls: UsageNote[], promptVersion: string): SampleEnvelope {
  return {
    id,
    round,
    parentId: null,
    rootId: id,
    kind: 'base',
    depth: 1,
    draft,
    codeAttempts: 0,
    repairAttempts: 0,
    recovery: [],
    calls,
    provider: roles.provider,
    models: roles.models,
    promptVersions: { author: promptVersion },
  };
}

/** A child sample (repaired, expanded, robustness) that records its parent. */
export function childEnvelope(
  parent: SampleEnvelope,
  id: string,
  kind: SampleKind,
  draft: Draft,
  opts: { calls: UsageNote[]; role: string; promptVersion: string; base?: RenderOutput },
): SampleEnvelope {
  const child: SampleEnvelope = {
    ...parent,
    id,
    parentId: parent.id,
    kind,
    depth: kind === 'expanded' ? parent.depth + 1 : parent.depth,
    draft,
    codeAttempts: 0,
    repairAttempts: kind === 'repaired' ? parent.repairAttempts + 1 : 0,
    recovery: [],
    calls: opts.calls,
    promptVersions: { ...parent.promptVersions, [opts.role]: opts.promptVersion },
  };
  delete child.base;
  if (opts.base) child.base = opts.base;
  return child;
}

/** Splits one call's usage over the n samples it produced (token remainders go to the first). */
export function splitUsage(call: UsageNote, n: number): UsageNote[] {
  const share = (v: number, i: number) => Math.floor(v / n) + (i === 0 ? v % n : 0);
  return Array.from({ length: n }, (_, i) => ({
    ...call,
    share: (call.share ?? 1) / n,
    usage: {
      promptTokens: share(call.usage.promptTokens, i),
      completionTokens: share(call.usage.completionTokens, i),
      cost: call.usage.cost / n,
    },
  }));
}
