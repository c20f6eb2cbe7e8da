import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { tmpDir } from '../support/tmp.js';
import { buildFixture, ELEMENTS, SECRET, TAGGED_ID, type Fixture } from './fixture.js';
import { cardTable, checkImage, countTags, parseCot, readRows, readSplits, storeQuery } from './read-back.js';

type Row = Record<string, any>;

const SPLIT = 'train=0.7,test=0.3';
const RUNS: Record<string, string[]> = {
  'v-interaction': [],
  sharegpt: ['--with-recovery', '--split', SPLIT],
  llamafactory: ['--with-recovery', '--split', SPLIT],
  'ms-swift': ['--with-recovery', '--split', SPLIT],
  perception: [],
  robustness: [],
};

describe('flywheel export: every format, re-read by an independent parser', () => {
  let t: { dir: string; cleanup: () => void };
  let fx: Fixture;
  const results: Record<string, CliResult> = {};
  const dir = (format: string) => path.join(t.dir, 'exports', format);
  let accepted: { id: string; parent_id: string | null; round: number; kind: string; depth: number; domain: string; difficulty: string }[];

  beforeAll(async () => {
    t = tmpDir('flywheel-export-');
    fx = buildFixture(path.join(t.dir, 'store'));
    // Every accepted sample but the one whose code writes a literal <image> (the export skips and counts it).
    accepted = storeQuery(fx.out, "SELECT id, parent_id, round, kind, depth, domain, difficulty FROM samples WHERE status = 'accepted' AND id != ? ORDER BY id", TAGGED_ID);
    await Promise.all(
      Object.entries(RUNS).map(async ([format, extra]) => {
        results[format] = await runCli(['export', '--output', fx.out, '--format', format, '--out', dir(format), '--json', ...extra]);
      }),
    );
  });
  afterAll(() => t.cleanup());

  it('every format exits 0 and writes its files', () => {
    for (const [format, r] of Object.entries(results)) {
      expect(r.stderr, format).toBe('');
      expect(r.code, format).toBe(0);
      const files = fs.readdirSync(dir(format));
      expect(files, format).toEqual(expect.arrayContaining(['README.md', 'stats.json', 'growth.svg', 'images']));
      expect(JSON.parse(r.stdout).files.every((f: string) => fs.existsSync(path.join(dir(format), f))), format).toBe(true);
    }
    expect(fs.readdirSync(dir('llamafactory'))).toContain('dataset_info.json');
  });

  it('v-interaction: one row per accepted sample with the V-Interaction fields, real images and a well-formed CoT', () => {
    const rows = readRows<Row>(path.join(dir('v-interaction'), 'data.jsonl'));
    expect(rows.map((r) => r.id)).toEqual(accepted.map((a) => a.id));
    const byId = new Map(fx.samples.map((s) => [s.id, s]));
    for (const r of rows) {
      const s = byId.get(r.id)!;
      for (const k of ['id', 'question', 'image', 'original_img_code', 'edited_image', 'tool_code', 'CoT_with_code', 'answer']) expect(r, k).toHaveProperty(k);
      expect(r).toMatchObject({ code_language: 'javascript', kind: s.kind, depth: s.depth, parent_id: s.parentId, round: s.round, difficulty: s.draft.difficulty, answer: s.draft.answer, original_img_code: s.draft.figureCode });
      expect(checkImage(dir('v-interaction'), r.image)).toBe(s.images!.original);
      expect(r.edited_images.map((p: string) => checkImage(dir('v-interaction'), p))).toEqual(s.images!.edited);
      expect(r.tool_codes).toEqual(s.draft.interactions.map((i) => i.code));
      expect(r.edited_image).toBe(r.edited_images.at(-1));
      expect(r.tool_code).toBe(r.tool_codes.at(-1));
      const cot = parseCot(r.CoT_with_code);
      expect(cot.codes).toEqual(r.tool_codes);
      expect(cot.outputs.every((o) => o === '<image>')).toBe(true);
      expect(countTags(r.CoT_with_code)).toBe(r.edited_images.length);
      expect(cot.answer).toBe(r.answer);
      expect(r.knowledge).toEqual(s.draft.knowledge.map((p) => p.join(' > ')));
      expect(r.scores).toEqual(Object.fromEntries(s.verdicts.map((v) => [v.checker, v.score])));
      if (s.draft.choices) expect(r.question).toContain(`B. ${s.draft.choices[1]}`);
    }
    const deep = rows.find((r) => r.id === 'r1-b1-xs-xp')!;
    expect(deep.edited_images).toHaveLength(3);
    // The solution step that motivates the first construction comes before its code.
    expect(parseCot(deep.CoT_with_code).thinks[0]).toMatch(/Drop the perpendicular from C to AB/);
  });

  it('the card and stats.json count what the database holds, mask secrets, and chart growth without external resources', () => {
    const readme = fs.readFileSync(path.join(dir('v-interaction'), 'README.md'), 'utf8');
    const stats = JSON.parse(fs.readFileSync(path.join(dir('v-interaction'), 'stats.json'), 'utf8'));
    const group = (col: string) =>
      Object.fromEntries(storeQuery<{ k: string; n: number }>(fx.out, `SELECT ${col} k, count(*) n FROM samples WHERE status = 'accepted' AND id != ? GROUP BY ${col}`, TAGGED_ID).map((r) => [String(r.k), r.n]));
    for (const [title, col, key] of [['domain', 'domain', 'byDomain'], ['difficulty', 'difficulty', 'byDifficulty'], ['depth', 'depth', 'byDepth'], ['kind', 'kind', 'byKind']] as const) {
      expect(cardTable(readme, title), title).toEqual(group(col));
      expect(stats.samples[key], key).toEqual(group(col));
    }
    const qa = storeQuery<{ score: number; n: number }>(fx.out, "SELECT v.score, count(*) n FROM verdicts v JOIN samples s ON s.id = v.sample_id WHERE s.status = 'accepted' AND s.id != ? AND v.checker = 'qa-correctness' GROUP BY v.score", TAGGED_ID);
    for (const { score, n } of qa) expect(stats.scores['qa-correctness'].histogram[score]).toBe(n);
    const nodes = storeQuery<{ n: number }>(fx.out, 'SELECT count(*) n FROM knowledge_nodes')[0]!.n;
    expect(stats.growth.at(-1)).toMatchObject({ round: 2, knowledgeTotal: nodes });
    expect(cardTable(readme, 'round')).toEqual(group('round'));
    expect(stats.skipped).toEqual({ 'its text contains a literal <image>': 1 });
    expect(readme).toMatch(/\| its text contains a literal <image> \| 1 \|/);
    expect(readme).toContain('Qwen2.5-VL-72B');
    expect(readme).toContain('![Knowledge and tool growth per round](growth.svg)');
    expect(readme).toMatch(/As recorded in the round reports:\n\n\| round \| knowledgeAdded \| toolsAdded \|\n\|---\|---\|---\|\n\| 1 \| 3 \| 1 \|\n\| 2 \| 2 \| 0 \|/);
    expect(stats.rounds[1].config.llm.defaults.apiKey).toMatch(/masked/);
    for (const f of ['README.md', 'stats.json']) expect(fs.readFileSync(path.join(dir('v-interaction'), f), 'utf8')).not.toContain(SECRET);
    const svg = fs.readFileSync(path.join(dir('v-interaction'), 'growth.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[\s\S]*<polyline[\s\S]*<\/svg>\n$/);
    expect(svg.replace('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|<script|href=/);
  });

  const sftFormats = ['sharegpt', 'llamafactory', 'ms-swift'] as const;

  it('SFT formats: image lists match the <image> tags, every image exists, turns are in order', () => {
    for (const format of sftFormats) {
      const rows = Object.values(readSplits<Row>(dir(format))).flat();
      expect(rows.filter((r) => r.trajectory === 'solve').map((r) => r.sample_id).sort(), format).toEqual(accepted.map((a) => a.id));
      for (const r of rows) {
        const turns: { role: string; text: string }[] =
          format === 'ms-swift' ? r.messages.map((m: Row) => ({ role: m.role, text: m.content })) : r.conversations.map((c: Row) => ({ role: c.from, text: c.value }));
        expect(turns.reduce((n, x) => n + countTags(x.text), 0), `${format} ${r.id}`).toBe(r.images.length);
        for (const img of r.images) checkImage(dir(format), img);
        const roles = turns.map((x) => x.role);
        if (format === 'ms-swift') {
          expect(roles.slice(0, 2)).toEqual(['system', 'user']);
          expect(roles.at(-1)).toBe('assistant');
          for (const [i, x] of turns.entries()) {
            if (x.role === 'tool_call') {
              expect(roles[i - 1]).toBe('assistant');
              expect(JSON.parse(x.text)).toMatchObject({ name: 'run_code', arguments: { language: 'javascript', code: expect.any(String) } });
              expect(roles[i + 1]).toBe('tool_response');
              expect(['success', 'error']).toContain(JSON.parse(turns[i + 1]!.text).status);
            }
          }
          expect(JSON.parse(r.tools)[0].function.name).toBe('run_code');
        } else {
          // LLaMA-Factory's rule: user/observation turns at even positions, assistant turns at odd ones, ending with the assistant.
          const toolRole = format === 'llamafactory' ? 'observation' : 'human';
          roles.forEach((role, i) => expect(i % 2 === 0 ? ['human', toolRole] : ['gpt'], `${format} ${r.id} turn ${i}`).toContain(role));
          expect(roles.length % 2).toBe(0);
          expect(turns.at(-1)!.text).toMatch(/<answer>[^<]+<\/answer>$/);
        }
      }
    }
  });

  it('--with-recovery adds the failed code, the sandbox error and the fix as their own trajectory (not the figure failure)', () => {
    for (const format of sftFormats) {
      const rows = Object.values(readSplits<Row>(dir(format))).flat();
      const recs = rows.filter((r) => r.trajectory === 'recovery');
      expect(recs.map((r) => r.sample_id), format).toEqual(['r1-b2']);
      const rec = recs[0]!;
      const text = JSON.stringify(rec);
      expect(text).toContain('vt.perpendicularFot');
      expect(text).toContain('vt.perpendicularFot is not a function');
      expect(text).not.toContain('vt.polygn');
      const turns: string[] = format === 'ms-swift' ? rec.messages.map((m: Row) => m.content) : rec.conversations.map((c: Row) => c.value);
      const failing = turns.findIndex((x) => x.includes('perpendicularFot(') && !x.includes('not a function'));
      const error = turns.findIndex((x) => x.includes('is not a function'));
      const fixed = turns.findIndex((x, i) => i > error && x.includes('perpendicularFoot('));
      expect(failing, format).toBeGreaterThan(0);
      expect(error).toBeGreaterThan(failing);
      expect(fixed).toBeGreaterThan(error);
      expect(rec.images).toHaveLength(2);
    }
  });

  it('splits keep every lineage together and are the same in every format', () => {
    const parentOf = new Map(accepted.map((a) => [a.id, a.parent_id]));
    // The lineage root found by walking parent links (not the stored root_id the export uses).
    const rootOf = new Map(accepted.map((a) => {
      let id = a.id;
      while (parentOf.get(id)) id = parentOf.get(id)!;
      return [a.id, id];
    }));
    const splitOfSample: Record<string, Map<string, string>> = {};
    for (const format of sftFormats) {
      const m = new Map<string, string>();
      for (const [split, rows] of Object.entries(readSplits<Row>(dir(format)))) for (const r of rows) m.set(r.sample_id, split);
      splitOfSample[format] = m;
      expect(new Set(m.values()), format).toEqual(new Set(['train', 'test']));
      const rootSplit = new Map<string, string>();
      for (const [id, split] of m) {
        const root = rootOf.get(id)!;
        expect(rootSplit.get(root) ?? split, `lineage of ${root} crosses splits`).toBe(split);
        rootSplit.set(root, split);
        const parent = parentOf.get(id);
        if (parent && m.has(parent)) expect(m.get(parent), `${id} and its parent`).toBe(split);
      }
    }
    expect([...splitOfSample.llamafactory!]).toEqual([...splitOfSample.sharegpt!]);
    expect([...splitOfSample['ms-swift']!]).toEqual([...splitOfSample.sharegpt!]);
    const info = JSON.parse(fs.readFileSync(path.join(dir('llamafactory'), 'dataset_info.json'), 'utf8'));
    for (const entry of Object.values<Row>(info)) {
      expect(entry).toMatchObject({ formatting: 'sharegpt', columns: { messages: 'conversations', images: 'images' } });
      expect(fs.existsSync(path.join(dir('llamafactory'), entry.file_name))).toBe(true);
    }
  });

  it('perception: answers are the element coordinates (or computed from them), three levels, at most 8 per figure', () => {
    const rows = readRows<Row>(path.join(dir('perception'), 'data.jsonl'));
    const named = Object.fromEntries(ELEMENTS.filter((e) => e.type === 'point').map((e) => [e.name!, e.points[0]!]));
    const r2 = (p: { x: number; y: number }) => [Math.round(p.x), Math.round(p.y)];
    const expected = (r: Row): number[] | null => {
      const [a, b, c] = (r.targets as string[]).map((n) => named[n]!);
      switch (r.type) {
        case 'labelled-point':
          return r2(a!);
        case 'circle-centre':
          return r2(named.O!);
        case 'right-angle-vertex':
          return r2(named.C!);
        case 'midpoint':
          return r2({ x: (a!.x + b!.x) / 2, y: (a!.y + b!.y) / 2 });
        case 'centroid':
          return r2({ x: (a!.x + b!.x + c!.x) / 3, y: (a!.y + b!.y + c!.y) / 3 });
        case 'highest-vertex':
        case 'lowest-vertex':
        case 'leftmost-vertex':
        case 'rightmost-vertex': {
          const key = { highest: (p: { y: number }) => -p.y, lowest: (p: { y: number }) => p.y, leftmost: (p: { x: number }) => -p.x, rightmost: (p: { x: number }) => p.x }[
            (r.type as string).split('-')[0] as 'highest'
          ] as (p: { x: number; y: number }) => number;
          const ranked = [...ELEMENTS.find((e) => e.type === 'polygon')!.points].sort((p, q) => key(q) - key(p));
          expect(key(ranked[0]!)).toBeGreaterThan(key(ranked[1]!));
          return r2(ranked[0]!);
        }
        case 'perpendicular-foot': {
          const d = { x: c!.x - b!.x, y: c!.y - b!.y };
          const k = ((a!.x - b!.x) * d.x + (a!.y - b!.y) * d.y) / (d.x * d.x + d.y * d.y);
          return r2({ x: b!.x + k * d.x, y: b!.y + k * d.y });
        }
        default:
          return null;
      }
    };
    const perFigure = new Map<string, number>();
    for (const r of rows) {
      checkImage(dir('perception'), r.image);
      expect(['surface', 'semantic', 'integrated']).toContain(r.level);
      const want = expected(r);
      if (want) expect(r.answer, `${r.id}: ${r.question}`).toEqual(want);
      else expect(r.type).toBe('intersection');
      expect(Number.isInteger(r.answer[0]) && Number.isInteger(r.answer[1])).toBe(true);
      perFigure.set(r.image, (perFigure.get(r.image) ?? 0) + 1);
    }
    expect(Math.max(...perFigure.values())).toBeLessThanOrEqual(8);
    expect(Math.min(...perFigure.values())).toBe(8);
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set(['surface', 'semantic', 'integrated']));
    expect(rows.some((r) => r.question.includes('Figure 1'))).toBe(false);
    // One figure per distinct original image; robustness figures (rotated) and figures without elements are left out.
    const figures = new Set(fx.samples.filter((s) => s.status === 'accepted' && s.kind !== 'robustness' && s.elements.length).map((s) => s.images!.original));
    expect(perFigure.size).toBe(figures.size);
    expect(rows.some((r) => r.sample_id.includes('-trotate'))).toBe(false);
  });

  it('robustness: only the pre-transformed samples, with the transform, the corrective code and the upright reference', () => {
    const rows = readRows<Row>(path.join(dir('robustness'), 'data.jsonl'));
    expect(rows.map((r) => r.id)).toEqual(['r1-b2-trotate90']);
    const [r] = rows as [Row];
    const parent = fx.samples.find((s) => s.id === 'r1-b2')!;
    expect(r).toMatchObject({ transform: 'rotate90', corrective_code: 'vt.rotate(270);', kind: 'robustness', parent_id: 'r1-b2' });
    expect(checkImage(dir('robustness'), r.reference_image)).toBe(parent.images!.original);
    expect(parseCot(r.CoT_with_code).codes[0]).toBe('vt.rotate(270);');
  });
});
