import type { Db } from '../../store/db.js';
import { getSample } from '../../store/samples.js';
import { lineage, type LineageEntry } from '../../store/dashboard-samples.js';
import { listFailures } from '../../store/failures.js';
import { nodeId } from '../../store/knowledge.js';
import { choiceLetters, type Sample } from '../../schemas/index.js';
import { usd, int } from '../format.js';
import { href, html, imagePath, samplePath, type Html } from '../html.js';
import { HttpError } from '../http-error.js';

function lineageLink(e: LineageEntry): Html {
  const label = html`<code>${e.id}</code>`;
  return e.stored
    ? html`<a href="${samplePath(e.id)}" data-lineage="${e.id}">${label}</a> <small>${e.kind}, depth ${e.depth}, <span class="pill ${e.status}">${e.status}</span></small>`
    : html`${label} <small>(not stored)</small>`;
}

function images(s: Sample): Html {
  if (!s.images) return html`<p class="empty">No images were stored (the sample failed before rendering finished).</p>`;
  const edited = s.images.edited.map((hash, i) => {
    const step = s.draft.interactions[i];
    return html`<figure data-image="edited-${i + 1}"><img src="${imagePath(hash)}" alt="edited image ${i + 1}"><figcaption>Step ${i + 1}: ${step?.description ?? ''}</figcaption></figure>`;
  });
  return html`<div class="images"><figure data-image="original"><img src="${imagePath(s.images.original)}" alt="original image"><figcaption>Original figure</figcaption></figure>${edited}</div>`;
}

function problem(s: Sample): Html {
  const d = s.draft;
  const letters = choiceLetters(d.choices?.length ?? 0);
  const choices = d.choices?.length ? html`<ol class="choices">${d.choices.map((c, i) => html`<li><b>${letters[i]}.</b> ${c}</li>`)}</ol>` : '';
  return html`<section><h2>Problem</h2><p class="question" id="question">${d.question}</p>${choices}
<p><b>Answer:</b> <span id="answer">${d.answer}</span></p><h3>Solution</h3><p class="solution">${d.solution}</p></section>`;
}

function code(s: Sample): Html {
  const steps = s.draft.interactions.map(
    (it, i) => html`<h3>Interaction ${i + 1}: ${it.description}</h3><pre class="code" data-code="interaction-${i + 1}"><code>${it.code}</code></pre>`,
  );
  return html`<section><h2>Code</h2><h3>Figure</h3><pre class="code" data-code="figure"><code>${s.draft.figureCode}</code></pre>${steps}</section>`;
}

function verdicts(s: Sample): Html {
  if (!s.verdicts.length) return html`<section><h2>Verdicts</h2><p class="empty">No verdicts.</p></section>`;
  const rows = s.verdicts.map(
    (v) => html`<tr data-checker="${v.checker}"><td>${v.checker}</td><td>${v.score}</td><td><span class="pill ${v.pass ? 'accepted' : 'rejected'}">${v.pass ? 'pass' : 'fail'}</span></td>
<td>${v.reasons.length ? html`<ul>${v.reasons.map((r) => html`<li>${r}</li>`)}</ul>` : '–'}</td></tr>`,
  );
  return html`<section><h2>Verdicts</h2><table class="verdicts"><thead><tr><th>Checker</th><th>Score</th><th>Result</th><th>Reasons</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function recovery(s: Sample): Html {
  if (!s.recovery.length) return html``;
  const steps = s.recovery.map(
    (r, i) => html`<li data-recovery="${i + 1}"><p><b>Attempt ${i + 1}</b> (${r.stage} code) failed with <b>${r.errorType}</b>: <span class="error-message">${r.error}</span></p>
<details><summary>failed code</summary><pre class="code"><code>${r.code}</code></pre></details>
<p>${i + 1 < s.recovery.length ? `fixed in attempt ${i + 2}, which failed again` : 'fixed by the code shown above'}</p></li>`,
  );
  return html`<section><h2>Failed attempts and fixes</h2><ol class="recovery">${steps}</ol></section>`;
}

function failures(db: Db, id: string): Html {
  const list = listFailures(db, { sampleId: id, limit: 200 });
  if (!list.length) return html``;
  const rows = list.map(
    (f) => html`<tr data-failure="${f.id}"><td>${f.stage}</td><td>${f.reason}</td><td>${f.attempt}</td><td class="error-message">${f.message}</td><td><code>${f.jobId ?? ''}</code></td><td>${f.createdAt}</td></tr>`,
  );
  return html`<section><h2>Failures recorded</h2><table class="failures"><thead><tr><th>Stage</th><th>Reason</th><th>Attempt</th><th>Message</th><th>Job</th><th>When</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function facts(s: Sample): Html {
  const p = s.provenance;
  const knowledge = s.draft.knowledge.map((path) => html`<li><a href="${href('/samples', { node: nodeId(path) })}">${path.join(' > ')}</a></li>`);
  const models = Object.entries(p.models).map(([role, model]) => html`<li>${role}: ${model}${p.promptVersions[role] ? ` (prompt ${p.promptVersions[role]})` : ''}</li>`);
  return html`<dl class="facts">
<dt>Round</dt><dd><a href="${href('/samples', { round: s.round })}">${s.round}</a></dd><dt>Kind</dt><dd>${s.kind}</dd><dt>Depth</dt><dd>${s.depth}</dd>
<dt>Difficulty</dt><dd>${s.draft.difficulty}</dd><dt>Type</dt><dd>${s.draft.problemType}</dd>
<dt>Knowledge</dt><dd><ul class="plain">${knowledge}</ul></dd><dt>Tools</dt><dd>${s.draft.tools.join(', ')}</dd>
<dt>Provider</dt><dd>${p.provider}<ul class="plain">${models}</ul></dd>
<dt>Usage</dt><dd>${int(p.usage.promptTokens + p.usage.completionTokens)} tokens, ${usd(p.usage.cost)}, ${p.attempts} attempt${p.attempts === 1 ? '' : 's'}</dd></dl>`;
}

export function samplePage(db: Db, id: string): { title: string; body: Html } {
  const s = getSample(db, id);
  if (!s) throw new HttpError(404, `no sample "${id}" in this database`);
  const { ancestors, children } = lineage(db, id);
  const lineageHtml = html`<section class="lineage"><h2>Lineage</h2>
<p>Parent: <span id="parent">${ancestors[0] ? lineageLink(ancestors[0]) : 'none (a base sample)'}</span></p>
${ancestors.length > 1 ? html`<p>Ancestors: ${ancestors.slice(1).map((a) => html`<span class="ancestor">${lineageLink(a)}</span> `)}</p>` : ''}
<p>Children:</p>${children.length ? html`<ul id="children">${children.map((c) => html`<li>${lineageLink(c)}</li>`)}</ul>` : html`<p id="children" class="empty">none</p>`}</section>`;
  const body = html`<h1>Sample <code>${s.id}</code> <span class="pill ${s.status}" id="status">${s.status}</span></h1>
<div class="sample-top">${facts(s)}${lineageHtml}</div>${images(s)}${problem(s)}${verdicts(s)}${recovery(s)}${failures(db, id)}${code(s)}`;
  return { title: `Sample ${s.id}`, body };
}
