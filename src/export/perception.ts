import type { FigureElement } from '../schemas/rendered.js';
import { angleAt, centroid, distance, distanceToLine, midpoint, perpendicularFoot, pixel, segmentIntersection, type Pt } from './geometry.js';
import { unitOf } from './splits.js';

export const PERCEPTION_LEVELS = ['surface', 'semantic', 'integrated'] as const;
export type PerceptionLevel = (typeof PERCEPTION_LEVELS)[number];

export interface PerceptionQuestion {
  level: PerceptionLevel;
  /** What is asked for: labelled-point, circle-centre, right-angle-vertex, highest/lowest/leftmost/rightmost-vertex, midpoint, perpendicular-foot, centroid, intersection. */
  type: string;
  question: string;
  answer: [number, number];
  /** The named elements the question is about. */
  targets: string[];
}

/** About as many questions per figure as V-Perception-40K has. */
export const QUESTIONS_PER_FIGURE = 8;
/** Two element coordinates closer than this are the same point. */
const SAME_POINT_PX = 1.5;
const RIGHT_ANGLE_TOLERANCE_DEG = 1.5;

const ANSWER_FORMAT = 'Answer with its pixel coordinates [x, y].';

interface Named {
  name: string;
  at: Pt;
}

function namedPoints(elements: readonly FigureElement[]): Named[] {
  const out: Named[] = [];
  for (const e of elements) {
    const at = e.points[0];
    if (e.type !== 'point' || !e.name || !at) continue;
    if (!out.some((n) => n.name === e.name)) out.push({ name: e.name, at });
  }
  return out;
}

function nameAt(points: readonly Named[], p: Pt): string | undefined {
  return points.find((n) => distance(n.at, p) <= SAME_POINT_PX)?.name;
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Surface: where a labelled point is drawn. Text elements are not asked about: the library records a
 * label's centre but free text's anchor (its baseline start), and the two cannot be told apart.
 */
function surface(points: readonly Named[]): PerceptionQuestion[] {
  return points.map((p) => ({
    level: 'surface',
    type: 'labelled-point',
    question: `Where is the point labelled ${p.name} in the image? ${ANSWER_FORMAT}`,
    answer: pixel(p.at),
    targets: [p.name],
  }));
}

/** Vertices with a right angle: marked angles of 90° and right-angled corners of polygons. */
function rightAngleVertices(elements: readonly FigureElement[]): Pt[] {
  const found: Pt[] = [];
  for (const e of elements) {
    const ps = e.points;
    if (e.type === 'angle' && ps.length === 3 && Math.abs(angleAt(ps[1]!, ps[0]!, ps[2]!) - 90) <= RIGHT_ANGLE_TOLERANCE_DEG) found.push(ps[1]!);
    if (e.type === 'polygon' && ps.length >= 3) {
      ps.forEach((v, i) => {
        const prev = ps[(i + ps.length - 1) % ps.length]!;
        const next = ps[(i + 1) % ps.length]!;
        if (Math.abs(angleAt(v, prev, next) - 90) <= RIGHT_ANGLE_TOLERANCE_DEG) found.push(v);
      });
    }
  }
  return found.filter((p, i) => found.findIndex((q) => distance(p, q) <= SAME_POINT_PX) === i);
}

/** Semantic: a role in the figure (the right angle's vertex, a circle's centre, a polygon's extreme vertex), not a label. */
function semantic(elements: readonly FigureElement[], points: readonly Named[]): PerceptionQuestion[] {
  const out: PerceptionQuestion[] = [];
  const right = rightAngleVertices(elements);
  if (right.length === 1) {
    const name = nameAt(points, right[0]!);
    out.push({ level: 'semantic', type: 'right-angle-vertex', question: `Where is the vertex of the right angle in the figure? ${ANSWER_FORMAT}`, answer: pixel(right[0]!), targets: name ? [name] : [] });
  }
  const circles = elements.filter((e) => e.type === 'circle' && e.points[0]);
  circles.forEach((c) => {
    const centre = c.points[0]!;
    const label = c.name ? `circle ${c.name}` : circles.length === 1 ? 'the circle' : null;
    if (!label) return;
    const name = nameAt(points, centre);
    out.push({ level: 'semantic', type: 'circle-centre', question: `Where is the centre of ${label}? ${ANSWER_FORMAT}`, answer: pixel(centre), targets: [c.name ?? 'circle', ...(name ? [name] : [])] });
  });
  const polygons = elements.filter((e) => e.type === 'polygon' && e.points.length >= 3);
  for (const poly of polygons) {
    const shape = poly.points.length === 3 ? 'triangle' : poly.points.length === 4 ? 'quadrilateral' : 'polygon';
    const label = poly.name ? `${shape} ${poly.name}` : polygons.length === 1 ? `the ${shape}` : null;
    if (!label) continue;
    for (const side of EXTREMES) {
      const v = extremeVertex(poly.points, side.key);
      if (!v) continue;
      const name = nameAt(points, v);
      out.push({ level: 'semantic', type: `${side.word}-vertex`, question: `Where is the ${side.word} vertex of ${label}? ${ANSWER_FORMAT}`, answer: pixel(v), targets: name ? [name] : [] });
    }
  }
  return out;
}

const EXTREMES = [
  { word: 'highest', key: (p: Pt) => -p.y },
  { word: 'lowest', key: (p: Pt) => p.y },
  { word: 'leftmost', key: (p: Pt) => -p.x },
  { word: 'rightmost', key: (p: Pt) => p.x },
] as const;
/** A vertex counts as the extreme one only when it beats the runner-up clearly (no ties to guess between). */
const EXTREME_MARGIN_PX = 4;

function extremeVertex(ps: readonly Pt[], key: (p: Pt) => number): Pt | null {
  const sorted = [...ps].sort((a, b) => key(b) - key(a));
  return sorted.length >= 2 && key(sorted[0]!) - key(sorted[1]!) >= EXTREME_MARGIN_PX ? sorted[0]! : null;
}

interface NamedSegment {
  a: Named;
  b: Named;
}

function namedSegments(elements: readonly FigureElement[], points: readonly Named[]): NamedSegment[] {
  const segs: NamedSegment[] = [];
  const add = (p: Pt, q: Pt) => {
    const a = nameAt(points, p);
    const b = nameAt(points, q);
    if (a && b && a !== b) segs.push({ a: points.find((n) => n.name === a)!, b: points.find((n) => n.name === b)! });
  };
  for (const e of elements) {
    if (e.type === 'segment' && e.points.length === 2) add(e.points[0]!, e.points[1]!);
    if (e.type === 'polygon' && e.points.length >= 3) e.points.forEach((p, i) => add(p, e.points[(i + 1) % e.points.length]!));
  }
  return uniqueBy(segs, (s) => [s.a.name, s.b.name].sort().join('|'));
}

/** Integrated: a point that is not drawn but computed from drawn ones. */
function integrated(elements: readonly FigureElement[], points: readonly Named[]): PerceptionQuestion[] {
  const out: PerceptionQuestion[] = [];
  const segs = namedSegments(elements, points);
  for (const s of segs) {
    const m = midpoint(s.a.at, s.b.at);
    if (nameAt(points, m)) continue;
    out.push({ level: 'integrated', type: 'midpoint', question: `Where is the midpoint of segment ${s.a.name}${s.b.name}? ${ANSWER_FORMAT}`, answer: pixel(m), targets: [s.a.name, s.b.name] });
  }
  for (const s of segs) {
    for (const p of points) {
      if (p.name === s.a.name || p.name === s.b.name || distanceToLine(p.at, s.a.at, s.b.at) < 4) continue;
      const foot = perpendicularFoot(p.at, s.a.at, s.b.at);
      if (!foot || nameAt(points, foot)) continue;
      out.push({
        level: 'integrated',
        type: 'perpendicular-foot',
        question: `Where is the foot of the perpendicular from ${p.name} to line ${s.a.name}${s.b.name}? ${ANSWER_FORMAT}`,
        answer: pixel(foot),
        targets: [p.name, s.a.name, s.b.name],
      });
    }
  }
  const triangles = elements.filter((e) => e.type === 'polygon' && e.points.length === 3);
  for (const e of triangles) {
    const names = e.points.map((p) => nameAt(points, p));
    const label = names.every((n) => n) ? `triangle ${names.join('')}` : triangles.length === 1 ? 'the triangle' : null;
    if (!label) continue;
    out.push({ level: 'integrated', type: 'centroid', question: `Where is the centroid of ${label}? ${ANSWER_FORMAT}`, answer: pixel(centroid(e.points)), targets: names.filter((n): n is string => !!n) });
  }
  segs.forEach((s, i) => {
    for (const t of segs.slice(i + 1)) {
      const x = segmentIntersection(s.a.at, s.b.at, t.a.at, t.b.at);
      if (!x || nameAt(points, x)) continue;
      out.push({
        level: 'integrated',
        type: 'intersection',
        question: `Where do segments ${s.a.name}${s.b.name} and ${t.a.name}${t.b.name} cross? ${ANSWER_FORMAT}`,
        answer: pixel(x),
        targets: [s.a.name, s.b.name, t.a.name, t.b.name],
      });
    }
  });
  return out;
}

/** A deterministic shuffle keyed by the figure, so every figure gets a varied but reproducible pick. */
function shuffled<T>(items: readonly T[], key: string): T[] {
  return items
    .map((item, i) => ({ item, k: unitOf(`${key}/${i}`) }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.item);
}

/**
 * Point-level perception questions for one figure (V-Perception style), from the elements the figure
 * code registered: surface (where a labelled point is), semantic (the vertex of the right angle,
 * a circle's centre) and integrated (midpoints, perpendicular feet, centroids, crossings computed from
 * element coordinates). Answers are pixel coordinates inside the image. Up to `perFigure` questions,
 * taken from the three levels in turn so each level is represented when the figure allows it.
 */
export function perceptionQuestions(
  elements: readonly FigureElement[],
  size: { width: number; height: number },
  key: string,
  perFigure = QUESTIONS_PER_FIGURE,
): PerceptionQuestion[] {
  const points = namedPoints(elements);
  const inside = (q: PerceptionQuestion) => q.answer[0] >= 0 && q.answer[1] >= 0 && q.answer[0] < size.width && q.answer[1] < size.height;
  const pools = [surface(points), semantic(elements, points), integrated(elements, points)].map((pool, i) =>
    shuffled(uniqueBy(pool.filter(inside), (q) => q.question), `${key}/${i}`),
  );
  const picked: PerceptionQuestion[] = [];
  while (picked.length < perFigure && pools.some((p) => p.length)) {
    for (const pool of pools) {
      const q = pool.shift();
      if (q && picked.length < perFigure) picked.push(q);
    }
  }
  return picked;
}
