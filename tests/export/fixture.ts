import fs from 'node:fs';
import { PNG } from 'pngjs';
import type { Draft } from '../../src/schemas/draft.js';
import type { FigureElement } from '../../src/schemas/rendered.js';
import type { RecoveryStep, Sample, SampleKind, SampleStatus } from '../../src/schemas/sample.js';
import { dbPath, openDb } from '../../src/store/db.js';
import { putImage } from '../../src/store/images.js';
import { upsertPoints } from '../../src/store/knowledge.js';
import { ensureRound, setRoundReport, setRoundStatus } from '../../src/store/rounds.js';
import { saveSamples } from '../../src/store/samples.js';
import { upsertTools } from '../../src/store/tools.js';

/**
 * A small real output folder for the export tests, built with the store's own functions: two rounds,
 * lineage up to depth 3, repaired and robustness children, recovery traces, figure elements, and real
 * PNG files stored content-addressed.
 */

export const SECRET = 'sk-test-secret-value-123';
/** An accepted sample whose interaction code contains a literal `<image>`: left out of tagged layouts. */
export const TAGGED_ID = 'r2-b6';

/** Right triangle ABC with the right angle at C, a free point D, and circle O. */
export const ELEMENTS: FigureElement[] = [
  { type: 'point', name: 'A', points: [{ x: 100, y: 100 }] },
  { type: 'point', name: 'B', points: [{ x: 400, y: 400 }] },
  { type: 'point', name: 'C', points: [{ x: 100, y: 400 }] },
  { type: 'point', name: 'D', points: [{ x: 330.4, y: 151.2 }] },
  { type: 'point', name: 'O', points: [{ x: 300, y: 210 }] },
  { type: 'polygon', points: [{ x: 100, y: 100 }, { x: 400, y: 400 }, { x: 100, y: 400 }] },
  { type: 'segment', name: 'CD', points: [{ x: 100, y: 400 }, { x: 330.4, y: 151.2 }] },
  { type: 'circle', points: [{ x: 300, y: 210 }], radius: 60 },
  { type: 'angle', points: [{ x: 100, y: 100 }, { x: 100, y: 400 }, { x: 400, y: 400 }] },
  { type: 'text', text: 'Figure 1', points: [{ x: 20, y: 490 }] },
];

let pngSeed = 0;
/** A distinct small PNG each call (a different colour), stored in the output folder; returns its hash. */
function image(out: string): string {
  const seed = ++pngSeed;
  const img = new PNG({ width: 24, height: 24 });
  for (let i = 0; i < img.data.length; i += 4) {
    img.data[i] = (seed * 53) % 256;
    img.data[i + 1] = (seed * 97 + (i % 96)) % 256;
    img.data[i + 2] = (seed * 29) % 256;
    img.data[i + 3] = 255;
  }
  return putImage(out, PNG.sync.write(img));
}

const STEPS = [
  { description: 'Drop the perpendicular from C to AB', code: 'const F = vt.perpendicularFoot(state.C, state.A, state.B);\nvt.segment(state.C, F, { dash: [4, 4] });' },
  { description: 'Mark the midpoint M of AB', code: 'const M = vt.midpoint(state.A, state.B);\nvt.point(M, "M");' },
  { description: 'Connect M and C', code: 'vt.segment(vt.midpoint(state.A, state.B), state.C);' },
];

function draft(steps: number, domain: string, over: Partial<Draft> = {}): Draft {
  return {
    knowledge: [[domain, 'Triangles', 'Right triangles'], [domain, 'Triangles', 'Altitudes']],
    tools: ['construct perpendicular line', 'midpoint'],
    difficulty: steps === 1 ? 'easy' : steps === 2 ? 'medium' : 'hard',
    problemType: 'multiple-choice',
    width: 512,
    height: 512,
    figureCode: 'const A = vt.point(100, 100, "A");\nconst B = vt.point(400, 400, "B");\nconst C = vt.point(100, 400, "C");\nvt.polygon([A, B, C]);',
    question: 'In right triangle ABC, how long is the altitude from C to the hypotenuse AB?',
    choices: ['150', '212.1', '300', '424.3'],
    answer: 'B',
    solution: [
      'Triangle ABC has legs CA = CB = 300.',
      'Drop the perpendicular from C to AB; its foot F splits the hypotenuse.',
      'The area is 300 · 300 / 2 = 45000, and AB = 424.3.',
      'So the altitude CF = 2 · 45000 / 424.3 = 212.1.',
      'The answer is B.',
    ].join('\n'),
    interactions: STEPS.slice(0, steps),
    ...over,
  };
}

function verdicts(qa: number): Sample['verdicts'] {
  return [
    { checker: 'rules', score: 10, pass: true, reasons: [] },
    { checker: 'qa-correctness', score: qa, pass: qa >= 7, reasons: qa >= 7 ? [] : ['answer mismatch'] },
    { checker: 'image-validity', score: 9, pass: true, reasons: [] },
    { checker: 'interaction-consistency', score: 8, pass: true, reasons: [] },
  ];
}

interface Spec {
  id: string;
  round: number;
  parent?: { id: string; root: string; original: string; edited: string[] };
  kind?: SampleKind;
  steps: number;
  domain?: string;
  status?: SampleStatus;
  qa?: number;
  recovery?: RecoveryStep[];
  elements?: FigureElement[];
  draft?: Partial<Draft>;
  /** Reuse the parent's figure (expanded and repaired children do). */
  sameFigure?: boolean;
}

export interface Fixture {
  out: string;
  /** Every stored sample with its lineage root, as stored. */
  samples: (Sample & { rootId: string })[];
}

export function buildFixture(out: string): Fixture {
  fs.mkdirSync(out, { recursive: true });
  const db = openDb(dbPath(out));
  const samples: (Sample & { rootId: string })[] = [];
  const add = (s: Spec) => {
    const original = s.sameFigure && s.parent ? s.parent.original : image(out);
    const inherited = s.sameFigure && s.parent ? s.parent.edited.slice(0, s.steps) : [];
    const edited = [...inherited, ...Array.from({ length: s.steps - inherited.length }, () => image(out))];
    const sample: Sample & { rootId: string } = {
      id: s.id,
      round: s.round,
      parentId: s.parent?.id ?? null,
      rootId: s.parent?.root ?? s.id,
      kind: s.kind ?? 'base',
      depth: s.kind === 'expanded' ? s.steps : 1,
      draft: draft(s.steps, s.domain ?? 'Plane Geometry', s.draft),
      images: { original, edited },
      elements: s.elements ?? ELEMENTS,
      verdicts: verdicts(s.qa ?? 9),
      status: s.status ?? 'accepted',
      provenance: {
        provider: s.round === 1 ? 'offline' : 'openai-compatible',
        models: s.round === 1 ? { author: 'offline-blueprints', checker: 'offline-rules' } : { author: 'Qwen2.5-VL-72B', checker: 'Qwen2.5-VL-7B' },
        promptVersions: { author: 'v1' },
        usage: { promptTokens: 100, completionTokens: 50, cost: 0.001 },
        attempts: 1 + (s.recovery?.length ?? 0),
      },
      recovery: s.recovery ?? [],
    };
    samples.push(sample);
    return { id: sample.id, root: sample.rootId, original, edited };
  };

  upsertPoints(db, [
    { path: ['Plane Geometry', 'Triangles', 'Right triangles'], source: 'seed', roundAdded: 0 },
    { path: ['Physics', 'Mechanics', 'Inclined plane'], source: 'seed', roundAdded: 0 },
  ]);
  upsertPoints(db, [{ path: ['Plane Geometry', 'Triangles', 'Altitudes'], source: 'generated', roundAdded: 1 }]);
  upsertPoints(db, [{ path: ['Plane Geometry', 'Circles', 'Inscribed angles'], source: 'generated', roundAdded: 2 }]);
  upsertTools(db, [
    { name: 'construct perpendicular line', description: 'drop a perpendicular', source: 'seed', roundAdded: 0 },
    { name: 'midpoint', description: 'mark a midpoint', source: 'seed', roundAdded: 0 },
  ]);
  upsertTools(db, [{ name: 'rotate image', description: 'rotate the image', source: 'generated', roundAdded: 1 }]);

  for (const round of [1, 2]) {
    const config = {
      outputDir: out,
      pipeline: { perRound: 16, passThreshold: 7, maxDepth: 3 },
      llm: round === 1 ? { defaults: {}, roles: {} } : { defaults: { baseURL: 'http://localhost:8000/v1', apiKey: SECRET }, roles: { author: { model: 'Qwen2.5-VL-72B' }, checker: { model: 'Qwen2.5-VL-7B' } } },
    };
    ensureRound(db, round, 1000 + round, [], config);
    setRoundReport(db, round, { round, durationMs: 1234 * round, growth: { knowledgeAdded: round === 1 ? 3 : 2, toolsAdded: round === 1 ? 1 : 0, note: 'as recorded' } });
    setRoundStatus(db, round, 'done');
  }

  // A three-level lineage: base → expanded (2 steps) → expanded (3 steps), children reuse the figure.
  const b1 = add({ id: 'r1-b1', round: 1, steps: 1 });
  const x1 = add({ id: 'r1-b1-xs', round: 1, parent: b1, kind: 'expanded', steps: 2, sameFigure: true });
  add({ id: 'r1-b1-xs-xp', round: 2, parent: { ...x1, root: b1.root }, kind: 'expanded', steps: 3, sameFigure: true });
  // A base with a failed interaction attempt and a failed figure attempt, its repaired child and a robustness copy.
  const b2 = add({
    id: 'r1-b2',
    round: 1,
    steps: 1,
    domain: 'Physics',
    recovery: [
      { stage: 'figure', code: 'vt.polygn([A, B, C]);', error: 'TypeError: vt.polygn is not a function', errorType: 'runtime' },
      { stage: 'interaction', code: 'const F = vt.perpendicularFot(state.C, state.A, state.B);\nvt.segment(state.C, F);', error: 'TypeError: vt.perpendicularFot is not a function\n    at line 1', errorType: 'runtime' },
    ],
  });
  add({ id: 'r1-b2-r', round: 1, parent: b2, kind: 'repaired', steps: 1, domain: 'Physics', sameFigure: true, draft: { question: 'How long is the altitude CF?' } });
  add({
    id: 'r1-b2-trotate90',
    round: 1,
    parent: b2,
    kind: 'robustness',
    steps: 2,
    domain: 'Physics',
    draft: { interactions: [{ description: 'Rotate the image 90° clockwise to turn the figure upright', code: 'vt.rotate(270);' }, STEPS[0]!] },
  });
  // Round 2: a lower-scoring hard base, a fill-in-the-blank base without elements, and a rejected one.
  add({ id: 'r2-b3', round: 2, steps: 1, qa: 7, draft: { difficulty: 'hard' } });
  add({ id: 'r2-b4', round: 2, steps: 1, elements: [], draft: { problemType: 'fill-in-the-blank', choices: undefined, answer: '212.1' } });
  add({ id: 'r2-b5', round: 2, steps: 1, status: 'rejected', qa: 3 });
  // Code that writes the image placeholder itself: it would shift the images of any tagged layout.
  add({ id: TAGGED_ID, round: 2, steps: 1, draft: { interactions: [{ description: 'Label the foot F', code: 'vt.text("<image>", 10, 10);' }] } });
  // Many small lineages (base → expanded child) so splits have something to divide.
  for (let i = 0; i < 24; i++) {
    const round = 1 + (i % 2);
    const b = add({ id: `r${round}-g${String(i).padStart(2, '0')}`, round, steps: 1, domain: i % 3 === 0 ? 'Physics' : 'Plane Geometry' });
    add({ id: `${b.id}-xp`, round, parent: b, kind: 'expanded', steps: 2, sameFigure: true, domain: i % 3 === 0 ? 'Physics' : 'Plane Geometry' });
  }
  saveSamples(db, samples);
  db.close();
  return { out, samples };
}
