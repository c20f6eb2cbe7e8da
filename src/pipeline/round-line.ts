import type { RoundReport } from './finish-round.js';

/** One line per finished round for the terminal. */
export function formatRoundLine(r: RoundReport): string {
  const st = r.samples.byStatus;
  const k = r.samples.byKind;
  return (
    `round ${r.round}: ${r.samples.total} samples (${st.accepted ?? 0} accepted, ${st.rejected ?? 0} rejected, ${st.failed ?? 0} failed; ` +
    `${k.repaired ?? 0} repaired, ${k.expanded ?? 0} expanded, ${k.robustness ?? 0} robustness) in ${(r.durationMs / 1000).toFixed(1)}s, ` +
    `${r.acceptedPerSecond.toFixed(1)} accepted/s; knowledge +${r.growth.knowledge.added}, tools +${r.growth.tools.added}` +
    (r.failures.length ? `; failures: ${r.failures.map((f) => `${f.stage}/${f.reason} ×${f.count}`).join(', ')} (see \`flywheel status\`)` : '')
  );
}
