export interface GrowthPoint {
  round: number;
  knowledge: number;
  tools: number;
}

const W = 360;
const H = 220;
const PAD = { left: 52, right: 14, top: 30, bottom: 34 };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** Ticks that land on whole numbers (the chart shows counts). */
function tickCount(maxY: number): number {
  if (maxY <= 5) return maxY;
  return maxY / 10 ** Math.floor(Math.log10(maxY)) === 2 ? 4 : 5;
}

function panel(points: readonly GrowthPoint[], key: 'knowledge' | 'tools', title: string, colour: string, dx: number): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const maxY = niceMax(Math.max(...points.map((p) => p[key])));
  const rounds = points.map((p) => p.round);
  const minR = Math.min(...rounds);
  const spanR = Math.max(1, Math.max(...rounds) - minR);
  const x = (r: number) => dx + PAD.left + ((r - minR) / spanR) * plotW;
  const y = (v: number) => PAD.top + plotH - (v / maxY) * plotH;
  const parts = [`<text x="${dx + W / 2}" y="18" text-anchor="middle" font-weight="bold">${esc(title)}</text>`];
  const ticks = tickCount(maxY);
  for (let i = 0; i <= ticks; i++) {
    const v = (maxY * i) / ticks;
    parts.push(
      `<line x1="${dx + PAD.left}" x2="${dx + W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e3e3e3"/>`,
      `<text x="${dx + PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${Number(v.toPrecision(3))}</text>`,
    );
  }
  for (const r of rounds) parts.push(`<text x="${x(r)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${r}</text>`);
  parts.push(`<text x="${dx + PAD.left + plotW / 2}" y="${H - 4}" text-anchor="middle">round</text>`);
  parts.push(
    `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map((p) => `${x(p.round).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ')}"/>`,
  );
  for (const p of points) parts.push(`<circle cx="${x(p.round).toFixed(1)}" cy="${y(p[key]).toFixed(1)}" r="3" fill="${colour}"><title>round ${p.round}: ${p[key]}</title></circle>`);
  return parts.join('\n');
}

/** A self-contained SVG (no scripts, no external resources) of the knowledge and tool totals after each round. */
export function growthChartSvg(points: readonly GrowthPoint[]): string {
  const body = points.length
    ? [panel(points, 'knowledge', 'Knowledge nodes (total)', '#2f6db5', 0), panel(points, 'tools', 'Visual tools (total)', '#c0571b', W)].join('\n')
    : `<text x="${W}" y="${H / 2}" text-anchor="middle">no knowledge system recorded</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H}" viewBox="0 0 ${2 * W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}
