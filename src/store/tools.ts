import type { Db } from './db.js';
import { blobToVector, vectorToBlob } from './vectors.js';
import type { Tool } from '../schemas/tool.js';

/** Deterministic tool id from its name (lower-case, words joined by dashes). */
export function toolId(name: string): string {
  return `t_${name.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}`;
}

export interface ToolInput {
  name: string;
  description: string;
  category?: string;
  aliases?: string[];
  source: Tool['source'];
  roundAdded: number;
}

interface ToolRow {
  id: string;
  name: string;
  description: string;
  category: string | null;
  source: Tool['source'];
  round_added: number;
  uses: number;
  aliases_json: string;
  embedding: Buffer | null;
}

function toTool(r: ToolRow): Tool {
  const tool: Tool = {
    id: r.id,
    name: r.name,
    description: r.description,
    source: r.source,
    roundAdded: r.round_added,
    uses: r.uses,
    aliases: JSON.parse(r.aliases_json) as string[],
  };
  if (r.category !== null) tool.category = r.category;
  if (r.embedding) tool.embedding = blobToVector(r.embedding);
  return tool;
}

/** Inserts new tools and adds aliases to existing ones, in one transaction. */
export function upsertTools(db: Db, tools: readonly ToolInput[]): { created: number; updated: number } {
  const find = db.prepare<[string], ToolRow>('SELECT * FROM tools WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO tools (id, name, description, category, source, round_added, aliases_json)
     VALUES (@id, @name, @description, @category, @source, @roundAdded, @aliases)`,
  );
  const update = db.prepare('UPDATE tools SET aliases_json = ? WHERE id = ?');
  let created = 0;
  let updated = 0;
  db.transaction(() => {
    for (const t of tools) {
      const id = toolId(t.name);
      const existing = find.get(id);
      if (!existing) {
        insert.run({
          id,
          name: t.name.trim(),
          description: t.description,
          category: t.category ?? null,
          source: t.source,
          roundAdded: t.roundAdded,
          aliases: JSON.stringify(t.aliases ?? []),
        });
        created++;
        continue;
      }
      const aliases = JSON.parse(existing.aliases_json) as string[];
      const merged = [...new Set([...aliases, ...(t.aliases ?? [])])];
      if (merged.length !== aliases.length) {
        update.run(JSON.stringify(merged), id);
        updated++;
      }
    }
  })();
  return { created, updated };
}

export function listTools(db: Db): Tool[] {
  return db.prepare<[], ToolRow>('SELECT * FROM tools ORDER BY name').all().map(toTool);
}

export function getTool(db: Db, id: string): Tool | undefined {
  const row = db.prepare<[string], ToolRow>('SELECT * FROM tools WHERE id = ?').get(id);
  return row && toTool(row);
}

export function countTools(db: Db): { total: number; bySource: Record<string, number> } {
  const bySource: Record<string, number> = {};
  for (const r of db.prepare<[], { source: string; n: number }>('SELECT source, count(*) n FROM tools GROUP BY source').all()) bySource[r.source] = r.n;
  return { total: Object.values(bySource).reduce((a, b) => a + b, 0), bySource };
}

/** Counts one more use for each named tool that exists. */
export function addToolUses(db: Db, names: readonly string[]): void {
  const stmt = db.prepare('UPDATE tools SET uses = uses + 1 WHERE id = ?');
  db.transaction(() => {
    for (const n of names) stmt.run(toolId(n));
  })();
}

export function setToolEmbeddings(db: Db, rows: readonly { id: string; vector: Float32Array }[]): void {
  const stmt = db.prepare('UPDATE tools SET embedding = ? WHERE id = ?');
  db.transaction(() => {
    for (const r of rows) stmt.run(vectorToBlob(r.vector), r.id);
  })();
}
