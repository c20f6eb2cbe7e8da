import { z } from 'zod';
import { FlywheelError } from '../src/errors.js';
import type { Db } from '../src/store/db.js';
import { upsertPoints, type PointInput } from '../src/store/knowledge.js';
import { NodeName } from '../src/schemas/knowledge.js';

const Level = z.string().trim();
/** One row of the flat We-Math 2.0 taxonomy: L1-L4 (L3/L4 may be empty), knowledge point, principle. */
const WeMathRow = z.object({
  l1_en: NodeName, l1_cn: Level,
  l2_en: NodeName, l2_cn: Level,
  l3_en: Level, l3_cn: Level,
  l4_en: Level, l4_cn: Level,
  kp_en: NodeName, kp_cn: Level,
  principle_en: NodeName, principle_cn: Level,
  principle_desc_en: z.string().optional(),
});
type WeMathRow = z.infer<typeof WeMathRow>;

export interface WeMathImport {
  rows: number;
  knowledgePoints: number;
  principles: number;
  nodesCreated: number;
}

/** Validates every row first; a single bad row rejects the whole file with its index and field. */
export function parseWeMath2(data: unknown, where: string): WeMathRow[] {
  const result = z.array(WeMathRow).min(1, 'the file holds no rows').safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 10).map((i) => `row ${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new FlywheelError(`not a We-Math 2.0 flat taxonomy:\n  - ${problems.join('\n  - ')}`, {
      where,
      fix: 'pass the flat JSON array with l1_en..l4_en, kp_en and principle_en fields (e.g. wemath2-knowledge-flat.json)',
    });
  }
  return result.data;
}

/**
 * Imports principles under their knowledge point and L1-L4 path, in English, with the Chinese names
 * kept as aliases. Idempotent: a second import creates nothing.
 */
export function importWeMath2(db: Db, rows: readonly WeMathRow[]): WeMathImport {
  const inputs: PointInput[] = [];
  const kps = new Set<string>();
  const principles = new Set<string>();
  for (const r of rows) {
    const levels: [string, string][] = [
      [r.l1_en, r.l1_cn],
      [r.l2_en, r.l2_cn],
      [r.l3_en, r.l3_cn],
      [r.l4_en, r.l4_cn],
      [r.kp_en, r.kp_cn],
      [r.principle_en, r.principle_cn],
    ];
    const present = levels.filter(([en]) => en !== '');
    for (let i = 1; i <= present.length; i++) {
      const [, cn] = present[i - 1]!;
      const input: PointInput = { path: present.slice(0, i).map(([en]) => en), source: 'imported', roundAdded: 0, aliases: cn ? [cn] : [] };
      if (i === present.length && r.principle_desc_en) input.description = r.principle_desc_en;
      inputs.push(input);
    }
    kps.add(present.slice(0, -1).map(([en]) => en.toLowerCase()).join(' > '));
    principles.add(present.map(([en]) => en.toLowerCase()).join(' > '));
  }
  const { created } = upsertPoints(db, inputs);
  return { rows: rows.length, knowledgePoints: kps.size, principles: principles.size, nodesCreated: created };
}
