import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

/**
 * Knowledge and tool candidates proposed by accepted samples. The store stage inserts them (raw, inside
 * its own transaction); the end-of-round evolve step resolves each one to a node or tool, or rejects it
 * with a reason. Resolved rows are the provenance of the tree: which samples proposed a node, in which round.
 */

export type CandidateKind = 'knowledge' | 'tool';
export type CandidateStatus = 'pending' | 'added' | 'merged' | 'rejected';

export interface CandidateInput {
  round: number;
  kind: CandidateKind;
  name: string;
  path?: string[];
  description?: string;
  sampleId: string;
}

export interface Candidate {
  id: number;
  round: number;
  kind: CandidateKind;
  name: string;
  path: string[] | null;
  description: string | null;
  sampleId: string | null;
  status: CandidateStatus;
  nodeId: string | null;
  reason: string | null;
  note: string | null;
}

interface CandidateRow {
  id: number;
  round: number;
  kind: CandidateKind;
  name: string;
  path_json: string | null;
  description: string | null;
  sample_id: string | null;
  status: CandidateStatus;
  node_id: string | null;
  reason: string | null;
  note: string | null;
}

function toCandidate(r: CandidateRow): Candidate {
  return {
    id: r.id,
    round: r.round,
    kind: r.kind,
    name: r.name,
    path: r.path_json === null ? null : (JSON.parse(r.path_json) as string[]),
    description: r.description,
    sampleId: r.sample_id,
    status: r.status,
    nodeId: r.node_id,
    reason: r.reason,
    note: r.note,
  };
}

type InsertArgs = [number, CandidateKind, string, string | null, string | null, string, string];
const inserts = new WeakMap<Db, Statement<InsertArgs>>();

/** Inserts pending candidates. Insert-only and without its own transaction: the store stage wraps it in its own. */
export function addCandidates(db: Db, rows: readonly CandidateInput[]): void {
  let stmt = inserts.get(db);
  if (!stmt) {
    stmt = db.prepare<InsertArgs>(
      `INSERT INTO knowledge_candidates (round, kind, name, path_json, description, sample_id, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`,
    );
    inserts.set(db, stmt);
  }
  const now = new Date().toISOString();
  for (const r of rows) stmt.run(r.round, r.kind, r.name, r.path ? JSON.stringify(r.path) : null, r.description ?? null, r.sampleId, now);
}

export function pendingCandidates(db: Db, round: number): Candidate[] {
  return db
    .prepare<[number], CandidateRow>("SELECT * FROM knowledge_candidates WHERE round = ? AND status = 'pending' ORDER BY id")
    .all(round)
    .map(toCandidate);
}

export function listCandidates(db: Db, filter: { round?: number; nodeId?: string } = {}): Candidate[] {
  return db
    .prepare<unknown[], CandidateRow>(
      `SELECT * FROM knowledge_candidates WHERE (@round IS NULL OR round = @round) AND (@nodeId IS NULL OR node_id = @nodeId) ORDER BY id`,
    )
    .all({ round: filter.round ?? null, nodeId: filter.nodeId ?? null })
    .map(toCandidate);
}

export interface CandidateResolution {
  id: number;
  status: Exclude<CandidateStatus, 'pending'>;
  nodeId: string | null;
  reason: string | null;
  note: string | null;
}

/** Records how candidates were resolved. No own transaction: evolve writes the whole round in one. */
export function resolveCandidates(db: Db, rows: readonly CandidateResolution[]): void {
  const stmt = db.prepare("UPDATE knowledge_candidates SET status = ?, node_id = ?, reason = ?, note = ? WHERE id = ? AND status = 'pending'");
  for (const r of rows) {
    if (stmt.run(r.status, r.nodeId, r.reason, r.note, r.id).changes !== 1) {
      throw new Error(`candidate ${r.id} is no longer pending (another process resolved it)`);
    }
  }
}

/** Accepted samples per knowledge node (distinct samples whose candidates resolved to it). */
export function acceptedSamplesByNode(db: Db): Map<string, number> {
  const rows = db
    .prepare<[], { node_id: string; n: number }>(
      `SELECT node_id, count(DISTINCT sample_id) n FROM knowledge_candidates
       WHERE kind = 'knowledge' AND status IN ('added','merged') AND node_id IS NOT NULL GROUP BY node_id`,
    )
    .all();
  return new Map(rows.map((r) => [r.node_id, r.n]));
}

/** Accepted samples per domain of the nodes their knowledge candidates resolved to (a sample counts once per domain). */
export function acceptedSamplesByDomain(db: Db, round?: number): Record<string, number> {
  const out: Record<string, number> = {};
  const rows = db
    .prepare<unknown[], { domain: string; n: number }>(
      `SELECT n.domain, count(DISTINCT c.sample_id) n FROM knowledge_candidates c JOIN knowledge_nodes n ON n.id = c.node_id
       WHERE c.kind = 'knowledge' AND c.status IN ('added','merged') AND (@round IS NULL OR c.round = @round)
       GROUP BY n.domain ORDER BY n.domain`,
    )
    .all({ round: round ?? null });
  for (const r of rows) out[r.domain] = r.n;
  return out;
}
