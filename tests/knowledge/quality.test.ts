import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../src/offline/rng.js';
import { addCandidates, listCandidates } from '../../src/store/candidates.js';
import { getNode, upsertPoints } from '../../src/store/knowledge.js';
import { REPO_ROOT } from '../support/cli.js';
import { evolveOffline, freshStore } from './support.js';

interface Row {
  l1_en: string;
  l2_en: string;
  l3_en: string;
  l4_en: string;
  kp_en: string;
  principle_en: string;
}

const rows = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/wemath2-names.json'), 'utf8')) as Row[];
const fullPath = (r: Row) => [r.l1_en, r.l2_en, r.l3_en, r.l4_en, r.kp_en, r.principle_en].filter((s) => s !== '');

/**
 * The quality bar: a seeded random half of the We-Math 2.0 principles goes into the tree with
 * full paths; the other half arrives as candidates; we count how often each lands under its true L1
 * and L2 node. Offline embeddings must reach 0.80 (L1) and 0.70 (L2) by name alone.
 */
async function landing(candidatePath: (r: Row) => string[]): Promise<{ l1: number; l2: number; n: number }> {
  const store = freshStore();
  try {
    const shuffled = createRng('wemath2-quality').shuffle(rows);
    const half = Math.floor(shuffled.length / 2);
    upsertPoints(store.db, shuffled.slice(0, half).map((r) => ({ path: fullPath(r), source: 'imported', roundAdded: 0 })));
    const asked = shuffled.slice(half);
    addCandidates(
      store.db,
      asked.map((r, i) => ({ round: 1, kind: 'knowledge', name: r.principle_en, path: candidatePath(r), sampleId: `q${i}` })),
    );
    await evolveOffline(store.db, 1);
    const outcome = listCandidates(store.db, { round: 1 });
    let l1 = 0;
    let l2 = 0;
    for (const [i, c] of outcome.entries()) {
      expect(c.status === 'added' || c.status === 'merged').toBe(true);
      const landed = getNode(store.db, c.nodeId!)!.path;
      const truth = asked[i]!;
      if (landed[0] === truth.l1_en) {
        l1++;
        if (landed[1] === truth.l2_en) l2++;
      }
    }
    return { l1: l1 / asked.length, l2: l2 / asked.length, n: asked.length };
  } finally {
    store.cleanup();
  }
}

describe('placement quality on the We-Math 2.0 taxonomy (offline embeddings)', () => {
  const results: string[] = [];
  afterEach(() => {
    if (results.length) console.log(results.splice(0).join('\n'));
  });

  it('places principles given by name alone under their true L1 (>= 0.80) and L2 (>= 0.70)', async () => {
    const r = await landing((row) => [row.principle_en]);
    results.push(`We-Math 2.0 by name alone: L1 ${r.l1.toFixed(3)}, L2 ${r.l2.toFixed(3)} over ${r.n} candidates`);
    expect(r.l1).toBeGreaterThanOrEqual(0.8);
    expect(r.l2).toBeGreaterThanOrEqual(0.7);
  });

  it('does better still with the knowledge-point name added (path "knowledge point > principle")', async () => {
    const r = await landing((row) => [row.kp_en, row.principle_en]);
    results.push(`We-Math 2.0 with the knowledge-point name: L1 ${r.l1.toFixed(3)}, L2 ${r.l2.toFixed(3)} over ${r.n} candidates`);
    expect(r.l1).toBeGreaterThanOrEqual(0.9);
    expect(r.l2).toBeGreaterThanOrEqual(0.85);
  });
});
