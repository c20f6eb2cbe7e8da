import { createHash } from 'node:crypto';
import type { Browser, CDPSession, Page } from 'puppeteer';
import type { PageJob } from './browser/page-main.js';
import { PageReply } from './reply.js';
import { KEPT_IMAGES, SANDBOX_CSP, SANDBOX_URL } from './sources.js';

/** Key of a PNG by its base64 text (the page and Node produce the same canonical base64). */
export const imageKey = (base64: string): string => createHash('sha1').update(base64).digest('hex');

export type SlotOutcome =
  | { kind: 'reply'; reply: PageReply; reusedImage?: boolean }
  /** The page's renderer died (or the browser with it). */
  | { kind: 'crashed'; message: string }
  /** The page stopped answering (its main thread is stuck). */
  | { kind: 'hung' };

/** Longest wait for Chromium to create a page (normally well under a second). */
const OPEN_TIMEOUT_MS = 8000;

/** Grace on top of the job's own limit before the page itself is considered stuck. */
const HUNG_GRACE_MS = 5000;

/**
 * One sandbox page: serves the sandbox document under a strict CSP, refuses every other request
 * (reporting it), dismisses dialogs, closes popups, and runs one job at a time through `__fw.run`.
 */
export class PageSlot {
  jobsDone = 0;
  private crash: { promise: Promise<string>; fire: (message: string) => void };
  private dead: string | null = null;
  /** Forbidden attempts the page saw (requests, popups) while the current job ran. */
  private blocked: string | null = null;
  private cdp: CDPSession | null = null;
  /** Image keys → the page's ids for the images it keeps, oldest first (mirrors the page's list). */
  private readonly kept = new Map<string, string>();

  private constructor(private readonly page: Page) {
    let fire!: (message: string) => void;
    const promise = new Promise<string>((resolve) => (fire = resolve));
    this.crash = { promise, fire };
  }

  static async open(browser: Browser, html: string, timeoutMs: number): Promise<PageSlot> {
    // A page whose renderer dies while it opens never settles inside puppeteer: give up sooner.
    const opening = browser.newPage();
    let timer: NodeJS.Timeout | undefined;
    const page = await Promise.race([
      opening,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('a new sandbox page did not open in time')), Math.min(timeoutMs, OPEN_TIMEOUT_MS)))),
    ])
      .catch((err: unknown) => {
        void opening.then((late) => late.close()).catch(() => undefined);
        throw err;
      })
      .finally(() => clearTimeout(timer));
    const slot = new PageSlot(page);
    try {
      await slot.setup(html, timeoutMs);
    } catch (err) {
      await slot.dispose();
      throw err;
    }
    return slot;
  }

  private async setup(html: string, timeoutMs: number): Promise<void> {
    const { page } = this;
    let served = false;
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      if (!served && url === SANDBOX_URL && req.isNavigationRequest()) {
        served = true;
        void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': SANDBOX_CSP, 'Cache-Control': 'no-store' }, body: html });
        return;
      }
      if (/^(data|blob):/i.test(url)) {
        void req.continue();
        return;
      }
      this.blocked ??= `a request to ${url.slice(0, 200)}: the sandbox has no network`;
      void req.abort('blockedbyclient');
    });
    page.on('dialog', (d) => {
      this.blocked ??= `a ${d.type()} dialog: dialogs are not allowed`;
      void d.dismiss().catch(() => undefined);
    });
    page.on('popup', (p) => {
      this.blocked ??= 'a popup window: popups are not allowed';
      void p?.close().catch(() => undefined);
    });
    page.on('error', (err) => this.markDead(`the sandbox page crashed: ${err.message}`));
    page.on('close', () => this.markDead('the sandbox page closed'));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url() !== SANDBOX_URL) this.markDead(`the sandbox page navigated to ${frame.url()}`);
    });
    await this.withTimeout(page.goto(SANDBOX_URL, { waitUntil: 'load', timeout: timeoutMs }), timeoutMs, 'the sandbox page did not load');
    await this.withTimeout(page.evaluate('window.__fw.ready()'), timeoutMs, 'the sandbox worker did not start');
  }

  private markDead(message: string): void {
    if (this.dead) return;
    this.dead = message;
    this.crash.fire(message);
  }

  get alive(): boolean {
    return this.dead === null && !this.page.isClosed();
  }

  /** `p`, unless the page dies or `ms` pass first. */
  private async withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const died = this.crash.promise.then((why) => Promise.reject(new Error(why)));
    died.catch(() => undefined);
    try {
      return await Promise.race([p, died, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
    } finally {
      clearTimeout(timer);
    }
  }

  holds(key: string): boolean {
    return this.kept.has(key);
  }

  /** Runs a job; an interaction whose image (`inputKey`) this page still holds is sent by reference. */
  async run(job: PageJob, inputKey?: string): Promise<SlotOutcome> {
    if (this.dead) return { kind: 'crashed', message: this.dead };
    const ref = inputKey === undefined ? undefined : this.kept.get(inputKey);
    if (ref !== undefined) {
      const { image: _image, ...rest } = job;
      const outcome = await this.evaluate({ ...rest, imageRef: ref });
      if (outcome !== 'miss') return outcome.kind === 'reply' ? { ...outcome, reusedImage: true } : outcome;
      this.kept.delete(inputKey!);
    }
    const outcome = await this.evaluate(job);
    return outcome === 'miss' ? { kind: 'crashed', message: 'the sandbox page lost an image it was not asked for' } : outcome;
  }

  private async evaluate(job: PageJob): Promise<SlotOutcome | 'miss'> {
    this.blocked = null;
    this.jobsDone++;
    let timer: NodeJS.Timeout | undefined;
    const evaluation = this.page.evaluate(`window.__fw.run(${JSON.stringify(job)})`).then(
      (value) => ({ kind: 'value' as const, value }),
      (err: Error) => ({ kind: 'error' as const, message: err.message }),
    );
    const crashed = this.crash.promise.then((message) => ({ kind: 'crashed' as const, message }));
    const hung = new Promise<{ kind: 'hung' }>((resolve) => (timer = setTimeout(() => resolve({ kind: 'hung' }), job.timeoutMs + HUNG_GRACE_MS)));
    const first = await Promise.race([evaluation, crashed, hung]);
    clearTimeout(timer);
    if (first.kind === 'hung') {
      this.markDead('the sandbox page stopped responding');
      return first;
    }
    if (first.kind === 'crashed') return first;
    if (first.kind === 'error') {
      this.markDead(first.message);
      return { kind: 'crashed', message: first.message };
    }
    if ((first.value as { miss?: unknown } | null)?.miss === true) return 'miss';
    const parsed = PageReply.safeParse(first.value);
    if (!parsed.success) {
      this.markDead('malformed reply');
      return { kind: 'crashed', message: `the sandbox page sent a malformed reply: ${parsed.error.issues[0]?.message ?? ''}` };
    }
    const reply = parsed.data;
    if (reply.ok && reply.imageId) {
      const key = imageKey(reply.png);
      this.kept.delete(key);
      this.kept.set(key, reply.imageId);
      for (const key of this.kept.keys()) {
        if (this.kept.size <= KEPT_IMAGES) break;
        this.kept.delete(key);
      }
    }
    // A blocked request or popup outranks whatever the job did next.
    if (this.blocked && (reply.ok || reply.error.type !== 'forbidden')) {
      return { kind: 'reply', reply: { ok: false, error: { type: 'forbidden', message: `forbidden: ${this.blocked}` }, consoleErrors: reply.consoleErrors } };
    }
    return { kind: 'reply', reply };
  }

  /** Line and message of a syntax error, from compiling (never running) the code as `new Function` would. */
  async syntaxError(code: string): Promise<{ line?: number; message?: string }> {
    this.cdp ??= await this.page.createCDPSession();
    await this.cdp.send('Runtime.enable');
    const r = await this.cdp.send('Runtime.compileScript', { expression: `(function anonymous(\n) {\n${code}\n})`, sourceURL: 'job.js', persistScript: false });
    const d = r.exceptionDetails;
    if (!d) return {};
    // Line 0 is "(function anonymous(", line 1 is ") {", so code line 1 is line 2 (0-based).
    const line = d.lineNumber - 1;
    return { ...(line >= 1 ? { line } : {}), ...(d.exception?.description ? { message: d.exception.description.split('\n')[0] } : {}) };
  }

  async ping(timeoutMs: number): Promise<boolean> {
    if (!this.alive) return false;
    try {
      return (await this.withTimeout(this.page.evaluate('window.__fw.ready()'), timeoutMs, 'ping timed out')) === true;
    } catch {
      return false;
    }
  }

  /** Closes the page without waiting: closing a crashed page can take until the protocol time-out. */
  async dispose(): Promise<void> {
    this.markDead('disposed');
    void this.cdp?.detach().catch(() => undefined);
    void this.page.close().catch(() => undefined);
  }
}
