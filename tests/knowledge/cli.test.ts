import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { addCandidates } from '../../src/store/candidates.js';
import { readJsonl } from '../../src/store/jsonl.js';
import { countNodes } from '../../src/store/knowledge.js';
import type { KnowledgeExportRow } from '../../knowledge/index.js';
import { runCli } from '../support/cli.js';
import { tmpDir } from '../support/tmp.js';
import { evolveOffline } from './support.js';

describe('flywheel knowledge (the real CLI)', () => {
  const t = tmpDir('flywheel-knowledge-cli-');
  const out = path.join(t.dir, 'out');
  const cli = (...args: string[]) => runCli([...args, '--output', out]);
  let nodes = 0;

  beforeAll(async () => {
    expect((await cli('init')).code).toBe(0);
    const db = openDb(path.join(out, 'flywheel.db'));
    addCandidates(db, [
      { round: 1, kind: 'knowledge', name: 'Arc midpoint', path: ['Plane Geometry', 'Circles', 'Chords', 'Arc midpoint'], sampleId: 's1' },
      { round: 1, kind: 'knowledge', name: '', path: ['Plane Geometry', ''], sampleId: 's2' },
    ]);
    await evolveOffline(db, 1);
    nodes = countNodes(db).total;
    db.close();
  });
  afterAll(() => t.cleanup());

  it('tree prints the hierarchy, cut at --depth and filtered by --domain', async () => {
    const [shallow, one, unknown] = await Promise.all([cli('knowledge', 'tree', '--depth', '2'), cli('knowledge', 'tree', '--domain', 'plane geometry'), cli('knowledge', 'tree', '--domain', 'Alchemy')]);
    expect(shallow.code).toBe(0);
    const lines = shallow.stdout.trimEnd().split('\n');
    expect(lines).toContain('Plane Geometry');
    expect(lines.some((l) => /^ {2}Circles {2}· \d+ more below$/.test(l))).toBe(true);
    expect(lines.every((l) => /^( {2})?\S/.test(l))).toBe(true);

    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^ {6}Arc midpoint {2}· 1 sample · round 1$/m);
    expect(one.stdout).not.toMatch(/^Solid Geometry/m);

    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no domain named "Alchemy"/);
    expect(unknown.stderr).toMatch(/fix: +use one of: .*Plane Geometry/);
  });

  it('stats summarises the tree and every round, also as JSON', async () => {
    const [text, json] = await Promise.all([cli('knowledge', 'stats'), cli('knowledge', 'stats', '--json')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`knowledge: ${nodes.toLocaleString('en-US')} nodes in 12 domains`));
    expect(text.stdout).toMatch(/round 1: \+1 nodes \(1 points, 0 groups\), \+0 tools; 2 candidates, merge rate 0\.0%, 1 rejected \(empty-name 1\)/);
    const s = JSON.parse(json.stdout) as { tree: { total: number }; coverage: { covered: number }; rounds: { round: number; candidates: { rejected: number } }[] };
    expect(s.tree.total).toBe(nodes);
    expect(s.coverage.covered).toBe(1);
    expect(s.rounds.map((r) => [r.round, r.candidates.rejected])).toEqual([[1, 1]]);
  });

  it('export writes one node per line with its parent and path, to a file or standard output', async () => {
    const file = path.join(t.dir, 'tree.jsonl');
    const [toFile, toStdout] = await Promise.all([cli('knowledge', 'export', file), cli('knowledge', 'export')]);
    expect(toFile.code).toBe(0);
    const rows = readJsonl<KnowledgeExportRow>(file);
    expect(rows).toHaveLength(nodes);
    expect(toStdout.stdout).toBe(fs.readFileSync(file, 'utf8'));
    const arc = rows.find((r) => r.name === 'Arc midpoint')!;
    expect(arc).toMatchObject({ level: 4, domain: 'Plane Geometry', source: 'generated', roundAdded: 1, aliases: [], acceptedSamples: 1 });
    expect(rows.find((r) => r.id === arc.parentId)!.path).toEqual(arc.path.slice(0, -1));
  });

  it('import reads the export back, and rejects bad rows with reasons and a non-zero exit', async () => {
    const file = path.join(t.dir, 'tree.jsonl');
    if (!fs.existsSync(file)) expect((await cli('knowledge', 'export', file)).code).toBe(0);
    const other = path.join(t.dir, 'other');
    const good = await runCli(['knowledge', 'import', file, '--output', other]);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(new RegExp(`imported ${nodes} of ${nodes} rows: ${nodes} new nodes`));

    const bad = path.join(t.dir, 'bad.jsonl');
    fs.writeFileSync(bad, ['{"id":"a","parentId":null,"name":"Optics"}', '', '{"id":"b","parentId":"c","name":"B"}', '{"id":"c","parentId":"b","name":"C"}', '{"id":"d","parentId":"a","name":"Lenses"}'].join('\n'));
    const r = await runCli(['knowledge', 'import', bad, '--output', other]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rejected line 3 \(id b\): cycle: b → c → b/);
    expect(r.stderr).toMatch(/rejected line 4 \(id c\): cycle/);
    expect(r.stderr).toMatch(/2 row\(s\) were rejected/);
    expect(r.stdout).toMatch(/imported 2 of 4 rows: 2 new nodes/);
  });
});
