/**
 * Synthetic but realistically worded inputs for bench/knowledge.ts: a 25,000-node, 25-domain, 5-level
 * tree whose names come from the We-Math 2.0 vocabulary, and a round's worth of candidates in the mix
 * the store stage produces (mostly full paths, some name-only, some bad).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/offline/rng.js';
import type { CandidateInput } from '../src/store/candidates.js';
import type { PointInput } from '../src/store/knowledge.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface NameRow {
  l2_en: string;
  l3_en: string;
  l4_en: string;
  kp_en: string;
  principle_en: string;
}

const DOMAINS = [
  'Plane Geometry', 'Solid Geometry', 'Algebra', 'Functions', 'Probability', 'Statistics', 'Physics', 'Chemistry', 'Biology', 'Astronomy',
  'Music', 'Geography', 'Economics', 'Computer Science', 'Engineering', 'Architecture', 'Art', 'Cartography', 'Optics', 'Mechanics',
  'Electricity', 'Logic', 'Graph Theory', 'Number Theory', 'Measurement',
];

export function vocabulary(): { inner: string[]; leaves: string[] } {
  const rows = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/wemath2-names.json'), 'utf8')) as NameRow[];
  const inner = [...new Set(rows.flatMap((r) => [r.l2_en, r.l3_en, r.l4_en, r.kp_en]).filter((s) => s !== ''))];
  const leaves = [...new Set(rows.map((r) => r.principle_en))];
  return { inner, leaves };
}

export interface SyntheticTree {
  points: PointInput[];
  /** Paths of every inner node at levels 3 and 4, and of every leaf. */
  level3: string[][];
  level4: string[][];
  leaves: string[][];
}

/** 25 domains × (1 + 5 + 25 + 125 inner nodes + 844 leaves) = 25,000 nodes. */
export function syntheticTree(seed: string): SyntheticTree {
  const rng = createRng(seed);
  const v = vocabulary();
  const tree: SyntheticTree = { points: [], level3: [], level4: [], leaves: [] };
  let serial = 0;
  const innerName = () => `${rng.pick(v.inner)} ${++serial}`;
  for (const domain of DOMAINS) {
    let leavesLeft = 844;
    for (let a = 0; a < 5; a++) {
      const l2 = [domain, innerName()];
      for (let b = 0; b < 5; b++) {
        const l3 = [...l2, innerName()];
        tree.level3.push(l3);
        for (let c = 0; c < 5; c++) {
          const l4 = [...l3, innerName()];
          tree.level4.push(l4);
          const slotsLeft = 125 - (a * 25 + b * 5 + c);
          const n = Math.round(leavesLeft / slotsLeft);
          leavesLeft -= n;
          const names = new Set<string>();
          while (names.size < n) names.add(rng.pick(v.leaves));
          for (const name of names) {
            const leaf = [...l4, name];
            tree.leaves.push(leaf);
            tree.points.push({ path: leaf, source: 'imported', roundAdded: 0 });
          }
        }
      }
    }
  }
  return tree;
}

const QUALIFIERS = ['in coordinates', 'on a grid', 'with auxiliary lines', 'in three dimensions', 'by symmetry', 'with vectors', 'as a ratio', 'by folding', 'under rotation', 'with a scale drawing'];
const TOOL_NAMES = ['construct perpendicular line', 'draw angle bisector', 'shade overlapping region', 'mark equal angles', 'extend side to meet', 'draw tangent at point', 'connect centre to tangent point', 'drop altitude to base', 'draw diagonal of polygon', 'reflect figure in line'];
const TOOL_VARIANTS = (name: string) => [name, `${name}s`, `the ${name}`, name.replace(/^draw /, 'construct '), `${name} carefully`];

export interface CandidateMix {
  reproposed: number;
  newLeaves: number;
  crowded: number;
  newChains: number;
  reanchored: number;
  nameOnly: number;
  unknownDomain: number;
  bad: number;
  tools: number;
}

/** 5,000 candidates of one round, in the proportions of `mix`. */
export function syntheticCandidates(tree: SyntheticTree, round: number, seed: string): { rows: CandidateInput[]; mix: CandidateMix } {
  const rng = createRng(seed);
  const v = vocabulary();
  const mix: CandidateMix = { reproposed: 1500, newLeaves: 1000, crowded: 250, newChains: 500, reanchored: 500, nameOnly: 250, unknownDomain: 250, bad: 250, tools: 500 };
  const rows: CandidateInput[] = [];
  let sample = 0;
  const k = (p: string[]) => rows.push({ round, kind: 'knowledge', name: p.at(-1) ?? '', path: p, sampleId: `b${++sample}` });
  const fresh = () => `${rng.pick(v.leaves)} ${rng.pick(QUALIFIERS)}`;
  for (let i = 0; i < mix.reproposed; i++) k(rng.pick(tree.leaves));
  for (let i = 0; i < mix.newLeaves; i++) k([...rng.pick(tree.level4), fresh()]);
  const crowdedParents = rng.sample(tree.level4, 10);
  for (let i = 0; i < mix.crowded; i++) k([...crowdedParents[i % 10]!, fresh()]);
  for (let i = 0; i < mix.newChains; i++) k([...rng.pick(tree.level3), `${rng.pick(v.inner)} ${rng.pick(QUALIFIERS)}`, fresh()]);
  for (let i = 0; i < mix.reanchored; i++) {
    const l4 = rng.pick(tree.level4);
    k(['Science', l4[3]!, fresh()]);
  }
  for (let i = 0; i < mix.nameOnly; i++) rows.push({ round, kind: 'knowledge', name: fresh(), sampleId: `b${++sample}` });
  for (let i = 0; i < mix.unknownDomain; i++) k([`Domain ${rng.int(1, 5)}`, `Branch ${rng.int(1, 20)}`, fresh()]);
  const bad = ['', '   ', 'x'.repeat(250), 'bell\u0007char', 'line\nbreak'];
  for (let i = 0; i < mix.bad; i++) k([...rng.pick(tree.level4), bad[i % bad.length]!]);
  for (let i = 0; i < mix.tools; i++) {
    const name = i % 5 === 4 ? `${rng.pick(['trace', 'sketch', 'outline', 'measure', 'split'])} ${rng.pick(v.leaves).toLowerCase()}` : rng.pick(TOOL_VARIANTS(rng.pick(TOOL_NAMES)));
    rows.push({ round, kind: 'tool', name, description: `Used to ${name}.`, sampleId: `b${++sample}` });
  }
  return { rows, mix };
}
