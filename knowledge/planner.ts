import type { Db } from '../src/store/db.js';
import type { PlanItem } from '../src/pipeline/payloads.js';
import type { KnowledgeNode } from '../src/schemas/knowledge.js';
import type { Tool } from '../src/schemas/tool.js';
import { KnowledgeSettings } from '../src/config/sections/knowledge.js';
import { FlywheelError } from '../src/errors.js';
import { createRng, type Rng } from '../src/offline/rng.js';
import { acceptedSamplesByNode } from '../src/store/candidates.js';
import { listLeaves } from '../src/store/knowledge.js';
import { listTools } from '../src/store/tools.js';

export interface PlanOptions {
  round: number;
  seed: number;
  /** Items in the round's plan (each becomes one generate job). */
  perRound: number;
  /** Share of items that are tool-driven. */
  toolDrivenShare: number;
  settings?: Partial<Pick<KnowledgeSettings, 'compositionalShare' | 'recentRounds' | 'recentBoost'>>;
}

interface Weighted<T> {
  item: T;
  weight: number;
}

/** Efraimidis–Spirakis: a weighted random order without replacement (key u^(1/w), largest first). */
function weightedOrder<T>(rng: Rng, items: readonly Weighted<T>[]): T[] {
  return items
    .map((x, i) => ({ x, i, key: Math.log(Math.max(rng.next(), Number.MIN_VALUE)) / x.weight }))
    .sort((a, b) => b.key - a.key || a.i - b.i)
    .map((k) => k.x.item);
}

/** Draws with replacement, each item with probability proportional to its weight. */
function drawer<T>(rng: Rng, items: readonly Weighted<T>[]): () => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((x, i) => (cumulative[i] = total += x.weight));
  return () => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!.item;
  };
}

function commonLevels(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n]!.toLowerCase() === b[n]!.toLowerCase()) n++;
  return n;
}

const point = (n: KnowledgeNode) => ({ id: n.id, path: n.path, ...(n.description ? { description: n.description } : {}) });

/**
 * Plans a round: `perRound` items, a `toolDrivenShare` of them tool-driven (1-3 tools), the rest
 * knowledge-driven from leaves (never domain roots): single points and, for `compositionalShare` of
 * them, 2-3 points of one domain under different parents, closer branches likelier. Leaves and tools
 * are drawn with probability proportional to 1 / (1 + accepted samples or uses), times `recentBoost`
 * when added in the last `recentRounds` rounds. The same database state and seed give the same plan.
 */
export function planRound(db: Db, opts: PlanOptions): PlanItem[] {
  const s = { ...KnowledgeSettings.parse({}), ...opts.settings };
  const rng = createRng(`plan/${opts.seed}/${opts.round}`);
  const recent = (roundAdded: number) => (roundAdded > 0 && opts.round - roundAdded <= s.recentRounds ? s.recentBoost : 1);
  const all = listLeaves(db);
  const leaves = all.some((n) => n.level > 1) ? all.filter((n) => n.level > 1) : all;
  const tools = listTools(db);
  if (leaves.length === 0 && tools.length === 0) {
    throw new FlywheelError('the knowledge system is empty: nothing to plan from', { fix: 'run `flywheel init` (or `flywheel seeds import`) first' });
  }
  const toolItems = tools.length === 0 ? 0 : leaves.length === 0 ? opts.perRound : Math.round(opts.perRound * opts.toolDrivenShare);
  const knowledgeItems = opts.perRound - toolItems;
  const items: PlanItem[] = [];

  if (knowledgeItems > 0) {
    const accepted = acceptedSamplesByNode(db);
    const weight = (n: KnowledgeNode) => recent(n.roundAdded) / (1 + (accepted.get(n.id) ?? 0));
    const next = drawer(rng.fork('points'), leaves.map((n) => ({ item: n, weight: weight(n) })));
    const byDomain = new Map<string, KnowledgeNode[]>();
    for (const n of leaves) {
      const list = byDomain.get(n.domain);
      if (list) list.push(n);
      else byDomain.set(n.domain, [n]);
    }
    const compose = rng.fork('compose');
    for (let i = 0; i < knowledgeItems; i++) {
      const anchor = next();
      const chosen = [anchor];
      if (compose.chance(s.compositionalShare)) {
        const want = compose.chance(0.5) ? 2 : 1;
        for (let k = 0; k < want; k++) {
          // Related: same domain, weighted by shared depth; distinct: a parent none of the chosen has.
          const pool = (byDomain.get(anchor.domain) ?? [])
            .filter((n) => chosen.every((c) => c.parentId !== n.parentId))
            .map((n) => ({ item: n, weight: weight(n) * commonLevels(n.path, anchor.path) }));
          if (pool.length === 0) break;
          chosen.push(weightedOrder(compose, pool)[0]!);
        }
      }
      items.push({ mode: 'knowledge', points: chosen.map(point) });
    }
  }

  if (toolItems > 0) {
    const tw = (t: Tool) => recent(t.roundAdded) / (1 + t.uses);
    const weighted = tools.map((t) => ({ item: t, weight: tw(t) }));
    const next = drawer(rng.fork('tools'), weighted);
    const size = rng.fork('tool-count');
    for (let i = 0; i < toolItems; i++) {
      const lead = next();
      const r = size.next();
      const want = Math.min(tools.length, r < 0.5 ? 1 : r < 0.8 ? 2 : 3);
      const chosen = [lead, ...weightedOrder(size, weighted.filter((w) => w.item !== lead)).slice(0, want - 1)];
      items.push({ mode: 'tool', tools: chosen.map((t) => ({ id: t.id, name: t.name, description: t.description })) });
    }
  }
  return rng.fork('order').shuffle(items);
}
