import path from 'node:path';
import { openDb, type Db } from '../../src/store/db.js';
import { KnowledgeSettings } from '../../src/config/sections/knowledge.js';
import { listNodes, nodeId } from '../../src/store/knowledge.js';
import { cachedEmbedder, createOfflineEmbedder, createOfflineNamer, evolve, type GrowthReport } from '../../knowledge/index.js';
import { tmpDir } from '../support/tmp.js';

/** A fresh store in a temporary output folder. */
export function freshStore(): { db: Db; dir: string; cleanup: () => void } {
  const t = tmpDir('flywheel-knowledge-');
  const db = openDb(path.join(t.dir, 'flywheel.db'));
  return {
    db,
    dir: t.dir,
    cleanup: () => {
      db.close();
      t.cleanup();
    },
  };
}

const settings = (over: Partial<KnowledgeSettings> = {}): KnowledgeSettings => KnowledgeSettings.parse(over);

/** Evolves a round with the offline embedder (cached in the store) and the offline namer. */
export function evolveOffline(db: Db, round: number, over: Partial<KnowledgeSettings> = {}): Promise<GrowthReport> {
  const s = settings(over);
  return evolve(db, { round, embedder: cachedEmbedder(db, createOfflineEmbedder(s)), namer: createOfflineNamer(), settings: s });
}

/** The tree's invariants: ids from paths, parents one level up with the path's prefix, at most 7 levels. */
export function treeProblems(db: Db): string[] {
  const nodes = listNodes(db);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const problems: string[] = [];
  for (const n of nodes) {
    if (n.id !== nodeId(n.path)) problems.push(`${n.id}: id does not match its path`);
    if (n.level !== n.path.length || n.level > 7) problems.push(`${n.id}: level ${n.level} for a path of ${n.path.length}`);
    if (n.domain !== n.path[0]) problems.push(`${n.id}: domain ${n.domain}`);
    const parent = n.parentId === null ? null : byId.get(n.parentId);
    if (n.level === 1 ? n.parentId !== null : parent?.path.join('\u0000') !== n.path.slice(0, -1).join('\u0000')) problems.push(`${n.id}: wrong parent`);
  }
  return problems;
}

/** Everything evolve may write, as comparable text. */
export function storeSnapshot(db: Db): string {
  return JSON.stringify([
    db.prepare('SELECT * FROM knowledge_nodes ORDER BY id').all(),
    db.prepare('SELECT * FROM tools ORDER BY id').all(),
    db.prepare('SELECT id, status, node_id, reason, note FROM knowledge_candidates ORDER BY id').all(),
    db.prepare('SELECT round FROM growth_reports ORDER BY round').all(),
  ]);
}
