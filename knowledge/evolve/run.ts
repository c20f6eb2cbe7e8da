import fs from 'node:fs';
import path from 'node:path';
import type { ClusterNamer, Embedder } from '../contracts.js';
import type { KnowledgeSettings } from '../../src/config/sections/knowledge.js';
import type { Db } from '../../src/store/db.js';
import { acceptedSamplesByDomain, pendingCandidates, resolveCandidates, type CandidateResolution } from '../../src/store/candidates.js';
import { getGrowthReport, saveGrowthReport } from '../../src/store/growth.js';
import { countNodes, upsertPoints } from '../../src/store/knowledge.js';
import { leafCoverage } from '../../src/store/knowledge-stats.js';
import { countTools, listTools, upsertTools } from '../../src/store/tools.js';
import { rate, REPORT_EXAMPLES, type CandidateExample, type GrowthReport } from '../report.js';
import { cleanCandidate, proposed } from './clean.js';
import { evolveKnowledge, type KnowledgeCandidate } from './knowledge-step.js';
import { evolveTools, type ToolCandidate } from './tools.js';
import { KnowledgeTree } from './tree.js';
import { VectorMemo } from './vectors.js';

export interface EvolveOptions {
  round: number;
  embedder: Embedder;
  namer: ClusterNamer;
  settings: KnowledgeSettings;
  /** Where reports/growth-round-N.json goes; defaults to the database's folder (the output folder). */
  outputDir?: string;
}

export function growthReportFile(outputDir: string, round: number): string {
  return path.join(outputDir, 'reports', `growth-round-${round}.json`);
}

function writeReportFile(db: Db, opts: EvolveOptions, report: GrowthReport): void {
  const dir = opts.outputDir ?? (db.memory ? undefined : path.dirname(db.name));
  if (!dir) return;
  const file = growthReportFile(dir, opts.round);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(report, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

const counts = (db: Db) => `${countNodes(db).total}/${countTools(db).total}`;

/**
 * The end-of-round evolve step: folds the round's pending candidates into the knowledge tree and the
 * tool set and reports the growth. Embeddings and names are computed first (they may call a model);
 * then everything (nodes, tools, candidate outcomes, the report) is written in ONE transaction, so a
 * failure at any point leaves the tree as it was and the candidates pending. Running it again for a
 * round already evolved returns the stored report.
 */
export async function evolve(db: Db, opts: EvolveOptions): Promise<GrowthReport> {
  const started = Date.now();
  const { round, settings } = opts;
  const pending = pendingCandidates(db, round);
  const stored = getGrowthReport(db, round) as GrowthReport | undefined;
  if (stored && pending.length === 0) {
    writeReportFile(db, opts, stored);
    return stored;
  }
  const snapshot = counts(db);
  const before = countNodes(db);
  const toolsBefore = countTools(db).total;
  const tree = KnowledgeTree.load(db);
  const vectors = new VectorMemo(opts.embedder);

  const rejected: CandidateExample[] = [];
  const knowledge: KnowledgeCandidate[] = [];
  const tools: ToolCandidate[] = [];
  for (const c of pending) {
    const r = cleanCandidate(c);
    if (!r.ok) rejected.push({ candidate: c.id, kind: c.kind, proposed: proposed(c), code: r.code, detail: r.detail });
    else if (r.kind === 'knowledge') knowledge.push({ id: c.id, segments: r.segments, ...(r.description ? { description: r.description } : {}) });
    else tools.push({ id: c.id, name: r.name, ...(r.description ? { description: r.description } : {}) });
  }
  const k = await evolveKnowledge(tree, knowledge, vectors, opts.namer, settings, round);
  const t = await evolveTools(listTools(db), tools, vectors, settings.toolMergeThreshold, round);
  const byId = new Map(pending.map((c) => [c.id, c]));
  for (const r of k.rejected) {
    const c = byId.get(r.candidate)!;
    rejected.push({ candidate: c.id, kind: c.kind, proposed: proposed(c), code: r.code, detail: r.detail });
  }

  const resolutions: CandidateResolution[] = [
    ...rejected.map((r) => ({ id: r.candidate, status: 'rejected' as const, nodeId: null, reason: `${r.code}: ${r.detail}`, note: null })),
    ...k.resolutions,
    ...t.resolutions,
  ];
  const repairExamples: CandidateExample[] = k.repairs.flatMap((r) =>
    r.repairs.map((x) => ({ candidate: r.candidate, kind: 'knowledge' as const, proposed: proposed(byId.get(r.candidate)!), code: x.code, detail: x.detail })),
  );

  const report = db.transaction((): GrowthReport => {
    if (counts(db) !== snapshot) throw new Error('the knowledge tree changed while evolve was computing; run it again');
    upsertPoints(db, k.points);
    upsertTools(db, t.writes);
    resolveCandidates(db, resolutions);
    const added = k.resolutions.filter((r) => r.status === 'added').length + t.resolutions.filter((r) => r.status === 'added').length;
    const merged = k.merged + t.merged;
    const coverage = leafCoverage(db);
    const toolsAfter = countTools(db).total;
    const built: GrowthReport = {
      round,
      embedder: opts.embedder.model,
      namer: opts.namer.model,
      durationMs: 0,
      candidates: {
        total: pending.length,
        knowledge: pending.filter((c) => c.kind === 'knowledge').length,
        tools: pending.filter((c) => c.kind === 'tool').length,
        added,
        merged,
        rejected: rejected.length,
        repaired: k.repairs.length,
        mergeRate: rate(merged, added + merged),
      },
      rejected: { byReason: countBy(rejected), examples: rejected.slice(0, REPORT_EXAMPLES) },
      repaired: { byReason: countBy(repairExamples), examples: repairExamples.slice(0, REPORT_EXAMPLES) },
      knowledge: {
        added: k.added,
        newPoints: k.newPoints,
        newIntermediate: k.newIntermediate,
        newDomains: k.newDomains,
        merged: k.merged,
        mergeRate: rate(k.merged, k.resolutions.length),
        namerFallbacks: k.namerFallbacks,
        ...(k.namerError !== undefined ? { namerError: k.namerError } : {}),
        examples: k.newPointIds.slice(0, REPORT_EXAMPLES),
        before,
        after: countNodes(db),
      },
      tools: {
        added: t.added.length,
        merged: t.merged,
        mergeRate: rate(t.merged, t.resolutions.length),
        before: toolsBefore,
        after: toolsAfter,
        examples: t.added.slice(0, REPORT_EXAMPLES),
      },
      acceptedSamples: { round: acceptedSamplesByDomain(db, round), total: acceptedSamplesByDomain(db) },
      coverage: { ...coverage, share: rate(coverage.covered, coverage.leaves) },
    };
    built.durationMs = Date.now() - started;
    saveGrowthReport(db, round, built);
    return built;
  })();
  writeReportFile(db, opts, report);
  return report;
}

function countBy(items: readonly { code: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i.code] = (out[i.code] ?? 0) + 1;
  return out;
}
