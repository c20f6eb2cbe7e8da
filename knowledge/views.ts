import path from 'node:path';
import type { Db } from '../src/store/db.js';
import { acceptedSamplesByNode } from '../src/store/candidates.js';
import { writeJsonlAtomic } from '../src/store/jsonl.js';
import { listNodes } from '../src/store/knowledge.js';
import { listTools } from '../src/store/tools.js';

/** One line of the knowledge export (knowledge.jsonl, `flywheel knowledge export`); `knowledge import` reads it back. */
export interface KnowledgeExportRow {
  id: string;
  parentId: string | null;
  name: string;
  path: string[];
  level: number;
  domain: string;
  source: string;
  roundAdded: number;
  aliases: string[];
  description?: string;
  /** Accepted samples whose knowledge resolved to this node. */
  acceptedSamples: number;
}

/** Every node in path order (parents before children). */
export function* knowledgeExportRows(db: Db): Generator<KnowledgeExportRow> {
  const accepted = acceptedSamplesByNode(db);
  for (const n of listNodes(db)) {
    yield {
      id: n.id,
      parentId: n.parentId,
      name: n.name,
      path: n.path,
      level: n.level,
      domain: n.domain,
      source: n.source,
      roundAdded: n.roundAdded,
      aliases: n.aliases,
      ...(n.description !== undefined ? { description: n.description } : {}),
      acceptedSamples: accepted.get(n.id) ?? 0,
    };
  }
}

/** Writes the derived views knowledge.jsonl and tools.jsonl into the output folder, each atomically. */
export function writeKnowledgeViews(db: Db, outputDir: string): { knowledge: number; tools: number } {
  const knowledge = writeJsonlAtomic(path.join(outputDir, 'knowledge.jsonl'), knowledgeExportRows(db));
  const tools = writeJsonlAtomic(
    path.join(outputDir, 'tools.jsonl'),
    listTools(db).map(({ embedding: _embedding, ...t }) => t),
  );
  return { knowledge, tools };
}
