import { html, type Html } from './html.js';

export type Section = 'rounds' | 'samples' | 'knowledge';

const NAV: [Section | 'queues', string, string][] = [
  ['rounds', 'Rounds', '/'],
  ['samples', 'Samples', '/samples'],
  ['knowledge', 'Knowledge', '/knowledge'],
  ['queues', 'Queues', '/queues'],
];

/**
 * The page shell. `fingerprint` is the database state the page was built from: pages marked `refresh`
 * reload their main content when /api/live reports a different one (a round is writing).
 */
export function page(opts: { title: string; section?: Section; body: Html; fingerprint: string; refresh?: boolean; query?: string }): string {
  const nav = NAV.map(([key, label, path]) => html`<a href="${path}"${key === opts.section ? html` aria-current="page"` : ''}>${label}</a>`);
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · flywheel</title><link rel="stylesheet" href="/assets/dashboard.css"><script src="/assets/dashboard.js" defer></script></head>
<body data-fingerprint="${opts.fingerprint}"${opts.refresh ? html` data-refresh="1"` : ''}>
<header><strong class="brand">flywheel</strong><nav>${nav}</nav>
<form class="search" action="/samples" method="get" role="search"><input type="search" name="q" placeholder="Search questions and knowledge" value="${opts.query ?? ''}" aria-label="search"><button>Search</button></form>
<div id="live" aria-live="polite"></div></header>
<main>${opts.body}</main></body></html>`.value;
}

export function errorPage(status: number, title: string, message: string): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · flywheel</title><link rel="stylesheet" href="/assets/dashboard.css"></head>
<body><header><strong class="brand">flywheel</strong><nav><a href="/">Rounds</a><a href="/samples">Samples</a><a href="/knowledge">Knowledge</a><a href="/queues">Queues</a></nav></header>
<main><h1>${status} · ${title}</h1><p class="error-message">${message}</p></main></body></html>`.value;
}
