import type { Services } from './services.js';
import { enqueue } from './enqueue.js';
import { pendingJobs } from './queues.js';
import { reconcileRound } from './reconcile.js';
import { jobIds } from './stages.js';
import { PlanItem } from './payloads.js';
import type { StageProgress } from './tracking.js';
import { FlywheelError } from '../errors.js';
import { maskSecrets } from '../config/mask.js';
import { ensureRound, getRound, latestRound, setRoundProgress, setRoundReport, setRoundStatus } from '../store/rounds.js';
import { planRound } from '../../knowledge/index.js';
import { finishRound, type RoundReport } from './finish-round.js';

export interface RoundProgress {
  round: number;
  open: number;
  stages: Record<string, StageProgress>;
  elapsedMs: number;
}

export interface RunOptions {
  rounds: number;
  resume: boolean;
  /** Called about four times a second while a round runs. */
  onProgress?: (p: RoundProgress) => void;
  /** Aborting stops after the current poll: the round is left 'interrupted' and resumable. */
  signal?: AbortSignal;
}

const POLL_MS = 250;
const IDLE_POLLS_BEFORE_RECONCILE = 4;
const PROGRESS_SAVE_MS = 2000;

/** Waits `ms`, or less when the signal aborts; leaves no listener behind. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function roundSeed(base: number, round: number): number {
  return (base * 1_000_003 + round * 7919) % 2_147_483_647;
}

/** Plans the round (or reuses its stored plan) and enqueues its generate jobs once. */
async function startRound(s: Services, round: number): Promise<void> {
  const db = s.db();
  const p = s.config.pipeline;
  const seed = roundSeed(p.seed, round);
  const existing = getRound(db, round);
  const plan = existing
    ? PlanItem.array().parse(existing.plan)
    : planRound(db, { round, seed, perRound: p.perRound, toolDrivenShare: p.toolDrivenShare });
  ensureRound(db, round, seed, plan, maskSecrets(s.config));
  if (!(await s.tracker.isPlanned(round))) {
    await enqueue(
      s.queues,
      s.tracker,
      plan.map((item, i) => ({ stage: 'generate' as const, id: jobIds.generate(round, i), data: { kind: 'plan', round, unitId: jobIds.generate(round, i), item, seed: seed + i } })),
    );
    await s.tracker.markPlanned(round);
  }
  setRoundStatus(db, round, 'running');
}

async function waitForRound(s: Services, round: number, opts: RunOptions): Promise<'done' | 'interrupted'> {
  const started = Date.now();
  let idle = 0;
  let saved = 0;
  for (;;) {
    const open = await s.tracker.openCount(round);
    const stages = await s.tracker.progress(round);
    await s.incidents.drain(s.db());
    opts.onProgress?.({ round, open, stages, elapsedMs: Date.now() - started });
    if (open === 0 || Date.now() - saved >= PROGRESS_SAVE_MS) {
      setRoundProgress(s.db(), round, stages);
      saved = Date.now();
    }
    if (open === 0) return 'done';
    if (opts.signal?.aborted) return 'interrupted';
    idle = (await pendingJobs(s.queues)) === 0 ? idle + 1 : 0;
    if (idle >= IDLE_POLLS_BEFORE_RECONCILE) {
      const settled = await reconcileRound(s, round);
      if (settled > 0) s.log(`round ${round}: settled ${settled} job(s) that no worker will finish`);
      idle = 0;
    }
    await pause(POLL_MS, opts.signal);
  }
}

/**
 * Runs rounds one after another: plan → generate/render/check/repair/expand/store (by the workers)
 * → wait until every job of the round is settled → evolve the knowledge system → round report.
 */
export async function runRounds(s: Services, opts: RunOptions): Promise<RoundReport[]> {
  const db = s.db();
  const reports: RoundReport[] = [];
  const last = latestRound(db);
  const unfinished = last && last.status !== 'done' ? last : undefined;
  if (unfinished && !opts.resume) {
    throw new FlywheelError(`round ${unfinished.id} is unfinished (${unfinished.status})`, {
      fix: 'continue it with `flywheel run --resume`',
    });
  }
  let round = unfinished ? unfinished.id : (last?.id ?? 0) + 1;
  for (let n = 0; n < opts.rounds; n++, round++) {
    if (opts.signal?.aborted) break;
    s.currentRound = round;
    await startRound(s, round);
    const outcome = await waitForRound(s, round, opts);
    if (outcome === 'interrupted') {
      setRoundStatus(db, round, 'interrupted');
      break;
    }
    setRoundStatus(db, round, 'evolving');
    const report = await finishRound(s, round);
    await s.incidents.drain(db);
    setRoundReport(db, round, report);
    setRoundStatus(db, round, 'done');
    await s.tracker.forget(round);
    await s.images.dropRound(round);
    reports.push(report);
  }
  return reports;
}
