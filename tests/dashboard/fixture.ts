import { PNG } from 'pngjs';
import type { Queues } from '../../src/pipeline/queues.js';
import { jobIds } from '../../src/pipeline/stages.js';
import type { SampleEnvelope } from '../../src/pipeline/payloads.js';
import type { Draft } from '../../src/schemas/draft.js';
import type { Sample, SampleKind, SampleStatus } from '../../src/schemas/sample.js';
import type { Db } from '../../src/store/db.js';
import { recordFailures } from '../../src/store/failures.js';
import { putImage } from '../../src/store/images.js';
import { upsertPoints } from '../../src/store/knowledge.js';
import { ensureRound, setRoundReport, setRoundStatus } from '../../src/store/rounds.js';
import { saveSamples } from '../../src/store/samples.js';
import { upsertTools } from '../../src/store/tools.js';
import { recordUsage } from '../../src/store/usage.js';
import { importSeeds, loadSeeds } from '../../seeds/load.js';

/** A realistic output folder for the dashboard tests: seeds, two rounds, lineage, images, usage, failures. */

export const PATHS = {
  parallel: ['Plane Geometry', 'Lines and Angles', 'Parallel Lines', 'Corresponding angles'],
  vertical: ['Plane Geometry', 'Lines and Angles', 'Angle Relationships', 'Vertical angles'],
  newRound1: ['Plane Geometry', 'Lines and Angles', 'Parallel Lines', 'Transversal angle chase'],
  newRound2: ['Transformations and Symmetry', 'Glide Reflections', 'Glide reflection composition'],
};

export const HOSTILE_ID = 'r2-g0-p0';
export const HOSTILE_QUESTION = `Is </p><script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"> & "quoted" 'text' a zebracorn?`;
export const ROOT_ID = 'r1-g0-p0';
export const FAILED_ID = 'r1-g26-p0';

function png(seed: number): Buffer {
  const img = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < img.data.length; i += 4) {
    img.data[i] = (seed * 53) % 256;
    img.data[i + 1] = (seed * 97 + (i % 192)) % 256;
    img.data[i + 2] = (seed * 29) % 256;
    img.data[i + 3] = 255;
  }
  return PNG.sync.write(img);
}

function draft(question: string, knowledge: string[][], extra: Partial<Draft> = {}): Draft {
  return {
    knowledge,
    tools: ['construct perpendicular line'],
    difficulty: 'medium',
    problemType: 'multiple-choice',
    width: 64,
    height: 64,
    figureCode: 'const A = point(10, 10, "A");\nsegment(A, point(40, 40, "B"));',
    question,
    choices: ['30°', '45°', '60°', '90°'],
    answer: 'B',
    solution: 'The transversal makes equal corresponding angles, so the angle is 45°.',
    interactions: [{ description: 'Mark the corresponding angle', code: 'angleMark(A, B, C);' }],
    ...extra,
  };
}

interface SampleSpec {
  id: string;
  round: number;
  parentId?: string;
  kind?: SampleKind;
  depth?: number;
  status: SampleStatus;
  draft: Draft;
  score: number;
  images?: boolean;
  recovery?: Sample['recovery'];
}

export interface Fixture {
  samples: Sample[];
  /** Total PNGs written (for image checks). */
  imageSeeds: number;
}

export function buildDatabase(db: Db, outputDir: string): Fixture {
  importSeeds(db, loadSeeds());
  upsertPoints(db, [
    { path: PATHS.newRound1, source: 'generated', roundAdded: 1, description: 'found by round 1' },
    { path: PATHS.newRound2, source: 'generated', roundAdded: 2 },
  ]);
  upsertTools(db, [
    { name: 'angle chase highlighter', description: 'Highlights equal angles along a transversal.', source: 'generated', roundAdded: 1 },
    { name: 'glide reflection marker', description: 'Draws the mirror line and the translation vector.', source: 'generated', roundAdded: 2 },
  ]);

  ensureRound(db, 1, 11, { items: 27 }, { perRound: 9 });
  ensureRound(db, 2, 12, { items: 3 }, { perRound: 1 });
  setRoundStatus(db, 1, 'done');
  setRoundStatus(db, 2, 'running');
  setRoundReport(db, 1, {
    round: 1,
    durationMs: 83_000,
    acceptedPerSecond: 0.3,
    growth: { knowledge: { added: 1, newPoints: 1, merged: 4 }, tools: { added: 1 }, coverage: { share: 0.12 }, note: '<b>not bold</b>' },
  });

  const specs: SampleSpec[] = [];
  for (let i = 0; i < 26; i++) {
    const rejected = i % 5 === 4;
    specs.push({
      id: `r1-g${i}-p0`,
      round: 1,
      status: rejected ? 'rejected' : 'accepted',
      draft: draft(`Two parallel lines are cut by a transversal (figure ${i}). What is angle x?`, [i % 2 ? PATHS.vertical : PATHS.parallel]),
      score: rejected ? 3 : 8 + (i % 3),
    });
  }
  specs.push(
    { id: `${ROOT_ID}-r`, round: 1, parentId: ROOT_ID, kind: 'repaired', status: 'accepted', draft: draft('Repaired: what is angle y?', [PATHS.parallel]), score: 9 },
    { id: `${ROOT_ID}-xs`, round: 1, parentId: ROOT_ID, kind: 'expanded', depth: 2, status: 'accepted', draft: draft('Expanded: reflect the figure, then find angle z.', [PATHS.newRound1]), score: 8 },
    { id: `${ROOT_ID}-xs-xs`, round: 1, parentId: `${ROOT_ID}-xs`, kind: 'expanded', depth: 3, status: 'rejected', draft: draft('Expanded twice: find angle w.', [PATHS.newRound1]), score: 4 },
    {
      id: FAILED_ID,
      round: 1,
      status: 'failed',
      draft: draft('A figure that never rendered: find angle v.', [PATHS.vertical]),
      score: 0,
      images: false,
      recovery: [
        { stage: 'figure', code: 'segment(A, undefinedPoint);', error: 'ReferenceError: undefinedPoint is not defined', errorType: 'ReferenceError' },
        { stage: 'interaction', code: 'rotate(image, "ninety");', error: 'TypeError: angle must be a number', errorType: 'TypeError' },
      ],
    },
    {
      id: HOSTILE_ID,
      round: 2,
      status: 'accepted',
      draft: draft(HOSTILE_QUESTION, [PATHS.newRound2], {
        solution: '<iframe src="https://evil.example"></iframe> the glide reflection maps A to A\'.',
        figureCode: 'label("</code></pre><script>window.__pwned = 3</script>");',
        choices: ['<b>yes</b>', 'no'],
        answer: 'A',
      }),
      score: 9,
    },
    { id: 'r2-g1-p0', round: 2, status: 'accepted', draft: draft('Compose two glide reflections: where does P go?', [PATHS.newRound2]), score: 7 },
  );

  let imageSeed = 0;
  const samples: Sample[] = specs.map((s) => {
    const images = s.images === false ? null : { original: putImage(outputDir, png(++imageSeed)), edited: [putImage(outputDir, png(++imageSeed))] };
    const pass = s.score >= 7;
    return {
      id: s.id,
      round: s.round,
      parentId: s.parentId ?? null,
      kind: s.kind ?? 'base',
      depth: s.depth ?? 1,
      draft: s.draft,
      images,
      elements: [],
      status: s.status,
      verdicts:
        s.status === 'failed'
          ? []
          : [
              { checker: 'rules', score: 10, pass: true, reasons: [] },
              { checker: 'qa-correctness', score: s.score, pass, reasons: pass ? [] : [`answer disagrees with the figure (score ${s.score})`] },
            ],
      provenance: { provider: 'offline', models: { author: 'blueprint-v1' }, promptVersions: { author: 'v1' }, usage: { promptTokens: 900, completionTokens: 300, cost: 0.002 }, attempts: 1 },
      recovery: s.recovery ?? [],
    };
  });
  saveSamples(
    db,
    samples.map((s) => ({ ...s, rootId: s.parentId ? ROOT_ID : s.id })),
  );
  recordFailures(db, [
    { round: 1, sampleId: FAILED_ID, jobId: jobIds.render(FAILED_ID, 2), stage: 'render', reason: 'code-error', message: 'gave up after 2 code repairs: <TypeError>', attempt: 3 },
  ]);
  recordUsage(db, [
    { round: 1, sampleId: ROOT_ID, role: 'author', model: 'blueprint-v1', usage: { promptTokens: 1200, completionTokens: 400, cost: 0.25 }, cached: false },
    { round: 1, sampleId: null, role: 'checker', model: 'judge-v1', usage: { promptTokens: 800, completionTokens: 100, cost: 0.05 }, cached: true },
    { round: 2, sampleId: HOSTILE_ID, role: 'author', model: 'blueprint-v1', usage: { promptTokens: 500, completionTokens: 200, cost: 0.1 }, cached: false },
  ]);
  return { samples, imageSeeds: imageSeed };
}

export function envelope(s: Sample): SampleEnvelope {
  return {
    id: s.id,
    round: s.round,
    parentId: s.parentId,
    rootId: s.parentId ? ROOT_ID : s.id,
    kind: s.kind,
    depth: s.depth,
    draft: s.draft,
    codeAttempts: 0,
    repairAttempts: 0,
    recovery: [],
    calls: [],
    provider: 'offline',
    models: { author: 'blueprint-v1' },
    promptVersions: { author: 'v1' },
  };
}

/** Jobs waiting in the stage queues (no worker runs in these tests): one per sample-carrying stage and a plan job. */
export async function addJobs(queues: Queues, samples: Sample[]): Promise<{ renderJobId: string; sampleId: string }> {
  const hostile = samples.find((s) => s.id === HOSTILE_ID)!;
  const renderJobId = jobIds.render(hostile.id, 0);
  await queues.render.add('render', { round: 2, sample: envelope(hostile) }, { jobId: renderJobId });
  await queues.generate.add(
    'generate',
    { kind: 'plan', round: 2, unitId: 'r2-g2', item: { mode: 'knowledge', points: [{ id: 'k1', path: PATHS.newRound2 }] }, seed: 3 },
    { jobId: jobIds.generate(2, 2) },
  );
  return { renderJobId, sampleId: hostile.id };
}
