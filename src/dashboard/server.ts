import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Redis } from 'ioredis';
import type { DashboardSettings } from '../config/sections/dashboard.js';
import type { PipelineSettings } from '../config/sections/pipeline.js';
import { FlywheelError } from '../errors.js';
import { closeQueues, openQueues, type Queues } from '../pipeline/queues.js';
import type { Db } from '../store/db.js';
import { requireToken } from './auth.js';
import { BOARD_PATH, queueBoard } from './board.js';
import { HttpError } from './http-error.js';
import { serveImage } from './images.js';
import { errorPage, page, type Section } from './layout.js';
import { fingerprint, liveStatus } from './live.js';
import { GalleryQuery, parseQuery } from './query.js';
import { knowledgePage } from './pages/knowledge.js';
import { roundsPage } from './pages/rounds.js';
import { samplePage } from './pages/sample.js';
import { samplesPage } from './pages/samples.js';
import type { Html } from './html.js';

const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

/** Pages allow only their own scripts, styles and images: injected markup could not run even if escaping failed. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** bull-board styles inline and links a web font from a CDN: the font is blocked, so the board needs no network. */
const BOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

export interface DashboardDeps {
  /** Opened read-only: a running round keeps writing the file. */
  db: Db;
  outputDir: string;
  redis: Redis;
  queues: Queues;
  queuePrefix: string;
  settings: DashboardSettings;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Anywhere but loopback, the dashboard (and with it the queues) would be open to the network: demand a token. */
export function assertSafeBinding(settings: DashboardSettings): void {
  if (!isLoopback(settings.host) && !settings.token) {
    throw new FlywheelError(`refusing to serve the dashboard on ${settings.host} without an access token`, {
      where: 'setting dashboard.host (--host)',
      fix: 'set dashboard.token (e.g. FLYWHEEL_DASHBOARD__TOKEN=<at least 8 characters>), or bind to 127.0.0.1',
    });
  }
}

export function createDashboardApp(deps: DashboardDeps): express.Express {
  const { db, settings } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Pages show live data: never answer 304 from an ETag or let the browser reuse an old copy.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'same-origin');
    next();
  });
  if (settings.token) app.use(requireToken(settings.token));
  else app.get('/login', (_req, res) => res.redirect(303, '/'));

  app.use(
    BOARD_PATH,
    (_req, res, next) => {
      res.set('Content-Security-Policy', BOARD_CSP);
      next();
    },
    queueBoard(deps.queues, settings.allowActions),
  );
  app.use((_req, res, next) => {
    res.set('Content-Security-Policy', CSP);
    next();
  });
  app.use('/assets', express.static(ASSETS, { index: false, maxAge: '1h' }));
  app.get('/images/:name', serveImage(deps.outputDir));
  app.get('/favicon.ico', (_req, res) => res.status(204).end());

  const send = (res: Response, title: string, section: Section | undefined, body: Html, opts: { refresh?: boolean; query?: string } = {}) =>
    res.type('html').set('Cache-Control', 'no-store').send(page({ title, body, fingerprint: fingerprint(db), ...(section && { section }), ...opts }));

  app.get(['/', '/rounds'], (_req, res) => send(res, 'Rounds', 'rounds', roundsPage(db), { refresh: true }));
  app.get('/samples', (req, res) => {
    const q = parseQuery(GalleryQuery, req.query);
    send(res, 'Samples', 'samples', samplesPage(db, q), q.q ? { query: q.q } : {});
  });
  app.get('/samples/:id', (req, res) => {
    const p = samplePage(db, String(req.params.id));
    send(res, p.title, 'samples', p.body);
  });
  // The tree counts every accepted sample's paths: build it again only after the database changed.
  let tree: { fingerprint: string; body: Html } | undefined;
  app.get('/knowledge', (_req, res) => {
    const now = fingerprint(db);
    if (tree?.fingerprint !== now) tree = { fingerprint: now, body: knowledgePage(db) };
    send(res, 'Knowledge', 'knowledge', tree.body);
  });
  app.get('/api/live', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await liveStatus(db, deps.redis, deps.queues, deps.queuePrefix));
  });

  app.use((req, _res, next) => next(new HttpError(404, `nothing at ${req.path}`)));
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = err instanceof HttpError ? err.status : 500;
    const message = err instanceof Error ? err.message : String(err);
    if (status === 500) process.stderr.write(`dashboard: ${req.method} ${req.path}: ${(err as Error)?.stack ?? message}\n`);
    const title = status === 404 ? 'Not found' : status === 400 ? 'Bad request' : 'Error';
    if (req.path.startsWith('/api/')) res.status(status).json({ error: message });
    else res.status(status).type('html').send(errorPage(status, title, message));
  });
  return app;
}

export interface RunningDashboard {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the dashboard for one output folder and Redis until `close()`. */
export async function startDashboard(opts: {
  db: Db;
  outputDir: string;
  redisUrl: string;
  settings: DashboardSettings;
  pipeline: PipelineSettings;
}): Promise<RunningDashboard> {
  assertSafeBinding(opts.settings);
  // A reader only: commands fail fast instead of queueing forever while Redis is away.
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  const queues = openQueues(redis, opts.pipeline);
  const app = createDashboardApp({ db: opts.db, outputDir: opts.outputDir, redis, queues, queuePrefix: opts.pipeline.queuePrefix, settings: opts.settings });
  const server = http.createServer(app);
  const release = async () => {
    await closeQueues(queues);
    redis.disconnect();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.settings.port, opts.settings.host, () => resolve());
    });
  } catch (err) {
    await release();
    const code = (err as NodeJS.ErrnoException).code;
    throw new FlywheelError(`cannot listen on ${opts.settings.host}:${opts.settings.port} (${code ?? (err as Error).message})`, {
      where: 'settings dashboard.host / dashboard.port (--host, --port)',
      fix: code === 'EADDRINUSE' ? 'choose another port with --port (0 picks a free one)' : 'check the host address',
      cause: err,
    });
  }
  const port = (server.address() as { port: number }).port;
  const host = opts.settings.host.includes(':') ? `[${opts.settings.host}]` : opts.settings.host;
  return {
    url: `http://${host}:${port}/`,
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await release();
    },
  };
}
