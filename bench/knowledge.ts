/**
 * Knowledge-system benchmark. Each part runs in its own child process so its peak RSS is its own:
 *   (a) one evolve step: 5,000 candidates into a 25,000-node tree (bar: ≤ 10 s, ≤ 2 GB), with the
 *       embedding cache cold (the tree never embedded) and warm (as after earlier rounds);
 *   (b) a full average-linkage hierarchy of 25,000 points with the O(n²) nearest-neighbour chain over a
 *       Float32 distance matrix (bar: ≤ 60 s), 64-d offline embeddings of the tree's names;
 *   (c) that linkage against ml-hclust agnes on the same 2,000 points: time ratio, and whether the trees
 *       match (same partitions, heights within 1e-5).
 * Prints one JSON line last. Wall times depend on what else runs on the machine; CPU times less so.
 *
 *   npx tsx bench/knowledge.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { agnes } from 'ml-hclust';
import { KnowledgeSettings } from '../src/config/sections/knowledge.js';
import { openDb } from '../src/store/db.js';
import { addCandidates } from '../src/store/candidates.js';
import { upsertPoints } from '../src/store/knowledge.js';
import { upsertTools } from '../src/store/tools.js';
import { loadSeeds } from '../seeds/load.js';
import { cachedEmbedder, createOfflineEmbedder, createOfflineNamer, evolve } from '../knowledge/index.js';
import { averageLinkage, cosineDistanceMatrix } from '../knowledge/cluster/linkage.js';
import { fromMerges, partitions } from '../knowledge/cluster/dendrogram.js';
import { packVectors } from '../knowledge/cluster/tree.js';
import { syntheticCandidates, syntheticTree } from './knowledge-data.js';

const SELF = fileURLToPath(import.meta.url);
const FULL_BUILD_DIM = 64;

type Result = Record<string, unknown>;

function measure<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: Math.round(performance.now() - t), cpuMs: Math.round((used.user + used.system) / 1000) };
}

async function measureAsync<T>(fn: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: Math.round(performance.now() - t), cpuMs: Math.round((used.user + used.system) / 1000) };
}

const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** (a) One evolve step, into a fresh copy of the tree each time. */
async function partEvolve(warm: boolean): Promise<Result> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-knowledge-'));
  try {
    const db = openDb(path.join(dir, 'flywheel.db'));
    const tree = syntheticTree('bench-tree');
    upsertPoints(db, tree.points);
    upsertTools(db, loadSeeds().tools.tools.map((t) => ({ ...t, source: 'seed' as const, roundAdded: 0 })));
    const { rows, mix } = syntheticCandidates(tree, 1, 'bench-candidates');
    addCandidates(db, rows);
    const settings = KnowledgeSettings.parse({});
    const embedder = cachedEmbedder(db, createOfflineEmbedder(settings));
    if (warm) {
      const names = db.prepare<[], { name: string }>('SELECT name FROM knowledge_nodes UNION SELECT name FROM tools').all().map((r) => r.name);
      await embedder.embed(names);
    }
    const rssBefore = peakRssMB();
    const step = await measureAsync(() => evolve(db, { round: 1, embedder, namer: createOfflineNamer(), settings, outputDir: dir }));
    const r = step.value;
    db.close();
    return {
      wallMs: step.wallMs,
      cpuMs: step.cpuMs,
      peakRssMB: peakRssMB(),
      peakRssBeforeEvolveMB: rssBefore,
      treeNodesBefore: r.knowledge.before.total,
      treeNodesAfter: r.knowledge.after.total,
      candidates: r.candidates.total,
      mix,
      added: r.candidates.added,
      merged: r.candidates.merged,
      rejected: r.candidates.rejected,
      repaired: r.candidates.repaired,
      newIntermediate: r.knowledge.newIntermediate,
      newDomains: r.knowledge.newDomains.length,
      toolsAdded: r.tools.added,
      maxLevel: r.knowledge.after.maxLevel,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function treeVectors(n: number): Promise<Float32Array> {
  const names = syntheticTree('bench-tree').points.flatMap((p) => p.path);
  const unique = [...new Set(names)];
  const texts = Array.from({ length: n }, (_, i) => (i < unique.length ? unique[i]! : `${unique[i % unique.length]} ${Math.floor(i / unique.length)}`));
  const vectors = await createOfflineEmbedder({ embeddingDim: FULL_BUILD_DIM }).embed(texts);
  return packVectors(vectors, FULL_BUILD_DIM);
}

/** (b) The full hierarchy: distance matrix, nearest-neighbour-chain linkage, dendrogram. */
async function partFullBuild(n: number): Promise<Result> {
  const vectors = await treeVectors(n);
  const dist = measure(() => cosineDistanceMatrix(vectors, n, FULL_BUILD_DIM));
  const link = measure(() => averageLinkage(dist.value, n));
  const tree = measure(() => fromMerges(link.value, n));
  if (tree.value.size !== n) throw new Error(`the dendrogram holds ${tree.value.size} of ${n} points`);
  return {
    points: n,
    dim: FULL_BUILD_DIM,
    wallMs: dist.wallMs + link.wallMs + tree.wallMs,
    cpuMs: dist.cpuMs + link.cpuMs + tree.cpuMs,
    distanceMatrixMs: dist.wallMs,
    linkageMs: link.wallMs,
    dendrogramMs: tree.wallMs,
    peakRssMB: peakRssMB(),
  };
}

/** (c) NN-chain vs agnes on the same points and the same Float32 distances. */
async function partVersusAgnes(n: number): Promise<Result> {
  const vectors = await treeVectors(n);
  const dist = cosineDistanceMatrix(vectors, n, FULL_BUILD_DIM);
  const rows = Array.from({ length: n }, (_, i) => Array.from(dist.subarray(i * n, (i + 1) * n)));
  const ours = measure(() => fromMerges(averageLinkage(dist.slice(), n), n));
  const theirs = measure(() => agnes(rows, { method: 'average', isDistanceMatrix: true }));
  const a = partitions(theirs.value);
  const b = partitions(ours.value);
  let maxHeightDiff = 0;
  let samePartitions = a.size === b.size;
  for (const [key, h] of a) {
    const other = b.get(key);
    if (other === undefined) samePartitions = false;
    else maxHeightDiff = Math.max(maxHeightDiff, Math.abs(other - h));
  }
  return {
    points: n,
    dim: FULL_BUILD_DIM,
    agnesMs: theirs.wallMs,
    nnChainMs: ours.wallMs,
    agnesCpuMs: theirs.cpuMs,
    nnChainCpuMs: ours.cpuMs,
    treesMatch: samePartitions && maxHeightDiff <= 1e-5,
    samePartitions,
    maxHeightDiff,
  };
}

function runPart(part: string): Result {
  const out = execFileSync(process.execPath, ['--import', 'tsx', SELF, part], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Result;
}

const part = process.argv[2];
if (part) {
  const result =
    part === 'evolve-cold' ? await partEvolve(false)
    : part === 'evolve-warm' ? await partEvolve(true)
    : part === 'full-build' ? await partFullBuild(Number(process.env.BENCH_POINTS ?? 25_000))
    : part === 'versus-agnes' ? await partVersusAgnes(Number(process.env.BENCH_AGNES_POINTS ?? 2_000))
    : undefined;
  if (!result) throw new Error(`unknown part ${part}`);
  console.log(JSON.stringify(result));
} else {
  const load = os.loadavg()[0]!;
  const cold = runPart('evolve-cold');
  process.stderr.write(`evolve (cold cache): ${JSON.stringify(cold)}\n`);
  const warm = runPart('evolve-warm');
  process.stderr.write(`evolve (warm cache): ${JSON.stringify(warm)}\n`);
  const full = runPart('full-build');
  process.stderr.write(`full build: ${JSON.stringify(full)}\n`);
  const versus = runPart('versus-agnes');
  process.stderr.write(`versus agnes: ${JSON.stringify(versus)}\n`);
  console.log(
    JSON.stringify({
      evolveStepMs: cold.wallMs,
      evolveStepCpuMs: cold.cpuMs,
      evolveStepPeakRssMB: cold.peakRssMB,
      evolveStepWarmCacheMs: warm.wallMs,
      evolveStepWarmCacheCpuMs: warm.cpuMs,
      evolveStepWarmCachePeakRssMB: warm.peakRssMB,
      evolveStepWithinBar: (cold.wallMs as number) <= 10_000 && (cold.peakRssMB as number) <= 2048,
      evolveTreeNodes: cold.treeNodesBefore,
      evolveCandidates: cold.candidates,
      evolveOutcome: { added: cold.added, merged: cold.merged, rejected: cold.rejected, repaired: cold.repaired, newIntermediate: cold.newIntermediate, newDomains: cold.newDomains, toolsAdded: cold.toolsAdded, treeNodesAfter: cold.treeNodesAfter, maxLevel: cold.maxLevel },
      evolveCandidateMix: cold.mix,
      fullBuildPoints: full.points,
      fullBuildDim: full.dim,
      fullBuildMs: full.wallMs,
      fullBuildCpuMs: full.cpuMs,
      fullBuildDistanceMatrixMs: full.distanceMatrixMs,
      fullBuildLinkageMs: full.linkageMs,
      fullBuildPeakRssMB: full.peakRssMB,
      fullBuildWithinBar: (full.wallMs as number) <= 60_000,
      agnesPoints: versus.points,
      agnesMs: versus.agnesMs,
      nnChainMs: versus.nnChainMs,
      agnesOverNnChainRatio: Number(((versus.agnesMs as number) / Math.max(1, versus.nnChainMs as number)).toFixed(1)),
      agnesOverNnChainCpuRatio: Number(((versus.agnesCpuMs as number) / Math.max(1, versus.nnChainCpuMs as number)).toFixed(1)),
      treesMatch: versus.treesMatch,
      maxHeightDiff: versus.maxHeightDiff,
      loadAverageAtStart: Number(load.toFixed(2)),
      cores: os.cpus().length,
    }),
  );
}
