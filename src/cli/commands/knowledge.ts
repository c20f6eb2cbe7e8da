import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { configFor, intOption } from '../context.js';
import { FlywheelError } from '../../errors.js';
import { dbPath, openDb, type Db } from '../../store/db.js';
import { acceptedSamplesByDomain, acceptedSamplesByNode } from '../../store/candidates.js';
import { listGrowthReports } from '../../store/growth.js';
import { writeJsonlAtomic } from '../../store/jsonl.js';
import { countNodes, listNodes } from '../../store/knowledge.js';
import { leafCoverage } from '../../store/knowledge-stats.js';
import { ensureOutputDir } from '../../store/output-dir.js';
import { countTools } from '../../store/tools.js';
import { importHierarchy, knowledgeExportRows, type GrowthReport } from '../../../knowledge/index.js';

function withDb<T>(cmd: Command, opts: { readonly: boolean }, fn: (db: Db) => T): T {
  const { config } = configFor(cmd);
  if (!opts.readonly) ensureOutputDir(config.outputDir);
  const db = openDb(dbPath(config.outputDir), opts);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const num = (n: number) => n.toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pairs = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${num(v)}`).join(', ') || 'none';

function printTree(db: Db, opts: { depth?: number; domain?: string }): void {
  const nodes = listNodes(db);
  if (nodes.length === 0) {
    console.log('the knowledge tree is empty (run `flywheel init` to load the seeds)');
    return;
  }
  const domains = [...new Set(nodes.map((n) => n.domain))];
  const domain = opts.domain === undefined ? undefined : domains.find((d) => d.toLowerCase() === opts.domain!.toLowerCase());
  if (opts.domain !== undefined && domain === undefined) {
    throw new FlywheelError(`no domain named "${opts.domain}"`, { where: 'flag --domain', fix: `use one of: ${domains.join(', ')}` });
  }
  const accepted = acceptedSamplesByNode(db);
  const kids = new Map<string, number>();
  for (const n of nodes) if (n.parentId) kids.set(n.parentId, (kids.get(n.parentId) ?? 0) + 1);
  for (const n of nodes) {
    if ((domain !== undefined && n.domain !== domain) || (opts.depth !== undefined && n.level > opts.depth)) continue;
    const notes: string[] = [];
    const samples = accepted.get(n.id) ?? 0;
    if (samples) notes.push(`${num(samples)} sample${samples === 1 ? '' : 's'}`);
    if (n.source === 'generated') notes.push(`round ${n.roundAdded}`);
    const hidden = kids.get(n.id) ?? 0;
    if (opts.depth !== undefined && n.level === opts.depth && hidden) notes.push(`${num(hidden)} more below`);
    console.log(`${'  '.repeat(n.level - 1)}${n.name}${notes.length ? `  · ${notes.join(' · ')}` : ''}`);
  }
}

function stats(db: Db) {
  const coverage = leafCoverage(db);
  return {
    tree: countNodes(db),
    tools: countTools(db),
    coverage: { ...coverage, share: coverage.leaves ? coverage.covered / coverage.leaves : 0 },
    acceptedSamples: acceptedSamplesByDomain(db),
    rounds: listGrowthReports(db).map((r) => r.report as GrowthReport),
  };
}

function printStats(s: ReturnType<typeof stats>): void {
  const t = s.tree;
  console.log(`knowledge: ${num(t.total)} nodes in ${num(t.domains)} domains, ${num(t.leaves)} leaves, deepest level ${t.maxLevel}`);
  console.log(`  by level:  ${pairs(t.byLevel)}`);
  console.log(`  by domain: ${pairs(t.byDomain)}`);
  console.log(`tools:     ${num(s.tools.total)} (${pairs(s.tools.bySource)})`);
  console.log(`coverage:  ${num(s.coverage.covered)} of ${num(s.coverage.leaves)} leaves have accepted samples (${pct(s.coverage.share)})`);
  console.log(`accepted samples by domain: ${pairs(s.acceptedSamples)}`);
  console.log(`growth:    ${s.rounds.length ? '' : 'no round evolved yet'}`);
  for (const r of s.rounds) {
    const k = r.knowledge;
    console.log(
      `  round ${r.round}: +${num(k.added)} nodes (${num(k.newPoints)} points, ${num(k.newIntermediate)} groups${k.newDomains.length ? `, domains ${k.newDomains.join(', ')}` : ''}), ` +
        `+${num(r.tools.added)} tools; ${num(r.candidates.total)} candidates, merge rate ${pct(r.candidates.mergeRate)}, ` +
        `${num(r.candidates.rejected)} rejected${r.candidates.rejected ? ` (${pairs(r.rejected.byReason)})` : ''}, ${num(r.candidates.repaired)} repaired`,
    );
  }
}

/** Rows of a JSON array or JSON Lines file, with the file line of each row. */
function readRows(file: string): { rows: unknown[]; lines: number[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new FlywheelError(`cannot read the hierarchy: ${(err as Error).message}`, { where: file, fix: 'check the path' });
  }
  if (text.trimStart().startsWith('[')) {
    try {
      const rows = JSON.parse(text) as unknown;
      if (!Array.isArray(rows)) throw new Error('not an array');
      return { rows, lines: rows.map((_, i) => i + 1) };
    } catch (err) {
      throw new FlywheelError(`the hierarchy is not valid JSON: ${(err as Error).message}`, { where: file, fix: 'fix the JSON syntax' });
    }
  }
  const rows: unknown[] = [];
  const lines: number[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      rows.push(JSON.parse(line));
      lines.push(i + 1);
    } catch (err) {
      throw new FlywheelError(`line ${i + 1} is not valid JSON: ${(err as Error).message}`, { where: file, fix: 'one JSON object per line (as `flywheel knowledge export` writes)' });
    }
  }
  return { rows, lines };
}

export function registerKnowledge(program: Command): void {
  const knowledge = program.command('knowledge').description('show the knowledge tree and its growth; export or import it');
  knowledge
    .command('tree')
    .description('print the knowledge tree (accepted samples and the round each generated node was added)')
    .option('--depth <n>', 'show levels 1..n only', intOption('--depth', 1, 7))
    .option('--domain <name>', 'show one domain only (case-insensitive)')
    .action((opts: { depth?: number; domain?: string }, cmd: Command) => withDb(cmd, { readonly: true }, (db) => printTree(db, opts)));
  knowledge
    .command('stats')
    .description('nodes per level and domain, tools, coverage, accepted samples per domain, and each round\'s growth')
    .option('--json', 'print as JSON (with every round\'s full growth report)')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withDb(cmd, { readonly: true }, (db) => {
        const s = stats(db);
        if (opts.json) console.log(JSON.stringify(s, null, 2));
        else printStats(s);
      }),
    );
  knowledge
    .command('export')
    .description('export the tree as JSON Lines, one node per line (id, parentId, name, path, level, domain, source, roundAdded, aliases)')
    .argument('[file]', 'write to this file (atomically) instead of standard output')
    .action((file: string | undefined, _opts: unknown, cmd: Command) =>
      withDb(cmd, { readonly: true }, (db) => {
        if (file) {
          const n = writeJsonlAtomic(path.resolve(file), knowledgeExportRows(db));
          console.error(`wrote ${num(n)} nodes to ${file}`);
          return;
        }
        for (const row of knowledgeExportRows(db)) process.stdout.write(`${JSON.stringify(row)}\n`);
      }),
    );
  knowledge
    .command('import')
    .description('import a hierarchy of nodes linked by id and parentId (JSON Lines or a JSON array; the export format)')
    .argument('<file>', 'the hierarchy file')
    .action((file: string, _opts: unknown, cmd: Command) => {
      const abs = path.resolve(file);
      const { rows, lines } = readRows(abs);
      const { config } = configFor(cmd);
      const r = withDb(cmd, { readonly: false }, (db) => importHierarchy(db, rows, config.knowledge.maxDepth));
      const at = (row: number) => lines[row - 1] ?? row;
      for (const p of r.repaired) console.log(`repaired line ${at(p.line)}${p.id ? ` (id ${p.id})` : ''}: ${p.code}: ${p.detail}`);
      for (const p of r.rejected) console.error(`rejected line ${at(p.line)}${p.id ? ` (id ${p.id})` : ''}: ${p.code}: ${p.detail}`);
      console.log(`imported ${num(r.rows - r.rejected.length)} of ${num(r.rows)} rows: ${num(r.created)} new nodes, ${num(r.updated)} updated`);
      if (r.rejected.length) {
        throw new FlywheelError(`${r.rejected.length} row(s) were rejected (listed above); the others were imported`, {
          where: abs,
          fix: 'correct the rejected rows and import the file again (importing is idempotent)',
        });
      }
    });
}
