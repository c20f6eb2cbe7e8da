import type { StageHandler } from '../src/pipeline/processor.js';
import type { Services } from '../src/pipeline/services.js';
import { StoreData, type SampleEnvelope, type RenderOutput } from '../src/pipeline/payloads.js';
import type { Sample } from '../src/schemas/sample.js';
import type { Verdict } from '../src/schemas/verdict.js';
import { saveSamples } from '../src/store/samples.js';
import { recordFailures } from '../src/store/failures.js';
import { hasImage, putImage } from '../src/store/images.js';
import { addToolUses } from '../src/store/tools.js';
import { recordUsage } from '../src/store/usage.js';
import { addCandidates } from '../src/store/candidates.js';
import { jobProcessed, markJobProcessed } from '../src/store/processed-jobs.js';

function toSample(env: SampleEnvelope, status: Sample['status'], verdicts: Verdict[], render: RenderOutput | null): Sample {
  const usage = env.calls.reduce(
    (acc, c) => ({
      promptTokens: acc.promptTokens + c.usage.promptTokens,
      completionTokens: acc.completionTokens + c.usage.completionTokens,
      cost: acc.cost + c.usage.cost,
    }),
    { promptTokens: 0, completionTokens: 0, cost: 0 },
  );
  return {
    id: env.id,
    round: env.round,
    parentId: env.parentId,
    kind: env.kind,
    depth: env.depth,
    draft: env.draft,
    images: render ? { original: render.original, edited: render.steps } : null,
    elements: render?.elements ?? [],
    verdicts,
    status,
    provenance: { provider: env.provider, models: env.models, promptVersions: env.promptVersions, usage, attempts: env.codeAttempts + 1 },
    recovery: env.recovery,
  };
}

/**
 * store: the single writer of the SQLite file. Images arrive through Redis and are written
 * content-addressed; the sample, its verdicts, lineage, failures, LLM usage and (for accepted samples)
 * the knowledge and tool candidates it proposes are written in one transaction, together with the job
 * id, so a job redelivered after a crash is written exactly once.
 */
export function storeHandler(s: Services): StageHandler<StoreData> {
  return {
    stage: 'store',
    schema: StoreData,
    async run(input, job) {
      let data = input;
      const db = s.db();
      if (jobProcessed(db, job.id!)) return [];
      const out = s.config.outputDir;
      if (data.render) {
        for (const hash of [data.render.original, ...data.render.steps]) {
          if (hasImage(out, hash)) continue;
          const png = await s.images.get(hash);
          if (png) {
            putImage(out, png);
            continue;
          }
          // The bytes expired or Redis lost them: keep the sample, as failed, rather than lose it.
          data = { ...data, status: 'failed', render: null, failures: [...data.failures, { stage: 'store', reason: 'image-lost', message: `image ${hash} was no longer in Redis`, attempt: 1 }] };
          break;
        }
      }
      db.transaction(() => {
        const env = data.sample;
        if (env && data.status) {
          saveSamples(db, [{ ...toSample(env, data.status, data.verdicts, data.render), rootId: env.rootId }]);
          recordUsage(db, env.calls.map((c) => ({ ...c, round: data.round, sampleId: env.id })));
          if (data.status === 'accepted') {
            addToolUses(db, env.draft.tools);
            addCandidates(db, [
              ...env.draft.knowledge.map((path) => ({ round: data.round, kind: 'knowledge' as const, name: path.at(-1)!, path, sampleId: env.id })),
              ...env.draft.tools.map((name) => ({ round: data.round, kind: 'tool' as const, name, description: env.draft.interactions[0]?.description, sampleId: env.id })),
            ]);
          }
        }
        recordFailures(db, data.failures.map((f) => ({ ...f, round: data.round, sampleId: env?.id ?? null, jobId: null })));
        recordUsage(db, data.usage.map((c) => ({ ...c, round: data.round, sampleId: null })));
        markJobProcessed(db, job.id!, data.round);
      })();
      return [];
    },
    onFinalError(data, err) {
      s.log(`store: could not store ${data.sample?.id ?? 'failures'} of round ${data.round}: ${err.message}`);
      return [];
    },
  };
}
