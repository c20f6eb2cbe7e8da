import type { KnowledgeCounts } from '../src/store/knowledge.js';

/** The knowledge tree's totals before and after a round. */
export type TreeTotals = KnowledgeCounts;

/** At most this many examples per list, so a report stays small at any scale; the counts are complete. */
export const REPORT_EXAMPLES = 50;

export interface CandidateExample {
  /** Row id in knowledge_candidates (its sample_id and round are there). */
  candidate: number;
  kind: 'knowledge' | 'tool';
  /** The name (or path, joined with " > ") as the author proposed it. */
  proposed: string;
  /** Rejection or repair code, e.g. "empty-name" or "path-contradicts-tree". */
  code: string;
  detail: string;
}

/**
 * What one evolve step did to the knowledge system. Written to SQLite (growth_reports) and to
 * `reports/growth-round-N.json`, and embedded as `growth` in the round report. JSON-serialisable.
 */
export interface GrowthReport {
  round: number;
  /** Embedder and namer model ids used (e.g. "offline-ngram-v1/256/3f2a9c1d", "offline-central-member"). */
  embedder: string;
  namer: string;
  durationMs: number;
  candidates: {
    /** Pending candidates of the round that were processed, by kind. */
    total: number;
    knowledge: number;
    tools: number;
    /** Candidates that created a new node or tool. */
    added: number;
    /** Candidates that joined an existing node/tool or another candidate's new one (aliases and provenance kept). */
    merged: number;
    rejected: number;
    /** Accepted after a deterministic repair of their path (counted in added or merged too). */
    repaired: number;
    /** merged / (added + merged); 0 when nothing was accepted. */
    mergeRate: number;
  };
  /** Rejected candidates: count per reason code, and the first examples. */
  rejected: { byReason: Record<string, number>; examples: CandidateExample[] };
  /** Repaired candidates: count per repair code (a candidate may have several), and the first examples. */
  repaired: { byReason: Record<string, number>; examples: CandidateExample[] };
  knowledge: {
    /** Nodes created this round (points, new inner path segments, intermediate groups, new domains). */
    added: number;
    /** New leaves: knowledge points proposed by candidates. */
    newPoints: number;
    /** New inner nodes created by clustering new siblings. */
    newIntermediate: number;
    newDomains: string[];
    /** Knowledge candidates merged into existing or same-round nodes. */
    merged: number;
    mergeRate: number;
    /** Intermediate names the namer could not provide (fell back to the most central member's name). */
    namerFallbacks: number;
    namerError?: string;
    /** First new points by path, with their node ids. */
    examples: { id: string; path: string[] }[];
    before: TreeTotals;
    after: TreeTotals;
  };
  tools: {
    added: number;
    merged: number;
    mergeRate: number;
    before: number;
    after: number;
    /** First new tools with the aliases they absorbed. */
    examples: { id: string; name: string; aliases: string[] }[];
  };
  /** Accepted samples per domain (of the nodes their knowledge resolved to; a sample counts once per domain). */
  acceptedSamples: { round: Record<string, number>; total: Record<string, number> };
  /** Share of leaves with at least one accepted sample, after this round. */
  coverage: { leaves: number; covered: number; share: number };
}

export function rate(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
