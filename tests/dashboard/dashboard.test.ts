import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardSettings } from '../../src/config/sections/dashboard.js';
import { PipelineSettings } from '../../src/config/sections/pipeline.js';
import { imagePath, samplePath } from '../../src/dashboard/html.js';
import { startDashboard, type RunningDashboard } from '../../src/dashboard/server.js';
import { closeQueues, openQueues, type Queues } from '../../src/pipeline/queues.js';
import type { Sample } from '../../src/schemas/sample.js';
import { dbPath, openDb, type Db } from '../../src/store/db.js';
import { listFailures } from '../../src/store/failures.js';
import { readImage } from '../../src/store/images.js';
import { childrenOf, getNodeByPath, listNodes } from '../../src/store/knowledge.js';
import { listRounds } from '../../src/store/rounds.js';
import { checkerPassRates, countSamples, getSample, iterateSamples, listSampleIds, saveSamples } from '../../src/store/samples.js';
import { listTools } from '../../src/store/tools.js';
import { usageTotals } from '../../src/store/usage.js';
import { startTestRedis } from '../support/redis.js';
import { tmpDir } from '../support/tmp.js';
import { attrs, launchBrowser, screenshot, texts } from './browser.js';
import { addJobs, buildDatabase, envelope, FAILED_ID, HOSTILE_ID, HOSTILE_QUESTION, PATHS, ROOT_ID, type Fixture } from './fixture.js';

const PIPELINE = PipelineSettings.parse({ queuePrefix: 'fwdash' });
const TOKEN = 'correct-horse-battery';

let t: ReturnType<typeof tmpDir>;
let redis: Awaited<ReturnType<typeof startTestRedis>>;
let queues: Queues;
let db: Db;
let dash: RunningDashboard;
let browser: Browser;
let fx: Fixture;
let jobs: Awaited<ReturnType<typeof addJobs>>;

const all = (): Sample[] => [...iterateSamples(db)];
/** The gallery's order: newest round first, then by id (SQLite compares the ASCII ids bytewise, as JS does). */
const galleryOrder = (list: Sample[]) => [...list].sort((a, b) => b.round - a.round || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((s) => s.id);
const minScore = (s: Sample) => (s.verdicts.length ? Math.min(...s.verdicts.map((v) => v.score)) : undefined);
const underPath = (s: Sample, prefix: string[]) => s.draft.knowledge.some((p) => prefix.every((seg, i) => p[i]?.toLowerCase() === seg.toLowerCase()));

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const res = await page.goto(new URL(url, dash.url).href, { waitUntil: 'domcontentloaded' });
  expect(res?.status(), url).toBe(200);
  return page;
}

async function navigate(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), action()]);
}

const cardIds = (page: Page) => attrs(page, '.gallery .card', 'data-id');

beforeAll(async () => {
  t = tmpDir('flywheel-dashboard-');
  const rw = openDb(dbPath(t.dir));
  fx = buildDatabase(rw, t.dir);
  rw.close();
  redis = await startTestRedis();
  queues = openQueues(redis.client, PIPELINE);
  jobs = await addJobs(queues, fx.samples);
  db = openDb(dbPath(t.dir), { readonly: true });
  dash = await startDashboard({ db, outputDir: t.dir, redisUrl: redis.server.url, settings: DashboardSettings.parse({ port: 0 }), pipeline: PIPELINE });
  browser = await launchBrowser(path.join(t.dir, 'chromium'));
});

afterAll(async () => {
  await browser?.close();
  await dash?.close();
  if (queues) await closeQueues(queues);
  db?.close();
  await redis?.stop();
  t?.cleanup();
});

describe('flywheel dashboard', () => {
  it('rounds page: one row per round with counts from the database, and growth charts', async () => {
    const page = await open('/');
    const rounds = listRounds(db);
    expect(await attrs(page, 'table.rounds tbody tr', 'data-round')).toEqual(rounds.map((r) => String(r.id)));
    const samples = all();
    const nodes = listNodes(db);
    const tools = listTools(db);
    for (const r of rounds) {
      const row = `#round-${r.id}`;
      const counts = countSamples(db, r.id);
      const cell = (field: string) => page.$eval(`${row} [data-field="${field}"]`, (e) => (e.textContent ?? '').trim());
      expect(await cell('status')).toBe(r.status);
      expect(await attrs(page, `${row} [data-total]`, 'data-total')).toEqual([String(counts.total)]);
      for (const [status, n] of Object.entries(counts.byStatus)) expect(await texts(page, `${row} a[data-status="${status}"]`)).toEqual([`${status} ${n}`]);
      const rates = checkerPassRates(db, r.id);
      expect(await attrs(page, `${row} [data-checker]`, 'data-checker')).toEqual(Object.keys(rates));
      for (const [name, c] of Object.entries(rates)) {
        expect(await attrs(page, `${row} [data-checker="${name}"]`, 'data-passed')).toEqual([String(c.passed)]);
        expect(await attrs(page, `${row} [data-checker="${name}"]`, 'data-judged')).toEqual([String(c.judged)]);
      }
      const ofRound = samples.filter((s) => s.round === r.id);
      const ratio = (list: Sample[]) => (list.length ? `${list.filter((s) => s.status === 'accepted').length}/${list.length}` : '–');
      expect(await cell('repairs')).toBe(ratio(ofRound.filter((s) => s.kind === 'repaired')));
      for (const depth of [2, 3]) {
        const expanded = ofRound.filter((s) => s.kind === 'expanded' && s.depth === depth);
        const shown = await texts(page, `${row} [data-depth="${depth}"]`);
        expect(shown).toEqual(expanded.length ? [`depth ${depth}: ${ratio(expanded)}`] : []);
      }
      expect(await attrs(page, `${row} [data-field="new-knowledge"]`, 'data-count')).toEqual([String(nodes.filter((n) => n.roundAdded === r.id).length)]);
      expect(await cell('new-tools')).toBe(String(tools.filter((x) => x.roundAdded === r.id).length));
      const usage = usageTotals(db, { round: r.id }).total;
      expect(await cell('tokens')).toBe((usage.promptTokens + usage.completionTokens).toLocaleString('en-US'));
      expect(await cell('cost')).toBe(`$${usage.cost.toFixed(2)}`);
    }
    expect(await page.$eval('#round-1 [data-field="duration"]', (e) => e.textContent)).toBe('1m 23s');
    expect(await texts(page, '#round-1 [data-field="new-knowledge"] small')).toEqual(['1 new point']);
    expect(await texts(page, '#round-2 [data-field="new-knowledge"] small')).toEqual([]);

    const cumulative = (list: { roundAdded: number }[]) => [0, 1, 2].map((r) => String(list.filter((x) => x.roundAdded <= r).length));
    expect(await attrs(page, '#knowledge-chart circle', 'data-value')).toEqual(cumulative(nodes));
    expect(await attrs(page, '#tools-chart circle', 'data-value')).toEqual(cumulative(tools));
    expect(await attrs(page, '#samples-chart rect[data-series="accepted"]', 'data-value')).toEqual(rounds.map((r) => String(countSamples(db, r.id).byStatus.accepted ?? 0)));

    await page.click('#round-1 details summary');
    const facts = await page.$$eval('#round-1 dl.facts dt', (dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(facts).toContainEqual(['knowledge.added', '1']);
    expect(facts).toContainEqual(['note', '<b>not bold</b>']);
    expect(await page.$$('#round-1 details b')).toHaveLength(0);
    await screenshot(page, 'rounds');
    await page.close();
  });

  it('gallery: paginates, and filters by status, kind, round, domain, depth and minimum score', async () => {
    const samples = all();
    const page = await open('/samples');
    expect(await attrs(page, '#match-count', 'data-total')).toEqual([String(samples.length)]);
    const first = await cardIds(page);
    expect(first).toEqual(galleryOrder(samples).slice(0, 24));
    await navigate(page, () => page.click('a[rel="next"]'));
    expect(await cardIds(page)).toEqual(galleryOrder(samples).slice(24));
    expect(await attrs(page, 'nav.pager', 'data-page')).toEqual(['2']);

    await page.goto(new URL('/samples', dash.url).href);
    await page.select('select[name="status"]', 'accepted');
    await page.select('select[name="kind"]', 'expanded');
    await navigate(page, () => page.click('form.filters button[type="submit"]'));
    expect(await cardIds(page)).toEqual(galleryOrder(samples.filter((s) => s.status === 'accepted' && s.kind === 'expanded')));
    expect(new URL(page.url()).searchParams.get('status')).toBe('accepted');

    await page.goto(new URL('/samples', dash.url).href);
    await page.select('select[name="minScore"]', '9');
    await navigate(page, () => page.click('form.filters button[type="submit"]'));
    expect(await cardIds(page)).toEqual(galleryOrder(samples.filter((s) => (minScore(s) ?? -1) >= 9)));
    await screenshot(page, 'gallery-min-score');

    await page.goto(new URL('/samples?round=1&depth=1&domain=Plane+Geometry&status=rejected', dash.url).href);
    expect(await cardIds(page)).toEqual(
      galleryOrder(samples.filter((s) => s.round === 1 && s.depth === 1 && s.draft.knowledge[0]![0] === 'Plane Geometry' && s.status === 'rejected')),
    );
    await page.goto(new URL('/samples?domain=Transformations+and+Symmetry', dash.url).href);
    expect(await cardIds(page)).toEqual(galleryOrder(samples.filter((s) => s.draft.knowledge[0]![0] === 'Transformations and Symmetry')));

    const bad = await page.goto(new URL('/samples?depth=7', dash.url).href);
    expect(bad?.status()).toBe(400);
    expect(await page.$eval('.error-message', (e) => e.textContent)).toMatch(/depth/);
    await page.close();
  });

  it('text search over questions and knowledge points, with matching knowledge nodes', async () => {
    const samples = all();
    const page = await open('/');
    await page.type('header input[name="q"]', 'zebracorn');
    await navigate(page, () => page.keyboard.press('Enter'));
    expect(await cardIds(page)).toEqual([HOSTILE_ID]);

    await page.goto(new URL('/samples?q=glide+reflect', dash.url).href);
    const words = ['glide', 'reflect'];
    const text = (s: Sample) => `${s.draft.question} ${s.draft.knowledge.flat().join(' ')}`.toLowerCase();
    const expected = samples.filter((s) => words.every((w) => new RegExp(`(^|[^\\p{L}\\p{N}_])${w}`, 'u').test(text(s))));
    expect(expected.length).toBeGreaterThan(1);
    expect(await cardIds(page)).toEqual(galleryOrder(expected));
    const hit = await page.$$eval('.node-hits a', (as) => as.map((a) => a.textContent));
    expect(hit).toContain('Transformations and Symmetry > Glide Reflections');
    await screenshot(page, 'search');

    const [link] = await page.$$('xpath/.//section[@class="node-hits"]//a[text()="Transformations and Symmetry > Glide Reflections"]');
    await navigate(page, () => link!.click());
    expect(await cardIds(page)).toEqual(galleryOrder(samples.filter((s) => underPath(s, PATHS.newRound2.slice(0, 2)))));

    const punct = await page.goto(new URL('/samples?q=%22*()', dash.url).href);
    expect(punct?.status()).toBe(200);
    expect(await attrs(page, '#match-count', 'data-total')).toEqual(['0']);
    await page.close();
  });

  it('sample page: images, problem, code, verdicts and lineage, with links that navigate', async () => {
    const s = getSample(db, ROOT_ID)!;
    const page = await open(samplePath(ROOT_ID));
    await page.waitForFunction("[...document.querySelectorAll('.images img')].every((i) => i.complete && i.naturalWidth > 0)");
    const imgs = await page.$$eval('.images img', (list) => list.map((i) => [i.getAttribute('src'), (i as HTMLImageElement).naturalWidth]));
    expect(imgs).toEqual([s.images!.original, ...s.images!.edited].map((h) => [imagePath(h), 64]));
    expect(await page.$eval('#question', (e) => e.textContent)).toBe(s.draft.question);
    expect(await page.$eval('#answer', (e) => e.textContent)).toBe(s.draft.answer);
    expect(await texts(page, 'ol.choices li')).toEqual(s.draft.choices!.map((c, i) => `${String.fromCharCode(65 + i)}. ${c}`));
    expect(await page.$eval('[data-code="figure"]', (e) => e.textContent)).toBe(s.draft.figureCode);
    expect(await page.$eval('[data-code="interaction-1"]', (e) => e.textContent)).toBe(s.draft.interactions[0]!.code);
    expect(await attrs(page, 'table.verdicts tr[data-checker]', 'data-checker')).toEqual(s.verdicts.map((v) => v.checker));
    expect(await page.$eval('#parent', (e) => e.textContent)).toMatch(/none/);
    expect(await attrs(page, '#children a', 'data-lineage')).toEqual(listSampleIds(db, { parentId: ROOT_ID }));
    await screenshot(page, 'sample');

    await navigate(page, () => page.click(`#children a[data-lineage="${ROOT_ID}-xs"]`));
    expect(new URL(page.url()).pathname).toBe(samplePath(`${ROOT_ID}-xs`));
    expect(await attrs(page, '#parent a', 'data-lineage')).toEqual([ROOT_ID]);
    expect(await attrs(page, '#children a', 'data-lineage')).toEqual([`${ROOT_ID}-xs-xs`]);
    await navigate(page, () => page.click(`#children a[data-lineage="${ROOT_ID}-xs-xs"]`));
    expect(await attrs(page, '#parent a', 'data-lineage')).toEqual([`${ROOT_ID}-xs`]);
    expect(await attrs(page, '.ancestor a', 'data-lineage')).toEqual([ROOT_ID]);
    const child = getSample(db, `${ROOT_ID}-xs-xs`)!;
    expect(await texts(page, 'tr[data-checker="qa-correctness"] li')).toEqual(child.verdicts.find((v) => v.checker === 'qa-correctness')!.reasons);

    const missing = await page.goto(new URL(samplePath('no-such-sample'), dash.url).href);
    expect(missing?.status()).toBe(404);
    await page.close();
  });

  it('sample page of a failed sample: failed attempts, their errors, and recorded failures', async () => {
    const s = getSample(db, FAILED_ID)!;
    const page = await open(samplePath(FAILED_ID));
    expect(await page.$$('.images img')).toHaveLength(0);
    const steps = await texts(page, 'ol.recovery > li .error-message');
    expect(steps).toEqual(s.recovery.map((r) => r.error));
    expect(await page.$$eval('ol.recovery > li pre', (pres) => pres.map((p) => p.textContent))).toEqual(s.recovery.map((r) => r.code));
    const failures = listFailures(db, { sampleId: FAILED_ID });
    expect(failures.length).toBeGreaterThan(0);
    expect(await texts(page, 'table.failures td.error-message')).toEqual(failures.map((f) => f.message));
    await screenshot(page, 'sample-failed');
    await page.close();
  });

  it('hostile question, choices, solution and code are shown as text and never run', async () => {
    const s = getSample(db, HOSTILE_ID)!;
    for (const url of [samplePath(HOSTILE_ID), '/samples?q=zebracorn', '/samples']) {
      const page = await open(url);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(await page.$$('main script, main iframe, main img[src="x"], main b b')).toHaveLength(0);
      if (url === samplePath(HOSTILE_ID)) {
        expect(await page.$eval('#question', (e) => e.textContent)).toBe(HOSTILE_QUESTION);
        expect(await page.$eval('.solution', (e) => e.textContent)).toBe(s.draft.solution);
        expect(await page.$eval('[data-code="figure"]', (e) => e.textContent)).toBe(s.draft.figureCode);
        expect(await texts(page, 'ol.choices li')).toEqual(['A. <b>yes</b>', 'B. no']);
        await screenshot(page, 'sample-hostile');
      } else {
        expect(await page.$eval(`.card[data-id="${HOSTILE_ID}"] .question`, (e) => e.textContent)).toBe(HOSTILE_QUESTION);
      }
      await page.close();
    }
  });

  it('knowledge tree: counts per node match the database, and nodes expand', async () => {
    const samples = all().filter((s) => s.status === 'accepted');
    const nodes = listNodes(db);
    const page = await open('/knowledge');
    expect(await attrs(page, '#knowledge-summary', 'data-nodes')).toEqual([String(nodes.length)]);
    const shown = await page.$$eval('li[data-node]', (lis) =>
      lis.map((li) => [li.getAttribute('data-node'), li.getAttribute('data-children'), li.getAttribute('data-accepted'), li.getAttribute('data-round')]),
    );
    expect(shown.map((r) => r[0])).toEqual(nodes.map((n) => n.id));
    const expected = nodes.map((n) => [n.id, String(childrenOf(db, n.id).length), String(samples.filter((s) => underPath(s, n.path)).length), String(n.roundAdded)]);
    expect(shown).toEqual(expected);
    expect(shown.find((r) => r[0] === getNodeByPath(db, PATHS.newRound1)!.id)![3]).toBe('1');

    const geometry = getNodeByPath(db, ['Plane Geometry'])!;
    const child = childrenOf(db, geometry.id)[0]!;
    const visible = () => page.$eval(`li[data-node="${child.id}"]`, (e) => e.checkVisibility());
    expect(await visible()).toBe(false);
    await page.click(`li[data-node="${geometry.id}"] > details > summary`);
    expect(await visible()).toBe(true);
    await screenshot(page, 'knowledge-expanded');
    await page.click('button[data-tree="expand"]');
    expect(await page.$$eval('#tree details:not([open])', (d) => d.length)).toBe(0);
    await page.click('button[data-tree="collapse"]');
    expect(await page.$$eval('#tree details[open]', (d) => d.length)).toBe(0);
    expect(await attrs(page, 'table.tools tr[data-tool]', 'data-tool')).toEqual(listTools(db).map((x) => x.id));
    await page.close();
  });

  it('images are served by hash only', async () => {
    const hash = getSample(db, ROOT_ID)!.images!.original;
    const ok = await fetch(new URL(imagePath(hash), dash.url));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await ok.arrayBuffer()).equals(readImage(t.dir, hash))).toBe(true);
    for (const bad of ['/images/..%2F..%2Fflywheel.db', `/images/${hash.toUpperCase()}.png`, `/images/${hash}.png.png`, '/images/%2e%2e%2fflywheel.db']) {
      expect((await fetch(new URL(bad, dash.url))).status, bad).toBe(400);
    }
    expect((await fetch(new URL(imagePath('0'.repeat(64)), dash.url))).status).toBe(404);
  });

  it('bull-board shows every stage queue read-only and links a job to its sample page', async () => {
    const api = await (await fetch(new URL('/queues/api/queues', dash.url))).json();
    expect(api.queues.map((q: { name: string }) => q.name).sort()).toEqual(Object.keys(queues).sort());
    expect(api.queues.every((q: { readOnlyMode: boolean }) => q.readOnlyMode)).toBe(true);
    for (const action of ['/queues/api/queues/render/pause', `/queues/api/queues/render/${jobs.renderJobId}/clean`, '/queues/api/queues/render/empty']) {
      expect((await fetch(new URL(action, dash.url), { method: 'PUT' })).status, action).toBe(405);
    }
    expect(await queues.render.isPaused()).toBe(false);
    expect(await queues.render.getJob(jobs.renderJobId)).toBeDefined();
    const plan = await (await fetch(new URL('/queues/api/queues?activeQueue=generate&status=waiting', dash.url))).json();
    const generate = plan.queues.find((q: { name: string }) => q.name === 'generate');
    expect(generate.jobs.map((j: { externalUrl?: { href: string } }) => j.externalUrl?.href)).toEqual(['/samples?round=2']);

    const page = await open('/queues/queue/render?status=waiting');
    const link = `a[href="${samplePath(jobs.sampleId)}"]`;
    await page.waitForSelector(link);
    await screenshot(page, 'queues-render');
    const [target] = await Promise.all([browser.waitForTarget((x) => x.url().endsWith(samplePath(jobs.sampleId))), page.click(link)]);
    const tab = (await target.page())!;
    await tab.waitForSelector('#question');
    expect(await tab.$eval('h1 code', (e) => e.textContent)).toBe(jobs.sampleId);
    await tab.close();
    await page.close();
  });

  it('with a token, every request needs it; actions work only when allowed', async () => {
    await expect(
      startDashboard({ db, outputDir: t.dir, redisUrl: redis.server.url, settings: DashboardSettings.parse({ host: '0.0.0.0', port: 0 }), pipeline: PIPELINE }),
    ).rejects.toThrow(/refusing to serve the dashboard on 0\.0\.0\.0 without an access token/);

    const secure = await startDashboard({
      db,
      outputDir: t.dir,
      redisUrl: redis.server.url,
      settings: DashboardSettings.parse({ host: '0.0.0.0', port: 0, token: TOKEN, allowActions: true }),
      pipeline: PIPELINE,
    });
    const base = `http://127.0.0.1:${secure.port}`;
    try {
      for (const p of ['/', '/samples', '/knowledge', '/queues/api/queues', imagePath(getSample(db, ROOT_ID)!.images!.original)]) {
        expect((await fetch(base + p)).status, p).toBe(401);
        expect((await fetch(base + p, { headers: { authorization: 'Bearer wrong-token-000' } })).status, p).toBe(401);
        expect((await fetch(base + p, { headers: { authorization: `Bearer ${TOKEN}` } })).status, p).toBe(200);
      }
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      expect((await page.goto(`${base}/knowledge`))?.status()).toBe(401);
      await page.type('input[name="token"]', 'wrong-token-000');
      const [denied] = await Promise.all([page.waitForNavigation(), page.click('button')]);
      expect(denied?.status()).toBe(401);
      await page.goto(`${base}/login?token=${TOKEN}`);
      expect(page.url()).toBe(`${base}/`);
      expect(await page.$eval('h1', (e) => e.textContent)).toBe('Rounds');
      const [cookie] = await page.cookies();
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      expect(cookie!.value).not.toContain(TOKEN);
      expect(await page.evaluate("fetch('/queues/api/queues/render/pause', { method: 'PUT' }).then((r) => r.status)")).toBe(200);
      expect(await queues.render.isPaused()).toBe(true);
      expect(await page.evaluate("fetch('/queues/api/queues/render/resume', { method: 'PUT' }).then((r) => r.status)")).toBe(200);
      expect(await queues.render.isPaused()).toBe(false);
      await context.close();
    } finally {
      await secure.close();
    }
  });

  it('live: the status strip follows the queues and the rounds page refreshes itself as samples are stored', async () => {
    const page = await open('/');
    await page.evaluate('window.__sameDocument = true');
    await page.waitForSelector('#live [data-queue="render"][data-waiting="1"]');
    const extra = fx.samples.find((s) => s.id === 'r2-g1-p0')!;
    await queues.render.add('render', { round: 2, sample: envelope(extra) }, { jobId: 'render-live-test' });
    await page.waitForSelector('#live [data-queue="render"][data-waiting="2"]');

    const before = countSamples(db, 2).byStatus.accepted ?? 0;
    const rw = openDb(dbPath(t.dir));
    saveSamples(rw, [{ ...extra, id: 'r2-g9-p0' }]);
    rw.close();
    await page.waitForFunction(`document.querySelector('#round-2 a[data-status="accepted"]')?.textContent === 'accepted ${before + 1}'`);
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
    await screenshot(page, 'rounds-live');
    await page.close();
  });
});
