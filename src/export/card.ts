import { formatDoc } from './format-docs.js';
import type { Counts } from './stats.js';
import type { ExportSummary } from './summary.js';

export const GROWTH_CHART_FILE = 'growth.svg';

function cell(v: unknown): string {
  const s = typeof v === 'string' ? v : typeof v === 'number' ? String(Number(v.toFixed(4))) : JSON.stringify(v);
  return (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(head: string[], rows: unknown[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function countsTable(title: string, c: Counts, total: number): string {
  const rows = Object.entries(c)
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([k, n]) => [k, n, `${((100 * n) / Math.max(1, total)).toFixed(1)}%`]);
  return table([title, 'samples', 'share'], rows);
}

function selectionLine(s: ExportSummary['selection']): string {
  const parts = [`status ${s.statuses.join(',')}`];
  if (s.rounds) parts.push(`rounds ${s.rounds.join(',')}`);
  if (s.kinds) parts.push(`kind ${s.kinds.join(',')}`);
  if (s.domains) parts.push(`domain ${s.domains.join(',')}`);
  if (s.maxDepth !== undefined) parts.push(`depth ≤ ${s.maxDepth}`);
  if (s.minScore !== undefined) parts.push(`every checker score ≥ ${s.minScore}`);
  if (s.limit !== undefined) parts.push(`at most ${s.limit} samples`);
  parts.push(`split ${s.split.map((x) => `${x.name}=${x.ratio}`).join(',')} by lineage root`);
  if (s.withRecovery) parts.push('with error-recovery trajectories');
  return parts.join('; ');
}

/** Numeric facts of a recorded growth report, flattened to `section.key` (two levels; its shape belongs to knowledge/). */
function growthFacts(v: unknown, prefix = '', depth = 0): [string, number][] {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || depth > 1) return [];
  return Object.entries(v).flatMap(([k, x]): [string, number][] =>
    typeof x === 'number' && Number.isFinite(x) ? [[`${prefix}${k}`, x]] : growthFacts(x, `${prefix}${k}.`, depth + 1),
  );
}

/** The facts worth a column when the report has them; otherwise its first numeric facts. */
const GROWTH_COLUMNS = ['candidates.total', 'candidates.added', 'candidates.merged', 'candidates.mergeRate', 'knowledge.added', 'knowledge.mergeRate', 'tools.added', 'tools.mergeRate', 'coverage.share'];

function reportedGrowth(summary: ExportSummary): string {
  const rows = summary.rounds.map((r) => ({ id: r.id, facts: new Map(growthFacts(r.reportedGrowth).filter(([k]) => k !== 'round')) })).filter((r) => r.facts.size);
  if (!rows.length) return '';
  const known = GROWTH_COLUMNS.filter((k) => rows.some((r) => r.facts.has(k)));
  const keys = known.length ? known : [...new Set(rows.flatMap((r) => [...r.facts.keys()]))].slice(0, 10);
  return ['As recorded in the round reports:', '', table(['round', ...keys], rows.map((r) => [r.id, ...keys.map((k) => r.facts.get(k) ?? '')]))].join('\n');
}

/** The dataset card (README.md) of an export. */
export function datasetCard(summary: ExportSummary): string {
  const s = summary.samples;
  const roles = [...new Set(summary.rounds.flatMap((r) => Object.keys(r.models)))];
  const out: string[] = [
    `# flywheel dataset: ${summary.format}`,
    '',
    `${summary.rows.total} rows from ${s.total} samples (status ${summary.selection.statuses.join(', ')}), exported ${summary.createdAt} by flywheel's Data Evolution Flywheel`,
    `(V-Thinker, arXiv 2511.04460) from \`${summary.source.database}\`.`,
    '',
    `Selection: ${selectionLine(summary.selection)}.`,
    '',
    '## Files',
    '',
    table(['file', 'rows'], [
      ...Object.entries(summary.rows.bySplit).map(([split, n]) => [`${split}.jsonl`, n]),
      [`images/ (${summary.images.files} PNG files, ${(summary.images.bytes / 1e6).toFixed(1)} MB)`, ''],
    ]),
    '',
    `Also: ${summary.files.filter((f) => !f.endsWith('.jsonl') && f !== 'images/' && f !== 'README.md').map((f) => `\`${f}\``).join(', ')} (\`stats.json\` holds every number on this card, machine-readable).`,
    '',
    '## Layout',
    '',
    formatDoc(summary.format),
    '',
    '## Counts',
    '',
    table(['split', 'samples', 'rows'], Object.keys(summary.rows.bySplit).map((k) => [k, s.bySplit[k] ?? 0, summary.rows.bySplit[k] ?? 0])),
    '',
    'Splits are drawn from a hash of each sample\'s lineage root, so a sample, its parent and its children always share a split.',
    '',
    ...([
      ['domain', s.byDomain],
      ['difficulty', s.byDifficulty],
      ['depth', s.byDepth],
      ['kind', s.byKind],
      ['round', s.byRound],
      ['problem type', s.byProblemType],
      ['interaction steps', s.byInteractionSteps],
    ] as const).flatMap(([label, counts]) => [countsTable(label, counts, s.total), '']),
  ];
  for (const [group, counts] of Object.entries(summary.details)) {
    out.push(table([group, 'count'], Object.entries(counts).map(([k, n]) => [k, n])), '');
  }
  if (Object.keys(summary.skipped).length) {
    out.push('Selected samples that produced no row:', '', table(['reason', 'samples'], Object.entries(summary.skipped)), '');
  }
  out.push(
    '## Scores',
    '',
    'Checker scores (0-10) of the exported samples: how many got each score.',
    '',
    table(
      ['checker', 'samples', 'mean', 'min', 'max', ...Array.from({ length: 11 }, (_, i) => String(i))],
      Object.entries(summary.scores).map(([c, x]) => [c, x.count, x.mean, x.min, x.max, ...x.histogram]),
    ),
    '',
    '## Knowledge growth',
    '',
    'Knowledge nodes and visual tools in the system after each round (round 0: the seeds).',
    '',
    table(['round', 'knowledge added', 'knowledge total', 'tools added', 'tools total'], summary.growth.map((g) => [g.round, g.knowledgeAdded, g.knowledgeTotal, g.toolsAdded, g.toolsTotal])),
    '',
    `![Knowledge and tool growth per round](${GROWTH_CHART_FILE})`,
    '',
  );
  const reported = reportedGrowth(summary);
  if (reported) out.push(reported, '');
  out.push(
    '## Configuration and models',
    '',
    'Models per role as configured for each round (`offline`: the embedded procedural author and rule-based judges):',
    '',
    table(
      ['round', 'status', 'seed', 'perRound', 'passThreshold', 'maxDepth', ...roles],
      summary.rounds.map((r) => [r.id, r.status, r.seed, r.pipeline?.perRound ?? '', r.pipeline?.passThreshold ?? '', r.pipeline?.maxDepth ?? '', ...roles.map((k) => r.models[k] ?? '')]),
    ),
    '',
    'Models that produced the exported samples (from each sample\'s provenance):',
    '',
    table(['role', 'model', 'samples'], Object.entries(summary.models).flatMap(([role, c]) => Object.entries(c).map(([m, n]) => [role, m, n]))),
    '',
    `Providers: ${Object.entries(summary.providers).map(([p, n]) => `${p} (${n})`).join(', ') || 'none'}. Tokens: ${summary.usage.promptTokens} prompt, ${summary.usage.completionTokens} completion; cost $${summary.usage.cost.toFixed(4)}.`,
    '',
    'The full configuration of every round (secrets masked) is in `stats.json` under `rounds[].config`.',
    '',
  );
  return out.join('\n');
}
