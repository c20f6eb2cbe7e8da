import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tmpDir } from '../support/tmp.js';
import { readOutput, type SampleRow } from '../support/pipeline-db.js';
import { imageRelPath } from '../../src/store/images.js';
import { readJsonl } from '../../src/store/jsonl.js';
import { pidAlive } from '../../src/redis/process.js';

const PER_ROUND = 5;
const PROBLEMS = 3;

describe('offline flywheel, two rounds through real Redis, Chromium and SQLite', () => {
  const t = tmpDir('flywheel-e2e-');
  const out = path.join(t.dir, 'out');
  let run: Awaited<ReturnType<typeof runCli>>;
  let samples: SampleRow[];
  const byId = new Map<string, SampleRow>();

  beforeAll(async () => {
    run = await runCli([
      'run', '--rounds', '2', '--per-round', String(PER_ROUND), '--seed', '5', '--output', out, '--no-progress',
      '--set', 'pipeline.offlineFlawRate=0.4', '--set', 'pipeline.robustnessShare=0.4',
    ]);
    samples = readOutput(out).samples;
    for (const s of samples) byId.set(s.id, s);
  }, 240_000);
  afterAll(() => t.cleanup());

  it('finishes both rounds and reports them', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^round 1: \d+ samples/m);
    expect(run.stdout).toMatch(/^round 2: \d+ samples/m);
    expect(readOutput(out).rounds).toEqual([{ id: 1, status: 'done' }, { id: 2, status: 'done' }]);
  });

  it('authors three problems per planned call, and every sample reaches a terminal status', () => {
    for (const round of [1, 2]) expect(samples.filter((s) => s.round === round && s.kind === 'base')).toHaveLength(PER_ROUND * PROBLEMS);
    expect(samples.every((s) => ['accepted', 'rejected', 'failed'].includes(s.status))).toBe(true);
  });

  it('produces accepted, rejected, repaired, expanded (to depth 3) and robustness samples', () => {
    const statuses = new Set(samples.map((s) => s.status));
    const kinds = new Set(samples.map((s) => s.kind));
    expect([...statuses]).toEqual(expect.arrayContaining(['accepted', 'rejected']));
    expect([...kinds].sort()).toEqual(['base', 'expanded', 'repaired', 'robustness']);
    expect(Math.max(...samples.map((s) => s.depth))).toBe(3);
    expect(samples.filter((s) => s.status === 'accepted').length).toBeGreaterThan(samples.length / 2);
  });

  it('keeps consistent lineage', () => {
    for (const s of samples) {
      if (s.kind === 'base') {
        expect([s.parent_id, s.root_id, s.depth]).toEqual([null, s.id, 1]);
        continue;
      }
      const parent = byId.get(s.parent_id!);
      expect(parent, `${s.id}: parent ${s.parent_id}`).toBeDefined();
      expect(s.root_id).toBe(parent!.root_id);
      expect(s.round).toBe(parent!.round);
      if (s.kind === 'expanded') expect([parent!.status, s.depth]).toEqual(['accepted', parent!.depth + 1]);
      if (s.kind === 'repaired') expect([parent!.status, s.depth]).toEqual(['rejected', parent!.depth]);
      if (s.kind === 'robustness') expect([parent!.status, s.depth]).toEqual(['accepted', parent!.depth]);
    }
  });

  it('stores every image content-addressed on disk, an expanded child sharing its parent images', () => {
    const withImages = samples.filter((s) => s.images_json);
    expect(withImages.length).toBe(samples.length);
    for (const s of withImages) {
      const img = JSON.parse(s.images_json!) as { original: string; edited: string[] };
      expect(img.edited).toHaveLength((JSON.parse(s.draft_json) as { interactions: unknown[] }).interactions.length);
      for (const h of [img.original, ...img.edited]) {
        const bytes = fs.readFileSync(path.join(out, imageRelPath(h)));
        expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      }
    }
    const child = samples.find((s) => s.kind === 'expanded')!;
    const [c, p] = [child, byId.get(child.parent_id!)!].map((s) => JSON.parse(s.images_json!) as { original: string; edited: string[] });
    expect(c!.original).toBe(p!.original);
    expect(c!.edited.slice(0, p!.edited.length)).toEqual(p!.edited);
  });

  it('keeps the failed code and the fix as an error-recovery trace', () => {
    const recovered = samples.filter((s) => s.recovery_json !== '[]');
    expect(recovered.length).toBeGreaterThan(0);
    for (const s of recovered) {
      const [step] = JSON.parse(s.recovery_json) as { stage: string; code: string; error: string; errorType: string }[];
      expect(step!.stage).toBe('figure');
      expect(step!.error).toMatch(/is not a function/);
      expect(step!.code).not.toBe((JSON.parse(s.draft_json) as { figureCode: string }).figureCode);
    }
  });

  it('grows the knowledge system and writes the views and reports', () => {
    const growth = JSON.parse(fs.readFileSync(path.join(out, 'reports', 'growth-round-1.json'), 'utf8')) as { knowledge: { added: number }; tools: { added: number } };
    expect(growth.knowledge.added).toBeGreaterThan(0);
    expect(readJsonl(path.join(out, 'samples.jsonl'))).toHaveLength(samples.length);
    expect(readJsonl(path.join(out, 'knowledge.jsonl')).length).toBeGreaterThan(190);
    expect(fs.existsSync(path.join(out, 'reports', 'round-2.json'))).toBe(true);
  });

  it('status agrees with the database, and the embedded Redis is gone', async () => {
    const st = await runCli(['status', '--json', '--output', out]);
    const json = JSON.parse(st.stdout) as { samples: { total: number }; rounds: { id: number; stages: Record<string, { added: number; done: number }> }[] };
    expect(json.samples.total).toBe(samples.length);
    for (const r of json.rounds) for (const p of Object.values(r.stages)) expect(p.done).toBe(p.added);
    expect(fs.existsSync(path.join(out, 'redis', 'owner.json'))).toBe(false);
    const pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(path.join(out, 'redis'));
      } catch {
        return false;
      }
    });
    expect(pids.filter((p) => pidAlive(Number(p)))).toEqual([]);
  });
});
