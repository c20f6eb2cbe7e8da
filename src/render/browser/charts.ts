import type { Kit } from './kit.js';
import type { Draw } from './draw.js';
import type { Pt } from './geo.js';

/**
 * Coordinate planes, charts and tables of `vt`. Serialised with `toString()` into the sandbox worker:
 * self-contained, no imports at run time.
 */
export function createCharts(k: Kit, draw: Draw) {
  const PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const fmt = (v: number) => String(Number(v.toFixed(10)));
  const niceStep = (range: number, target: number) => {
    if (!(range > 0)) return 1;
    const raw = range / target, mag = 10 ** Math.floor(Math.log10(raw)), n = raw / mag;
    return (n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10) * mag;
  };
  const ticks = (min: number, max: number, step: number) => {
    const out: number[] = [];
    const first = Math.ceil(min / step - 1e-9) * step;
    for (let v = first, i = 0; v <= max + step * 1e-9 && i < 1000; i++, v = first + i * step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    return out;
  };
  const obj = (v: unknown, where: string): Record<string, unknown> => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new TypeError(`${where}: expected an options object, got ${k.describe(v)}`);
    return v as Record<string, unknown>;
  };
  const opt = (o: Record<string, unknown>, key: string, where: string, dflt: number) => (o[key] === undefined ? dflt : k.num(o[key], `${where}: ${key}`));
  const numbers = (v: unknown, where: string): number[] => {
    if (!Array.isArray(v) || v.length === 0) throw new TypeError(`${where} must be a non-empty array of numbers, got ${k.describe(v)}`);
    return v.map((x, i) => k.num(x, `${where}[${i}]`));
  };
  const strings = (v: unknown, where: string, n: number): string[] => {
    if (!Array.isArray(v) || v.length !== n) throw new TypeError(`${where} must be an array of ${n} labels, got ${k.describe(v)}`);
    return v.map((x) => k.str(x));
  };
  const colorAt = (colors: unknown, i: number, dflt: string) => (Array.isArray(colors) && colors.length ? String(colors[i % colors.length]) : dflt);
  const small = k.style({ size: 13 }, 'chart');
  const thin = k.style({ width: 1 }, 'chart');

  /** Frame of a value chart: y axis with ticks and labels, baseline, optional title. */
  const valueFrame = (o: Record<string, unknown>, where: string, lo: number, hi: number) => {
    const x = opt(o, 'x', where, 40), y = opt(o, 'y', where, 30);
    const w = opt(o, 'w', where, k.W() - x - 20), h = opt(o, 'h', where, k.H() - y - 20);
    const title = o.title === undefined ? '' : k.str(o.title);
    const top = title ? 30 : 12;
    const px = x + 46, py = y + top, pw = w - 56, ph = h - top - 30;
    if (pw < 10 || ph < 10) throw new RangeError(`${where}: the chart box ${w}×${h} is too small`);
    const step = o.yStep === undefined ? niceStep(hi - lo, 5) : k.num(o.yStep, `${where}: yStep`);
    const yToPx = (v: number) => py + ph - ((v - lo) / (hi - lo)) * ph;
    for (const t of ticks(lo, hi, step)) {
      const ty = yToPx(t);
      if (o.grid === true) k.stroke([{ x: px, y: ty }, { x: px + pw, y: ty }], k.style({ color: '#dddddd', width: 1 }, where));
      k.stroke([{ x: px - 4, y: ty }, { x: px, y: ty }], thin);
      k.text(px - 7, ty, fmt(t), small, 'right', 'middle');
    }
    k.stroke([{ x: px, y: py - 4 }, { x: px, y: py + ph }, { x: px + pw, y: py + ph }], k.style({ width: 1.5 }, where));
    if (title) {
      k.text(x + w / 2, y + 18, title, k.style({ bold: true }, where), 'center', 'alphabetic');
      k.record({ type: 'text', text: title, points: [{ x: x + w / 2, y: y + 18 }] });
    }
    return { px, py, pw, ph, yToPx, step };
  };
  const upperOf = (values: number[]) => {
    const m = Math.max(...values);
    if (m <= 0) return 1;
    const s = niceStep(m, 5);
    return Math.ceil(m / s - 1e-9) * s;
  };

  return {
    axes(options: unknown) {
      const where = 'vt.axes';
      const o = obj(options, where);
      const x = opt(o, 'x', where, 40), y = opt(o, 'y', where, 20), w = opt(o, 'w', where, k.W() - 60), h = opt(o, 'h', where, k.H() - 60);
      const xMin = k.num(o.xMin, `${where}: xMin`), xMax = k.num(o.xMax, `${where}: xMax`);
      const yMin = k.num(o.yMin, `${where}: yMin`), yMax = k.num(o.yMax, `${where}: yMax`);
      if (!(xMax > xMin) || !(yMax > yMin)) throw new RangeError(`${where}: need xMin < xMax and yMin < yMax`);
      const xStep = o.xStep === undefined ? niceStep(xMax - xMin, 8) : k.num(o.xStep, `${where}: xStep`);
      const yStep = o.yStep === undefined ? niceStep(yMax - yMin, 8) : k.num(o.yStep, `${where}: yStep`);
      if (!(xStep > 0) || !(yStep > 0)) throw new RangeError(`${where}: xStep and yStep must be positive`);
      const labels = o.labels !== false;
      const toPx = (X: number, Y: number): Pt => ({ x: x + ((X - xMin) / (xMax - xMin)) * w, y: y + h - ((Y - yMin) / (yMax - yMin)) * h });
      const fromPx = (P: unknown): Pt => {
        const p = k.pt(P, 'ax.fromPx: P');
        return { x: xMin + ((p.x - x) / w) * (xMax - xMin), y: yMin + ((y + h - p.y) / h) * (yMax - yMin) };
      };
      const X0 = Math.min(Math.max(0, xMin), xMax), Y0 = Math.min(Math.max(0, yMin), yMax);
      const origin = toPx(X0, Y0);
      if (o.grid === true) {
        const g = k.style({ color: '#e0e0e0', width: 1 }, where);
        for (const t of ticks(xMin, xMax, xStep)) k.stroke([toPx(t, yMin), toPx(t, yMax)], g);
        for (const t of ticks(yMin, yMax, yStep)) k.stroke([toPx(xMin, t), toPx(xMax, t)], g);
      }
      const axis = k.style({ width: 1.5 }, where);
      const arrowStyle = k.style({ width: 1.5, radius: 9 }, where);
      k.arrow({ x, y: origin.y }, { x: x + w + 12, y: origin.y }, arrowStyle);
      k.arrow({ x: origin.x, y: y + h }, { x: origin.x, y: y - 12 }, arrowStyle);
      for (const t of ticks(xMin, xMax, xStep)) {
        const p = toPx(t, Y0);
        k.stroke([{ x: p.x, y: p.y - 4 }, { x: p.x, y: p.y + 4 }], axis);
        if (labels && !(t === X0 && X0 === 0 && Y0 === 0)) k.text(p.x, p.y + 8, fmt(t), small, 'center', 'top');
      }
      for (const t of ticks(yMin, yMax, yStep)) {
        const p = toPx(X0, t);
        k.stroke([{ x: p.x - 4, y: p.y }, { x: p.x + 4, y: p.y }], axis);
        if (labels && !(t === Y0 && X0 === 0 && Y0 === 0)) k.text(p.x - 8, p.y, fmt(t), small, 'right', 'middle');
      }
      if (labels && X0 === 0 && Y0 === 0) k.text(origin.x - 6, origin.y + 6, '0', small, 'right', 'top');
      k.text(x + w + 14, origin.y + 6, k.str(o.xLabel ?? 'x'), small, 'left', 'top');
      k.text(origin.x + 8, y - 14, k.str(o.yLabel ?? 'y'), small, 'left', 'top');
      const mathPt = (v: unknown, where2: string) => k.pt(v, where2);
      return {
        box: { x, y, w, h },
        toPx(X: unknown, Y: unknown) {
          return toPx(k.num(X, 'ax.toPx: X'), k.num(Y, 'ax.toPx: Y'));
        },
        fromPx,
        plot(f: unknown, style?: unknown) {
          if (typeof f !== 'function') throw new TypeError(`ax.plot: expected a function like (x) => x * x, got ${k.describe(f)}`);
          const s = k.style(style, 'ax.plot', { color: '#1f77b4' });
          const ctx = k.ctx;
          ctx.save();
          ctx.beginPath();
          ctx.rect(x, y, w, h);
          ctx.clip();
          ctx.globalAlpha = s.opacity;
          ctx.strokeStyle = s.color;
          ctx.lineWidth = s.width;
          ctx.lineJoin = 'round';
          ctx.setLineDash(s.dash);
          ctx.beginPath();
          const n = Math.max(2, Math.ceil(w * 2));
          const span = yMax - yMin;
          let pen = false;
          for (let i = 0; i <= n; i++) {
            const X = xMin + ((xMax - xMin) * i) / n;
            const Y = Number((f as (v: number) => unknown)(X));
            if (!Number.isFinite(Y) || Y > yMax + span * 2 || Y < yMin - span * 2) {
              pen = false;
              continue;
            }
            const p = toPx(X, Y);
            if (pen) ctx.lineTo(p.x, p.y);
            else ctx.moveTo(p.x, p.y);
            pen = true;
          }
          ctx.stroke();
          ctx.restore();
        },
        point(X: unknown, Y: unknown, name?: unknown, style?: unknown) {
          const p = toPx(k.num(X, 'ax.point: X'), k.num(Y, 'ax.point: Y'));
          return draw.point(p.x, p.y, name, style);
        },
        segment(P: unknown, Q: unknown, style?: unknown) {
          const p = mathPt(P, 'ax.segment: P'), q = mathPt(Q, 'ax.segment: Q');
          return draw.segment({ ...toPx(p.x, p.y), ...(p.name ? { name: p.name } : {}) }, { ...toPx(q.x, q.y), ...(q.name ? { name: q.name } : {}) }, style);
        },
      };
    },

    barChart(options: unknown) {
      const where = 'vt.barChart';
      const o = obj(options, where);
      const values = numbers(o.values, `${where}: values`);
      if (values.some((v) => v < 0)) throw new RangeError(`${where}: values must not be negative`);
      const labels = strings(o.labels, `${where}: labels`, values.length);
      const max = o.max === undefined ? upperOf(values) : k.num(o.max, `${where}: max`);
      if (!(max > 0)) throw new RangeError(`${where}: max must be positive`);
      const f = valueFrame(o, where, 0, max);
      const slot = f.pw / values.length, bw = slot * 0.6;
      const bars = values.map((v, i) => {
        const bx = f.px + i * slot + (slot - bw) / 2, by = f.yToPx(v), bh = f.py + f.ph - by;
        k.fill(
          [
            { x: bx, y: by },
            { x: bx + bw, y: by },
            { x: bx + bw, y: by + bh },
            { x: bx, y: by + bh },
          ],
          colorAt(o.colors, i, PALETTE[0]!),
          k.style({}, where),
        );
        k.text(bx + bw / 2, f.py + f.ph + 8, labels[i]!, small, 'center', 'top');
        if (o.valueLabels === true) k.text(bx + bw / 2, by - 5, fmt(v), small, 'center', 'alphabetic');
        k.record({ type: 'box', name: labels[i]!, points: [{ x: bx, y: by }, { x: bx + bw, y: by + bh }] });
        return { x: bx, y: by, w: bw, h: bh, top: { x: bx + bw / 2, y: by } };
      });
      return { bars, max, step: f.step, plot: { x: f.px, y: f.py, w: f.pw, h: f.ph }, yToPx: (v: unknown) => f.yToPx(k.num(v, 'chart.yToPx: v')) };
    },

    lineChart(options: unknown) {
      const where = 'vt.lineChart';
      const o = obj(options, where);
      if (!Array.isArray(o.series) || o.series.length === 0) throw new TypeError(`${where}: series must be a non-empty array of { name, values }`);
      const series = o.series.map((s, i) => {
        const so = obj(s, `${where}: series[${i}]`);
        return { name: k.str(so.name), values: numbers(so.values, `${where}: series[${i}].values`), color: so.color === undefined ? PALETTE[i % PALETTE.length]! : String(so.color) };
      });
      const n = series[0]!.values.length;
      if (series.some((s) => s.values.length !== n)) throw new RangeError(`${where}: every series needs the same number of values`);
      const labels = strings(o.labels, `${where}: labels`, n);
      const all = series.flatMap((s) => s.values);
      const lowest = Math.min(...all);
      const min = o.min === undefined ? (lowest >= 0 ? 0 : -upperOf([-lowest])) : k.num(o.min, `${where}: min`);
      const max = o.max === undefined ? upperOf(all) : k.num(o.max, `${where}: max`);
      if (!(max > min)) throw new RangeError(`${where}: need min < max`);
      const f = valueFrame(o, where, min, max);
      const pad = 18;
      const xAt = (i: number) => (n === 1 ? f.px + f.pw / 2 : f.px + pad + ((f.pw - 2 * pad) * i) / (n - 1));
      labels.forEach((l, i) => k.text(xAt(i), f.py + f.ph + 8, l, small, 'center', 'top'));
      const pointAt = (si: unknown, i: unknown): Pt => {
        const s = series[k.num(si, 'chart.pointAt: s')];
        const idx = k.num(i, 'chart.pointAt: i');
        if (!s || idx < 0 || idx >= n) throw new RangeError(`chart.pointAt: no point (${String(si)}, ${String(i)})`);
        return { x: xAt(idx), y: f.yToPx(s.values[idx]!) };
      };
      series.forEach((s, si) => {
        const ps = s.values.map((_, i) => pointAt(si, i));
        k.stroke(ps, k.style({ color: s.color, width: 2.5 }, where));
        for (const p of ps) k.dot(p, k.style({ color: s.color, radius: 3.5 }, where));
      });
      if (series.length > 1 || series[0]!.name) {
        series.forEach((s, si) => {
          const ly = f.py + 8 + si * 18, lx = f.px + f.pw - 110;
          k.stroke([{ x: lx, y: ly }, { x: lx + 20, y: ly }], k.style({ color: s.color, width: 3 }, where));
          k.text(lx + 26, ly, s.name, small, 'left', 'middle');
        });
      }
      return { pointAt, plot: { x: f.px, y: f.py, w: f.pw, h: f.ph }, min, max, step: f.step, yToPx: (v: unknown) => f.yToPx(k.num(v, 'chart.yToPx: v')) };
    },

    pieChart(options: unknown) {
      const where = 'vt.pieChart';
      const o = obj(options, where);
      const cx = opt(o, 'cx', where, k.W() / 2), cy = opt(o, 'cy', where, k.H() / 2);
      const r = opt(o, 'r', where, Math.min(k.W(), k.H()) * 0.32);
      const values = numbers(o.values, `${where}: values`);
      if (values.some((v) => v < 0)) throw new RangeError(`${where}: values must not be negative`);
      const total = values.reduce((a, b) => a + b, 0);
      if (!(total > 0)) throw new RangeError(`${where}: values must add up to more than 0`);
      const labels = strings(o.labels, `${where}: labels`, values.length);
      const ctx = k.ctx;
      let start = 90;
      const slices = values.map((v, i) => {
        const sweep = (v / total) * 360, from = start, to = start - sweep;
        start = to;
        ctx.save();
        ctx.beginPath();
        ctx.moveTo(cx, cy);
        ctx.arc(cx, cy, r, -rad(from), -rad(to), false);
        ctx.closePath();
        ctx.fillStyle = colorAt(o.colors, i, PALETTE[i % PALETTE.length]!);
        ctx.fill();
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 2;
        ctx.stroke();
        ctx.restore();
        const m = rad((from + to) / 2);
        const dir = { x: Math.cos(m), y: -Math.sin(m) };
        if (labels[i]) k.labelNear({ x: cx + dir.x * r, y: cy + dir.y * r }, labels[i]!, k.style({ radius: 0 }, where), dir, 8);
        const at = (deg: number) => ({ x: cx + r * Math.cos(rad(deg)), y: cy - r * Math.sin(rad(deg)) });
        k.record({ type: 'region', name: labels[i]!, points: [{ x: cx, y: cy }, at(from), at(to)] });
        return { fromDeg: from, toDeg: to, mid: { x: cx + dir.x * r * 0.6, y: cy + dir.y * r * 0.6 } };
      });
      return { slices, center: { x: cx, y: cy }, r };
    },

    table(options: unknown) {
      const where = 'vt.table';
      const o = obj(options, where);
      const x = opt(o, 'x', where, 20), y = opt(o, 'y', where, 20);
      if (!Array.isArray(o.rows) || o.rows.length === 0 || !o.rows.every((r) => Array.isArray(r))) {
        throw new TypeError(`${where}: rows must be a non-empty array of rows, like [['x', 'y'], [1, 2]]`);
      }
      const rows = (o.rows as unknown[][]).map((r) => r.map((c) => k.str(c)));
      const cols = Math.max(...rows.map((r) => r.length));
      const header = o.header !== false;
      const rowHeight = opt(o, 'rowHeight', where, 30);
      const font = k.style({ size: 15 }, where), bold = k.style({ size: 15, bold: true }, where);
      let widths: number[];
      if (o.colWidths !== undefined) {
        widths = numbers(o.colWidths, `${where}: colWidths`);
        if (widths.length !== cols) throw new RangeError(`${where}: colWidths needs ${cols} widths`);
      } else {
        widths = Array.from({ length: cols }, (_, c) => Math.max(40, ...rows.map((r, ri) => k.textSize(r[c] ?? '', ri === 0 && header ? bold : font).w + 20)));
      }
      const lefts = widths.map((_, c) => x + widths.slice(0, c).reduce((a, b) => a + b, 0));
      const w = widths.reduce((a, b) => a + b, 0), h = rows.length * rowHeight;
      if (header) k.fill([{ x, y }, { x: x + w, y }, { x: x + w, y: y + rowHeight }, { x, y: y + rowHeight }], '#eeeeee', font);
      const line = k.style({ width: 1 }, where);
      for (let r = 0; r <= rows.length; r++) k.stroke([{ x, y: y + r * rowHeight }, { x: x + w, y: y + r * rowHeight }], line);
      for (let c = 0; c <= cols; c++) {
        const lx = c === cols ? x + w : lefts[c]!;
        k.stroke([{ x: lx, y }, { x: lx, y: y + h }], line);
      }
      rows.forEach((row, r) =>
        row.forEach((text, c) => {
          const cxm = lefts[c]! + widths[c]! / 2, cym = y + r * rowHeight + rowHeight / 2;
          k.text(cxm, cym, text, r === 0 && header ? bold : font, 'center', 'middle');
          if (text) k.record({ type: 'text', text, points: [{ x: cxm, y: cym }] });
        }),
      );
      k.record({ type: 'box', points: [{ x, y }, { x: x + w, y: y + h }] });
      return {
        x,
        y,
        w,
        h,
        cell(r: unknown, c: unknown) {
          const ri = k.num(r, 'table.cell: r'), ci = k.num(c, 'table.cell: c');
          if (ri < 0 || ri >= rows.length || ci < 0 || ci >= cols) throw new RangeError(`table.cell: no cell (${ri}, ${ci})`);
          return { x: lefts[ci]!, y: y + ri * rowHeight, w: widths[ci]!, h: rowHeight };
        },
      };
    },
  };
}
