import type { Db } from '../../store/db.js';
import { gallery, galleryChoices, type GalleryItem } from '../../store/dashboard-samples.js';
import { searchKnowledgeNodes, searchWords } from '../../store/dashboard-search.js';
import { getNode } from '../../store/knowledge.js';
import { SampleKind, SampleStatus } from '../../schemas/sample.js';
import { href, html, imagePath, samplePath, type Html } from '../html.js';
import { PAGE_SIZE, type GalleryQuery } from '../query.js';
import { HttpError } from '../http-error.js';

function select(name: string, label: string, options: readonly (string | number)[], current: string | number | undefined): Html {
  const opts = options.map((o) => html`<option value="${o}"${String(o) === String(current ?? '') ? html` selected` : ''}>${o}</option>`);
  return html`<label>${label} <select name="${name}"><option value="">any</option>${opts}</select></label>`;
}

function card(s: GalleryItem): Html {
  const last = s.images?.edited.at(-1);
  const thumbs = s.images
    ? html`<img src="${imagePath(s.images.original)}" alt="original" loading="lazy">${last ? html`<img src="${imagePath(last)}" alt="edited" loading="lazy">` : ''}`
    : html`<div class="no-image">no image</div>`;
  const question = s.question.length > 180 ? `${s.question.slice(0, 180)}…` : s.question;
  return html`<a class="card" href="${samplePath(s.id)}" data-id="${s.id}" data-status="${s.status}">
<div class="thumbs">${thumbs}</div>
<div class="meta"><span class="pill ${s.status}">${s.status}</span> <span>${s.kind}</span> · <span>depth ${s.depth}</span> · <span>round ${s.round}</span>${s.scoreMin !== null ? html` · <span>min score ${s.scoreMin}</span>` : ''}</div>
<div class="domain">${s.domain ?? ''}${s.difficulty ? ` · ${s.difficulty}` : ''}</div>
<p class="question">${question}</p><code class="sample-id">${s.id}</code></a>`;
}

export function samplesPage(db: Db, q: GalleryQuery): Html {
  const node = q.node ? getNode(db, q.node) : undefined;
  if (q.node && !node) throw new HttpError(404, `no knowledge node ${q.node}`);
  const words = q.q ? searchWords(q.q) : [];
  const page = q.page ?? 1;
  const filter = {
    ...(q.round !== undefined && { round: q.round }),
    ...(q.status && { status: q.status }),
    ...(q.kind && { kind: q.kind }),
    ...(q.domain && { domain: q.domain }),
    ...(q.depth !== undefined && { depth: q.depth }),
    ...(q.minScore !== undefined && { minScore: q.minScore }),
    ...(words.length && { words }),
    ...(node && { knowledgePath: node.path }),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const { total, items } = q.q && words.length === 0 ? { total: 0, items: [] } : gallery(db, filter);
  const choices = galleryChoices(db);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const keep = { round: q.round, status: q.status, kind: q.kind, domain: q.domain, depth: q.depth, minScore: q.minScore, q: q.q, node: q.node };
  const nodeHits = searchKnowledgeNodes(db, words);

  const form = html`<form class="filters" method="get" action="/samples">
${select('round', 'Round', choices.rounds, q.round)}${select('status', 'Status', SampleStatus.options, q.status)}${select('kind', 'Kind', SampleKind.options, q.kind)}
${select('domain', 'Domain', choices.domains, q.domain)}${select('depth', 'Depth', [1, 2, 3], q.depth)}${select('minScore', 'Min score', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], q.minScore)}
<label>Text <input type="search" name="q" value="${q.q ?? ''}"></label>${node ? html`<input type="hidden" name="node" value="${node.id}">` : ''}
<button type="submit">Filter</button> <a href="/samples">clear</a></form>`;
  const nodeNote = node ? html`<p class="chip">knowledge: ${node.path.join(' > ')} <a href="${href('/samples', { ...keep, node: undefined })}" aria-label="remove">×</a></p>` : '';
  const hits = nodeHits.length
    ? html`<section class="node-hits"><h2>Knowledge points matching “${q.q}”</h2><ul>${nodeHits.map((n) => html`<li><a href="${href('/samples', { node: n.id })}">${n.path.join(' > ')}</a></li>`)}</ul></section>`
    : '';
  const pager = html`<nav class="pager" data-page="${page}" data-pages="${pages}">
${page > 1 ? html`<a rel="prev" href="${href('/samples', { ...keep, page: page - 1 })}">← previous</a>` : ''}
<span>page ${page} of ${pages}</span>
${page < pages ? html`<a rel="next" href="${href('/samples', { ...keep, page: page + 1 })}">next →</a>` : ''}</nav>`;
  return html`<h1>Samples <small id="match-count" data-total="${total}">${total} matching</small></h1>${form}${nodeNote}${hits}
${items.length ? html`<div class="gallery">${items.map(card)}</div>${pager}` : html`<p class="empty">No samples match.</p>`}`;
}
