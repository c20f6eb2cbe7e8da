import { html, type Html } from './html.js';

/** Small server-rendered SVG charts (no scripts, no external assets). */

const W = 560;
const H = 240;
const M = { top: 16, right: 16, bottom: 36, left: 52 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

export interface Series {
  name: string;
  color: string;
  values: number[];
}

/** The smallest of 1, 2, 5 × 10^k (at least 1: the charts count things) not below `x`. */
function niceStep(x: number): number {
  if (x <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 5, 10].find((m) => m * p >= x) ?? 10) * p;
}

/** Four equal steps from a round number at or below `min` to one at or above `max`. */
function axisRange(min: number, max: number): { lo: number; hi: number } {
  let step = niceStep((max - min) / 4);
  let lo = Math.floor(min / step) * step;
  while (lo + 4 * step < max) {
    step = niceStep(step + 1);
    lo = Math.floor(min / step) * step;
  }
  return { lo, hi: lo + 4 * step };
}

function yAxis(lo: number, hi: number): Html[] {
  return [0, 1, 2, 3, 4].map((i) => {
    const y = M.top + PLOT_H * (1 - i / 4);
    return html`<line x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}" stroke="#e3e6ea"/><text x="${M.left - 6}" y="${y + 4}" text-anchor="end" class="tick">${lo + ((hi - lo) * i) / 4}</text>`;
  });
}

function legend(series: readonly { name: string; color: string }[]): Html[] {
  return series.map(
    (s, i) => html`<rect x="${M.left + i * 150}" y="${H - 12}" width="10" height="10" fill="${s.color}"/><text x="${M.left + 14 + i * 150}" y="${H - 3}" class="legend">${s.name}</text>`,
  );
}

/** Lines over categories (rounds), on an axis fitted to the values; each point carries its value for tooltips and tests. */
export function lineChart(opts: { id: string; title: string; labels: string[]; series: Series[] }): Html {
  const all = opts.series.flatMap((s) => s.values);
  const { lo, hi } = axisRange(all.length ? Math.min(...all) : 0, Math.max(0, ...all));
  const n = opts.labels.length;
  const x = (i: number) => M.left + (n <= 1 ? PLOT_W / 2 : (PLOT_W * i) / (n - 1));
  const y = (v: number) => M.top + PLOT_H * (1 - (v - lo) / (hi - lo));
  const lines = opts.series.map((s) => {
    const pts = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const dots = s.values.map(
      (v, i) =>
        html`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${s.color}" data-series="${s.name}" data-label="${opts.labels[i]}" data-value="${v}"><title>${s.name}, ${opts.labels[i]}: ${v}</title></circle>`,
    );
    return html`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts}"/>${dots}`;
  });
  const ticks = opts.labels.map((l, i) => html`<text x="${x(i)}" y="${M.top + PLOT_H + 16}" text-anchor="middle" class="tick">${l}</text>`);
  return html`<figure class="chart"><figcaption>${opts.title}</figcaption>
<svg id="${opts.id}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${opts.title}">${yAxis(lo, hi)}${ticks}${lines}${legend(opts.series)}</svg></figure>`;
}

/** Stacked bars over categories (rounds). */
export function barChart(opts: { id: string; title: string; labels: string[]; series: Series[] }): Html {
  const totals = opts.labels.map((_, i) => opts.series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const { hi: top } = axisRange(0, Math.max(0, ...totals));
  const slot = PLOT_W / Math.max(1, opts.labels.length);
  const bw = Math.min(48, slot * 0.6);
  const bars = opts.labels.map((label, i) => {
    let base = 0;
    const segs = opts.series.map((s) => {
      const v = s.values[i] ?? 0;
      const h = (PLOT_H * v) / top;
      const yTop = M.top + PLOT_H - ((PLOT_H * base) / top) - h;
      base += v;
      return html`<rect x="${(M.left + slot * i + (slot - bw) / 2).toFixed(1)}" y="${yTop.toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}" data-series="${s.name}" data-label="${label}" data-value="${v}"><title>${s.name}, ${label}: ${v}</title></rect>`;
    });
    return html`${segs}<text x="${(M.left + slot * i + slot / 2).toFixed(1)}" y="${M.top + PLOT_H + 16}" text-anchor="middle" class="tick">${label}</text>`;
  });
  return html`<figure class="chart"><figcaption>${opts.title}</figcaption>
<svg id="${opts.id}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${opts.title}">${yAxis(0, top)}${bars}${legend(opts.series)}</svg></figure>`;
}
