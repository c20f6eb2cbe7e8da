import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { FlywheelError } from '../src/errors.js';
import type { Db } from '../src/store/db.js';
import { upsertPoints } from '../src/store/knowledge.js';
import { upsertTools } from '../src/store/tools.js';
import { KnowledgeSeedFile, ToolSeedFile } from './schema.js';

export const SEEDS_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Reads and validates one JSON seed file; errors name the file and the offending field. */
export function readSeedFile<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FlywheelError(code === 'ENOENT' ? 'seed file is missing' : `seed file is not valid JSON: ${(err as Error).message}`, {
      where: file,
      fix: code === 'ENOENT' ? 'restore it from the repository (git checkout -- seeds/)' : 'fix the JSON syntax',
    });
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new FlywheelError(`seed file does not match its schema:\n  - ${problems.join('\n  - ')}`, {
      where: file,
      fix: 'correct the entries listed above (see seeds/schema.ts for the format)',
    });
  }
  return result.data;
}

export interface Seeds {
  knowledge: KnowledgeSeedFile;
  tools: ToolSeedFile;
}

/** Loads both shipped seed files; nothing is written anywhere until both are valid. */
export function loadSeeds(dir = SEEDS_DIR): Seeds {
  const knowledge = readSeedFile(path.join(dir, 'knowledge.json'), KnowledgeSeedFile);
  const tools = readSeedFile(path.join(dir, 'tools.json'), ToolSeedFile);
  const seen = new Set<string>();
  for (const [i, p] of knowledge.points.entries()) {
    const key = p.path.join(' > ').toLowerCase();
    if (seen.has(key)) {
      throw new FlywheelError(`duplicate knowledge point "${p.path.join(' > ')}"`, { where: `${path.join(dir, 'knowledge.json')} points.${i}` });
    }
    seen.add(key);
  }
  return { knowledge, tools };
}

/** Writes the seeds into the store (idempotent: re-running adds nothing new). */
export function importSeeds(db: Db, seeds: Seeds): { nodesCreated: number; toolsCreated: number } {
  const k = upsertPoints(
    db,
    seeds.knowledge.points.map((p) => ({ path: p.path, description: p.description, aliases: p.aliases, source: 'seed', roundAdded: 0 })),
  );
  const t = upsertTools(
    db,
    seeds.tools.tools.map((tool) => ({ ...tool, source: 'seed', roundAdded: 0 })),
  );
  return { nodesCreated: k.created, toolsCreated: t.created };
}
