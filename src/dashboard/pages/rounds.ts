import type { Db } from '../../store/db.js';
import { roundOverviews, type Counted, type RoundOverview } from '../../store/dashboard-rounds.js';
import { growthByRound } from '../../store/growth.js';
import { barChart, lineChart } from '../charts.js';
import { duration, int, percent, roundDuration, usd } from '../format.js';
import { href, html, type Html } from '../html.js';
import { reportFacts } from '../report.js';

const STATUSES = ['accepted', 'rejected', 'failed', 'pending'] as const;
const RUNNING = new Set(['planned', 'running', 'evolving']);

const counted = (c: Counted | undefined) => (c && c.total ? `${c.accepted}/${c.total}` : '–');

function statusCell(r: RoundOverview): Html {
  const parts = STATUSES.filter((s) => r.samples.byStatus[s]).map(
    (s) => html`<a class="pill ${s}" data-status="${s}" href="${href('/samples', { round: r.id, status: s })}">${s} ${r.samples.byStatus[s]}</a>`,
  );
  return html`<span data-total="${r.samples.total}">${r.samples.total}</span> ${parts}`;
}

function checkersCell(r: RoundOverview): Html {
  const rows = Object.entries(r.checkers).map(
    ([name, c]) => html`<div data-checker="${name}" data-passed="${c.passed}" data-judged="${c.judged}">${name}: ${percent(c.passed, c.judged)} <small>(${c.passed}/${c.judged})</small></div>`,
  );
  return rows.length ? html`${rows}` : html`–`;
}

function row(r: RoundOverview, now: number): Html {
  const facts = reportFacts(r.report);
  const ms = facts.durationMs ?? (RUNNING.has(r.status) || r.finishedAt ? roundDuration(r.startedAt, r.finishedAt, now) : Number.NaN);
  const depths = Object.entries(r.expansions).map(([d, c]) => html`<div data-depth="${d}">depth ${d}: ${counted(c)}</div>`);
  const report = r.report
    ? html`<details><summary>report</summary>${facts.growth.length ? html`<dl class="facts">${facts.growth.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : ''}<pre>${JSON.stringify(r.report, null, 2)}</pre></details>`
    : '–';
  return html`<tr id="round-${r.id}" data-round="${r.id}">
<td><a href="${href('/samples', { round: r.id })}">${r.id}</a></td><td><span class="pill ${r.status}" data-field="status">${r.status}</span></td>
<td data-field="samples">${statusCell(r)}</td><td data-field="checkers">${checkersCell(r)}</td>
<td data-field="repairs">${counted(r.repairs)}</td><td data-field="expansions">${depths.length ? depths : '–'}</td><td data-field="robustness">${counted(r.robustness)}</td>
<td data-field="new-knowledge" data-count="${r.newKnowledge}">${r.newKnowledge}${facts.newPoints !== undefined ? html`<br><small>${facts.newPoints} new point${facts.newPoints === 1 ? '' : 's'}</small>` : ''}</td><td data-field="new-tools">${r.newTools}</td>
<td data-field="tokens" title="${int(r.usage.promptTokens)} prompt + ${int(r.usage.completionTokens)} completion in ${r.usage.calls} calls">${int(r.usage.promptTokens + r.usage.completionTokens)}</td>
<td data-field="cost">${usd(r.usage.cost)}</td><td data-field="duration">${duration(ms)}</td><td>${report}</td></tr>`;
}

export function roundsPage(db: Db, now = Date.now()): Html {
  const rounds = roundOverviews(db);
  const growth = growthByRound(db);
  const labels = rounds.map((r) => String(r.id));
  const charts = html`<div class="charts">
${lineChart({
  id: 'knowledge-chart',
  title: 'Knowledge nodes after each round (0 = seeds)',
  labels: growth.map((g) => String(g.round)),
  series: [{ name: 'knowledge nodes', color: '#2f6fb0', values: growth.map((g) => g.knowledgeTotal) }],
})}
${lineChart({
  id: 'tools-chart',
  title: 'Visual tools after each round (0 = seeds)',
  labels: growth.map((g) => String(g.round)),
  series: [{ name: 'tools', color: '#d9822b', values: growth.map((g) => g.toolsTotal) }],
})}
${barChart({
  id: 'samples-chart',
  title: 'Samples per round',
  labels,
  series: [
    { name: 'accepted', color: '#3a9d5d', values: rounds.map((r) => r.samples.byStatus.accepted ?? 0) },
    { name: 'rejected', color: '#c9a227', values: rounds.map((r) => r.samples.byStatus.rejected ?? 0) },
    { name: 'failed', color: '#c0392b', values: rounds.map((r) => r.samples.byStatus.failed ?? 0) },
  ],
})}</div>`;
  const table = rounds.length
    ? html`<table class="rounds"><thead><tr><th>Round</th><th>Status</th><th>Samples</th><th>Checker pass rate</th><th>Repairs<br><small>accepted/all</small></th>
<th>Expansions<br><small>accepted/all</small></th><th>Robustness</th><th>New knowledge</th><th>New tools</th><th>Tokens</th><th>Cost</th><th>Duration</th><th></th></tr></thead>
<tbody>${rounds.map((r) => row(r, now))}</tbody></table>`
    : html`<p class="empty">No rounds yet: start one with <code>flywheel run</code>.</p>`;
  return html`<h1>Rounds</h1>${charts}${table}`;
}
