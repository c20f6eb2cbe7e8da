/**
 * Typical 512×512 problem figures (20-60 drawn elements each) and a follow-up interaction for each,
 * in the vt library, varied by a seed. Used by bench/render.ts.
 */
export interface BenchFigure {
  kind: string;
  code: string;
  interaction: string;
}

function rng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a ^= a << 13;
    a ^= a >>> 17;
    a ^= a << 5;
    return (a >>> 0) / 2 ** 32;
  };
}

const r2 = (v: number) => Math.round(v * 100) / 100;

function triangle(seed: number): BenchFigure {
  const rnd = rng(seed);
  const A = { x: r2(60 + rnd() * 60), y: r2(400 + rnd() * 40) };
  const B = { x: r2(380 + rnd() * 70), y: r2(400 + rnd() * 40) };
  const C = { x: r2(180 + rnd() * 150), y: r2(80 + rnd() * 80) };
  return {
    kind: 'triangle',
    code: `const A = vt.point(${A.x}, ${A.y}, 'A'), B = vt.point(${B.x}, ${B.y}, 'B'), C = vt.point(${C.x}, ${C.y}, 'C');
vt.polygon([A, B, C], { fill: 'rgba(31,119,180,0.08)' });
const M = vt.midpoint(A, B, 'M'), N = vt.midpoint(B, C, 'N'), K = vt.midpoint(A, C, 'K');
vt.segment(M, N, { dash: true }); vt.segment(N, K, { dash: true }); vt.segment(K, M, { dash: true });
vt.angleMark(B, A, C, { label: Math.round(vt.geo.angle(B, A, C)) + '°' });
vt.angleMark(C, B, A, { label: Math.round(vt.geo.angle(C, B, A)) + '°' });
vt.angleMark(A, C, B, { radius: 30 });
const cc = vt.geo.circumcircle(A, B, C);
vt.circle(cc.center, cc.r, { color: '#888', width: 1 });
vt.point(cc.center.x, cc.center.y, 'O');
vt.measure(A, B, Math.round(vt.geo.distance(A, B)) + ' px');
vt.measure(B, C, Math.round(vt.geo.distance(B, C)) + ' px');
vt.measure(A, C, Math.round(vt.geo.distance(A, C)) + ' px');
for (let i = 1; i < 8; i++) vt.point(A.x + (B.x - A.x) * i / 8, A.y + (B.y - A.y) * i / 8, '', { radius: 2 });
vt.text(20, 30, 'Triangle ABC with its medial triangle', { size: 15 });
vt.export({ A, B, C, M, N, K, O: cc.center, r: cc.r });`,
    interaction: `const { A, B, C } = state;
const D = vt.perpendicular(C, A, B);
vt.point(D.x, D.y, 'D');
vt.highlight(Math.min(A.x, B.x) - 10, D.y - 30, Math.abs(B.x - A.x) + 20, 50);
vt.export({ D });`,
  };
}

function plane(seed: number): BenchFigure {
  const rnd = rng(seed);
  const a = r2(0.2 + rnd() * 0.6), b = r2(-2 + rnd() * 4), k = r2(1 + rnd() * 2);
  return {
    kind: 'plane',
    code: `const ax = vt.axes({ x: 50, y: 40, w: 420, h: 420, xMin: -5, xMax: 5, yMin: -5, yMax: 5, xStep: 1, yStep: 1, grid: true });
ax.plot((x) => ${a} * x * x + ${b}, { color: '#1f77b4' });
ax.plot((x) => ${k} * Math.sin(x), { color: '#ff7f0e' });
const P = ax.point(1, ${a} + ${b}, 'P'), Q = ax.point(-2, ${a} * 4 + ${b}, 'Q');
ax.segment({ x: -2, y: ${a} * 4 + ${b} }, { x: 1, y: ${a} + ${b} }, { dash: true });
vt.text(60, 30, 'y = ${a}x² + ${b}', { color: '#1f77b4' });
vt.export({ P, Q, origin: ax.toPx(0, 0), unit: 42 });`,
    interaction: `const { P, origin, unit } = state;
vt.segment(P, { x: P.x, y: origin.y }, vt.aux);
vt.segment(P, { x: origin.x, y: P.y }, vt.aux);
vt.label({ x: P.x, y: origin.y }, '1', { color: '#d62728' });`,
  };
}

function bars(seed: number): BenchFigure {
  const rnd = rng(seed);
  const values = Array.from({ length: 8 }, () => Math.round(5 + rnd() * 40));
  return {
    kind: 'bars',
    code: `const chart = vt.barChart({ x: 20, y: 20, w: 470, h: 460, labels: ['Mon','Tue','Wed','Thu','Fri','Sat','Sun','Avg'], values: ${JSON.stringify(values)}, title: 'Visitors per day' });
vt.export({ tops: chart.bars.map((b) => b.top), y0: chart.yToPx(0), y10: chart.yToPx(10) });`,
    interaction: `const { tops, y0, y10 } = state;
const best = tops.reduce((m, t) => (t.y < m.y ? t : m), tops[0]);
vt.segment({ x: 60, y: best.y }, { x: 490, y: best.y }, vt.aux);
vt.highlight(best.x - 30, best.y - 10, 60, y0 - best.y + 10);`,
  };
}

function lattice(seed: number): BenchFigure {
  const rnd = rng(seed);
  const pts = Array.from({ length: 24 }, (_, i) => ({ x: 40 + (i % 6) * 86, y: 60 + Math.floor(i / 6) * 110, j: r2(rnd() * 20 - 10) }));
  return {
    kind: 'lattice',
    code: `vt.grid({ x: 20, y: 20, w: 472, h: 472, step: 43 });
const P = ${JSON.stringify(pts)}.map((p, i) => vt.point(p.x + p.j, p.y - p.j, 'P' + i, { radius: 3 }));
vt.polyline(P.slice(0, 6));
vt.polygon([P[6], P[9], P[21], P[18]], { fill: 'rgba(44,160,44,0.15)' });
vt.circle(P[14], 60, { dash: true });
vt.export({ P });`,
    interaction: `const { P } = state;
vt.connect(P[0], P[23]);
vt.reflect(P[3], P[0], P[23], "P3'");`,
  };
}

const KINDS = [triangle, plane, bars, lattice];

export function benchFigure(i: number): BenchFigure {
  return KINDS[i % KINDS.length]!(1000 + i);
}
