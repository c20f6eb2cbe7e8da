import type { Db } from './db.js';
import type { RoundStatus } from './rounds.js';

/** Read-only aggregates for the dashboard's rounds page: one overview per round, live from the tables. */

export interface Counted {
  total: number;
  accepted: number;
}

export interface UsageSums {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  cost: number;
}

export interface RoundOverview {
  id: number;
  status: RoundStatus;
  startedAt: string | null;
  finishedAt: string | null;
  report: unknown;
  samples: { total: number; byStatus: Record<string, number> };
  checkers: Record<string, { judged: number; passed: number }>;
  repairs: Counted;
  /** Expanded samples by their depth (2, 3). */
  expansions: Record<number, Counted>;
  robustness: Counted;
  newKnowledge: number;
  newTools: number;
  usage: UsageSums;
}

const emptyCounted = (): Counted => ({ total: 0, accepted: 0 });

function byRound<T extends { round: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) out.set(r.round, [...(out.get(r.round) ?? []), r]);
  return out;
}

export function roundOverviews(db: Db): RoundOverview[] {
  const rounds = db
    .prepare<[], { id: number; status: RoundStatus; started_at: string | null; finished_at: string | null; report_json: string | null }>(
      'SELECT id, status, started_at, finished_at, report_json FROM rounds ORDER BY id',
    )
    .all();
  const groups = byRound(
    db
      .prepare<[], { round: number; kind: string; depth: number; status: string; n: number }>(
        'SELECT round, kind, depth, status, count(*) n FROM samples GROUP BY round, kind, depth, status',
      )
      .all(),
  );
  const checkers = byRound(
    db
      .prepare<[], { round: number; checker: string; judged: number; passed: number }>(
        // Driven from the samples' (round, id) index so the large sample rows are never read.
        `SELECT s.round, v.checker, count(*) judged, sum(v.pass) passed FROM samples s CROSS JOIN verdicts v ON v.sample_id = s.id
         GROUP BY s.round, v.checker ORDER BY v.checker`,
      )
      .all(),
  );
  const added = (table: 'knowledge_nodes' | 'tools') =>
    new Map(
      db
        .prepare<[], { round: number; n: number }>(`SELECT round_added round, count(*) n FROM ${table} GROUP BY round_added`)
        .all()
        .map((r) => [r.round, r.n]),
    );
  const nodes = added('knowledge_nodes');
  const tools = added('tools');
  const usage = new Map(
    db
      .prepare<[], UsageSums & { round: number }>(
        `SELECT round, count(*) calls, sum(prompt_tokens) promptTokens, sum(completion_tokens) completionTokens, sum(cost) cost
         FROM llm_usage WHERE round IS NOT NULL GROUP BY round`,
      )
      .all()
      .map(({ round, ...u }) => [round, u]),
  );

  return rounds.map((r) => {
    const o: RoundOverview = {
      id: r.id,
      status: r.status,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      report: r.report_json === null ? null : (JSON.parse(r.report_json) as unknown),
      samples: { total: 0, byStatus: {} },
      checkers: Object.fromEntries((checkers.get(r.id) ?? []).map((c) => [c.checker, { judged: c.judged, passed: c.passed }])),
      repairs: emptyCounted(),
      expansions: {},
      robustness: emptyCounted(),
      newKnowledge: nodes.get(r.id) ?? 0,
      newTools: tools.get(r.id) ?? 0,
      usage: usage.get(r.id) ?? { calls: 0, promptTokens: 0, completionTokens: 0, cost: 0 },
    };
    for (const g of groups.get(r.id) ?? []) {
      o.samples.total += g.n;
      o.samples.byStatus[g.status] = (o.samples.byStatus[g.status] ?? 0) + g.n;
      const bucket = g.kind === 'repaired' ? o.repairs : g.kind === 'robustness' ? o.robustness : g.kind === 'expanded' ? (o.expansions[g.depth] ??= emptyCounted()) : undefined;
      if (!bucket) continue;
      bucket.total += g.n;
      if (g.status === 'accepted') bucket.accepted += g.n;
    }
    return o;
  });
}
