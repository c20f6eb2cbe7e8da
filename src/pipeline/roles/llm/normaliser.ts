import type { ClusterNamer } from '../../../../knowledge/contracts.js';
import { loadPrompt } from '../../../llm/prompts.js';
import { structured } from '../../../llm/structured.js';
import type { UsageNote } from '../../payloads.js';
import type { RoleContext } from './context.js';
import { checkWith } from './draft-check.js';
import { pathText } from './describe.js';
import { NameReply, nameJsonSchema } from './replies.js';

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Names a new intermediate node from its members and parent path. Calls happen outside any sample, so
 * their usage is handed to `record` (which writes it to the store for the current round).
 */
export function llmNormaliser({ client, endpoint }: RoleContext, opts: { round: () => number | null; record: (calls: UsageNote[]) => void }): ClusterNamer {
  const prompt = loadPrompt('normaliser');
  const system = prompt.render('system', { outputSchema: JSON.stringify(nameJsonSchema) });
  const reply = checkWith(NameReply);
  return {
    model: endpoint.model,
    async name(members, parentPath) {
      const taken = new Set([...members, ...parentPath.slice(-1)].map(norm));
      const round = opts.round();
      const { value, calls } = await structured(client, {
        endpoint,
        system,
        user: prompt.render('user', { parentPath: parentPath.length ? pathText(parentPath) : '(root)', members: members.map((m) => `- ${m}`).join('\n') }),
        schemaName: 'node_name',
        jsonSchema: nameJsonSchema,
        check: (v) => {
          const r = reply(v);
          if (r.ok && taken.has(norm(r.value.name))) return { ok: false, reason: 'schema', message: `"${r.value.name}" repeats a member or the parent; name the shared concept` };
          return r;
        },
        version: prompt.id,
        ...(round === null ? {} : { round }),
        generation: false,
      }).catch((err: { calls?: UsageNote[] }) => {
        if (err.calls?.length) opts.record(err.calls);
        throw err;
      });
      opts.record(calls);
      return value.name;
    },
  };
}
