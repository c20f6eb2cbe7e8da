import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { html } from './html.js';

export const COOKIE = 'flywheel_dashboard';

const digest = (s: string) => crypto.createHash('sha256').update(s).digest();

/** The cookie holds a digest of the token, never the token itself. */
export function cookieValue(token: string): string {
  return digest(`flywheel-dashboard:${token}`).toString('hex');
}

function safeEqual(a: string, b: string): boolean {
  return crypto.timingSafeEqual(digest(a), digest(b));
}

function cookies(req: Request): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

export function hasValidToken(req: Request, token: string): boolean {
  const auth = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (auth && safeEqual(auth[1]!.trim(), token)) return true;
  const cookie = cookies(req).get(COOKIE);
  return cookie !== undefined && safeEqual(cookie, cookieValue(token));
}

const LOGIN_FORM = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in · flywheel</title><link rel="stylesheet" href="/assets/dashboard.css"></head>
<body><main class="login"><h1>flywheel dashboard</h1><p>This dashboard needs its access token (setting <code>dashboard.token</code>).</p>
<form action="/login" method="get"><input type="password" name="token" aria-label="token" autofocus><button>Sign in</button></form></main></body></html>`.value;

/**
 * Token check for every request when a token is configured: `Authorization: Bearer <token>`, or the
 * cookie that `/login?token=…` sets. The stylesheet is public so the sign-in page is readable.
 */
export function requireToken(token: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path === '/login') {
      const given = typeof req.query.token === 'string' ? req.query.token : undefined;
      if (given !== undefined && safeEqual(given, token)) {
        res.cookie(COOKIE, cookieValue(token), { httpOnly: true, sameSite: 'strict', path: '/' });
        res.redirect(303, '/');
        return;
      }
      res.status(given === undefined ? 200 : 401).type('html').send(LOGIN_FORM);
      return;
    }
    if (req.path === '/assets/dashboard.css' || hasValidToken(req, token)) {
      next();
      return;
    }
    res.status(401).set('WWW-Authenticate', 'Bearer realm="flywheel"');
    if (req.accepts(['html', 'json']) === 'html') res.type('html').send(LOGIN_FORM);
    else res.json({ error: 'a dashboard token is required (Authorization: Bearer <token>)' });
  };
}
