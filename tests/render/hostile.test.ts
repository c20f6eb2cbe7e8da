import { describe, expect, it } from 'vitest';
import type { RenderErrorType, StepResult } from '../../src/render/index.js';
import { expectOk, useRenderPool } from '../support/render-pool.js';

// One page, so every job runs in the same reused worker (isolation between jobs is really tested),
// a short time limit, and a small heap so memory exhaustion is quick.
const env = useRenderPool({ pages: 1, jobTimeoutMs: 1000, maxHeapMB: 256 });

const figure = (code: string, width = 64, height = 64) => env.pool.renderFigure({ code, width, height });

async function expectError(r: Promise<StepResult>, type: RenderErrorType, message?: RegExp): Promise<Extract<StepResult, { ok: false }>> {
  const res = await r;
  if (res.ok) throw new Error(`expected a ${type} error, but the job succeeded`);
  expect(res.error.type, res.error.message).toBe(type);
  if (message) expect(res.error.message).toMatch(message);
  // The pool still serves: a good job right after.
  expectOk(await figure('vt.segment({ x: 5, y: 5 }, { x: 60, y: 60 });'), `good job after ${type}`);
  return res;
}

describe('broken code gets a typed error and the pool keeps serving', () => {
  it('syntax error, with its line', async () => {
    const r = await expectError(figure("vt.point(10, 10, 'A');\nconst b = ;\n"), 'syntax', /SyntaxError/);
    expect(r.error.line).toBe(2);
  });

  it('exception thrown, with its line, also from inside a library call', async () => {
    const r = await expectError(figure("vt.point(10, 10, 'A');\n\nthrow new Error('boom');"), 'runtime', /Error: boom/);
    expect(r.error.line).toBe(3);
    const lib = await expectError(figure('const A = { x: 1, y: 1 };\nvt.segment(A);'), 'runtime', /vt\.segment: B must be a point/);
    expect(lib.error.line).toBe(2);
  });

  it('endless loop in figure code and in interaction code', async () => {
    await expectError(figure('while (true) {}'), 'timeout');
    const fig = expectOk(await figure('vt.point(20, 20);'));
    await expectError(env.pool.applyInteraction({ image: fig.png, code: 'for (;;) {}', state: {} }), 'timeout');
  });

  it('code that draws nothing, or only a flat colour', async () => {
    await expectError(figure('const x = 1 + 1;'), 'blank-output');
    await expectError(figure("ctx.fillStyle = '#336699'; ctx.fillRect(0, 0, W, H);"), 'blank-output');
  });

  it('code that returns something that is not an image', async () => {
    await expectError(figure('vt.point(5, 5); return 42;'), 'invalid-output', /returned a number/);
    await expectError(figure("vt.point(5, 5); return 'hello';"), 'invalid-output', /not SVG/);
    await expectError(figure('vt.point(5, 5); return (async () => 1)();'), 'invalid-output', /Promise/);
  });

  it('1 MB of code', async () => {
    await expectError(figure(`// ${'x'.repeat(1_000_000)}\nvt.point(5, 5);`), 'too-large', /bytes/);
  });

  it('huge canvases, however they are asked for', async () => {
    await expectError(figure('vt.point(5, 5);', 20_000, 20_000), 'too-large');
    await expectError(figure('ctx.canvas.width = 30000; ctx.canvas.height = 30000; vt.point(5, 5);'), 'too-large');
    await expectError(figure('const c = new OffscreenCanvas(50000, 50000); vt.point(5, 5);'), 'too-large');
    await expectError(figure('vt.point(5, 5); vt.zoom(0, 0, 64, 64, 1000);'), 'too-large');
  });

  it('allocation until out of memory: typed arrays hit the buffer budget', async () => {
    await expectError(figure('const keep = []; while (true) { keep.push(new Float64Array(1 << 24)); keep.at(-1)[0] = 1; }'), 'too-large', /MB/);
  });

  it('allocation until out of memory: the JS heap is stopped by the time limit or the heap limit', async () => {
    const r = await figure('const keep = []; while (true) keep.push(new Array(1e6).fill(Math.random()));');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(['timeout', 'too-large']).toContain(r.error.type);
    expectOk(await figure('vt.point(5, 5);'), 'good job after running out of memory');
  });
});

describe('no network, navigation, popups or dialogs', () => {
  const attempts: [string, string][] = [
    ['fetch', "fetch('http://example.com/data.json');"],
    ['fetch, even when the error is caught', "try { fetch('http://example.com/'); } catch {} vt.point(5, 5);"],
    ['XMLHttpRequest', "const x = new XMLHttpRequest(); x.open('GET', 'http://example.com/'); x.send();"],
    ['WebSocket', "new WebSocket('ws://example.com/socket');"],
    ['an image load', "new Image().src = 'http://example.com/a.png';"],
    ['importScripts', "importScripts('http://example.com/lib.js');"],
    ['a dynamic import', "import('http://example.com/module.js'); vt.point(5, 5);"],
    ['EventSource and sendBeacon', "navigator.sendBeacon('http://example.com/beacon', 'x'); new EventSource('http://example.com/events');"],
    ['navigation by assignment', "location = 'http://example.com/';"],
    ['navigation through location.href', "window.location.href = 'http://example.com/';"],
    ['a popup', "window.open('http://example.com/');"],
    ['a dialog', "alert('hi'); vt.point(5, 5);"],
  ];
  for (const [what, code] of attempts) it(what, () => expectError(figure(code), 'forbidden', /forbidden|network|navigate|popups|dialogs/));
});

describe('jobs cannot see or change each other', () => {
  it('globals one job creates are gone for the next', async () => {
    expectOk(await figure('window.leak = 42; globalThis.leak2 = 1; leak3 = 7; var leak4 = 3; vt.point(5, 5);'));
    const r = expectOk(await figure('vt.point(5, 5); vt.export({ seen: [typeof leak, typeof leak2, typeof leak3, typeof leak4] });'));
    expect(r.state.seen).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });

  it('built-ins and the library cannot be patched for the next job', async () => {
    expectOk(
      await figure(
        "Array.prototype.evil = 1; Object.prototype.polluted = true; Math.max = () => 0; JSON.parse = null; vt.geo.midpoint.secret = 's'; try { OffscreenCanvasRenderingContext2D.prototype.fillText = null; } catch {} vt.point(5, 5);",
      ),
    );
    const r = expectOk(
      await figure("vt.text(5, 30, 'ok'); vt.export({ a: typeof [].evil, b: ({}).polluted === undefined, c: Math.max(1, 2), d: typeof JSON.parse, e: typeof vt.geo.midpoint.secret });"),
    );
    expect(r.state).toEqual({ a: 'undefined', b: true, c: 2, d: 'function', e: 'undefined' });
  });

  it('a global that cannot be deleted retires the worker instead of leaking', async () => {
    expectOk(await figure("Object.defineProperty(globalThis, 'sticky', { value: 'secret', configurable: false }); vt.point(5, 5);"));
    const r = expectOk(await figure('vt.point(5, 5); vt.export({ t: typeof sticky });'));
    expect(r.state.t).toBe('undefined');
  });

  it('no job can listen for the next job or reach the page', async () => {
    await expectError(figure("addEventListener('message', (e) => {});"), 'runtime', /addEventListener is not defined/);
    const r = expectOk(await figure('vt.point(5, 5); vt.export({ kinds: [typeof document, typeof postMessage, typeof parent, typeof setTimeout === "function"] });'));
    expect(r.state.kinds).toEqual(['undefined', 'undefined', 'undefined', true]);
  });

  it('console errors are captured per job', async () => {
    const r = expectOk(await figure("console.error('bad', 42); console.warn('careful'); console.log('ignored'); vt.point(5, 5);"));
    expect(r.consoleErrors).toEqual(['bad 42', 'warning: careful']);
    const next = expectOk(await figure('vt.point(5, 5);'));
    expect(next.consoleErrors).toEqual([]);
  });
});
