import { z } from 'zod';

const Concurrency = z
  .object({
    /** A quarter more than the default LLM concurrency (16), so a job's bookkeeping never leaves a model slot idle. */
    generate: z.number().int().min(1).max(1024).default(20),
    render: z.number().int().min(1).max(1024).default(16),
    check: z.number().int().min(1).max(1024).default(16),
    repair: z.number().int().min(1).max(1024).default(8),
    expand: z.number().int().min(1).max(1024).default(8),
    store: z.number().int().min(1).max(64).default(4),
  })
  .strict();

export const PipelineSettings = z
  .object({
    rounds: z.number().int().min(1).default(1),
    /** Author calls planned per round (each returns `problemsPerCall` problems). */
    perRound: z.number().int().min(1).default(16),
    problemsPerCall: z.number().int().min(1).max(6).default(3),
    seed: z.number().int().default(1),
    passThreshold: z.number().int().min(0).max(10).default(7),
    repairAttempts: z.number().int().min(0).max(5).default(2),
    codeRepairAttempts: z.number().int().min(0).max(5).default(2),
    maxDepth: z.number().int().min(1).max(3).default(3),
    expand: z.boolean().default(true),
    parallelShare: z.number().min(0).max(1).default(0.5),
    toolDrivenShare: z.number().min(0).max(1).default(0.3),
    /** Share of accepted samples that also get a CodeVision-style robustness copy (pre-rotated/flipped input). */
    robustnessShare: z.number().min(0).max(1).default(0.1),
    /** Share of offline-authored drafts given a typical authoring defect, so repair and code repair run offline too. */
    offlineFlawRate: z.number().min(0).max(1).default(0.15),
    concurrency: Concurrency.default(() => Concurrency.parse({})),
    /** BullMQ retries of a job whose processor threw (LLM outages, a crashed page). */
    jobAttempts: z.number().int().min(1).max(20).default(3),
    /** How long a worker may hold a job without renewing its lock before another worker takes it over. */
    lockDurationMs: z.number().int().min(1000).default(30_000),
    /** Redis key prefix for queues and round bookkeeping. */
    queuePrefix: z.string().regex(/^[A-Za-z0-9_-]+$/).default('flywheel'),
  })
  .strict();
export type PipelineSettings = z.infer<typeof PipelineSettings>;
