import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { declarePoints, exportNames, lines, pointCall } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { dist, polar, shoelace, vec } from './lib/vec.js';

type Params = AnswerStyle & {
  r: number;
  /** OP, the distance from the centre to the outside point. */
  d: number;
  /** Direction of OP in degrees. */
  phi: number;
  ext: ExpansionMode[];
};

const EASY: [number, number][] = [[3, 5], [6, 10], [5, 13], [9, 15]];
const MEDIUM: [number, number][] = [[8, 17], [12, 20], [7, 25], [20, 29], [12, 15], [10, 26]];

function model(p: Params) {
  const O = vec(0, 0);
  const P = polar(O, p.phi, p.d);
  const half = (Math.acos(p.r / p.d) * 180) / Math.PI;
  return { O, P, T: polar(O, p.phi + half, p.r), S: polar(O, p.phi - half, p.r), R: polar(O, p.phi + 180 - 50, p.r) };
}

export const tangentRadius = defineBlueprint<Params>({
  id: 'tangent-radius',
  title: 'Tangent length through the radius to the point of tangency',
  domain: 'Plane Geometry',
  knowledge: [
    ['Plane Geometry', 'Circles', 'Tangents', 'Tangent perpendicular to radius'],
    ['Plane Geometry', 'Circles', 'Tangents', 'Tangent length from an external point'],
    ['Plane Geometry', 'Circles', 'Tangents', 'Equal tangent segments'],
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Pythagorean theorem'],
  ],
  related: [
    ['Plane Geometry', 'Circles', 'Tangents', 'Tangent length from an external point', 'Right triangle on the radius and the tangent'],
    ['Plane Geometry', 'Circles', 'Tangents', 'Equal tangent segments', 'Area of the tangent kite'],
    ['Plane Geometry', 'Circles', 'Tangents', 'Equal tangent segments', 'Chord of contact length'],
  ],
  tools: ['draw radius', 'mark right angle', 'construct tangent line', 'connect points'],
  newTools: ['join centre to point of tangency', 'draw chord of contact'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    let rd: [number, number];
    if (difficulty === 'easy') rd = rng.pick(EASY);
    else if (difficulty === 'medium') rd = rng.pick(MEDIUM);
    else {
      const r = rng.int(3, 9);
      rd = [r, rng.int(r + 3, Math.floor(2.6 * r))];
    }
    return { r: rd[0], d: rd[1], phi: rng.int(-20, 20) + (rng.chance(0.5) ? 180 : 0), mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9), ext: [] };
  },

  build(p) {
    const m = model(p);
    const f = fitFrame([vec(-p.r, -p.r), vec(p.r, p.r), m.P], { x: 60, y: 60, w: 392, h: 392 });
    const O = f.toPx(m.O);
    const rPx = p.r * f.scale;
    const pts = { P: f.toPx(m.P), T: f.toPx(m.T), R: f.toPx(m.R) };
    const figureCode = lines(
      `const O = ${pointCall('O', O, vec(16 * Math.cos(((p.phi + 205) * Math.PI) / 180), -16 * Math.sin(((p.phi + 205) * Math.PI) / 180)))};`,
      declarePoints(pts, O),
      `vt.circle(O, ${rPx.toFixed(1)});`,
      'vt.segment(P, T);',
      'vt.segment(O, P);',
      `vt.measure(O, P, '${p.d} cm');`,
      'vt.segment(O, R);',
      `vt.measure(O, R, '${p.r} cm');`,
      `vt.export({ O, P, T, r: ${rPx.toFixed(1)} });`,
    );
    const S = f.toPx(m.S);
    const radius = {
      description: 'Draw the radius OT to the point of tangency and mark the right angle at T',
      code: lines('// radius to the point of tangency', 'const { O, P, T } = state;', 'vt.connect(O, T);', 'vt.rightAngle(O, T, P);'),
    };
    const second = {
      description: 'Draw the second tangent from P, touching the circle at S, and the radius OS',
      code: lines(
        '// both tangents from P; the new one touches at S',
        'const { O, P, r } = state;',
        'vt.tangent(P, O, r);',
        `const S = ${pointCall('S', S, { x: ((S.x - O.x) / rPx) * 16, y: ((S.y - O.y) / rPx) * 16 })};`,
        'vt.connect(O, S);',
        'vt.rightAngle(O, S, P);',
        exportNames(['S']),
      ),
    };
    const chord = {
      description: 'Draw the chord of contact TS, which crosses OP at right angles at H',
      code: lines('// chord of contact', 'const { O, P, T, S } = state;', 'vt.connect(T, S);', "const H = vt.geo.intersect(T, S, O, P);", "vt.point(H.x, H.y, 'H', { labelOffset: { dx: 6, dy: -10 } });"),
    };
    const pt = dist(m.P, m.T);
    const intro = `In the figure, PT touches the circle with centre O at T. The radius is ${p.r} cm and OP = ${p.d} cm.`;
    const steps = [
      `The radius OT is perpendicular to the tangent at the point of tangency, so triangle OTP has a right angle at T.`,
      `By Pythagoras PT = √(OP² − OT²) = √(${p.d}² − ${p.r}²) = ${value(pt)} cm.`,
    ];
    const interactions = [radius];
    let question: string;
    let result: number;
    let unitText = ' cm';
    if (p.ext.length === 0) {
      question = `${intro} What is the length of PT (in cm)?`;
      result = pt;
    } else {
      interactions.push(second);
      const kite = shoelace([m.O, m.T, m.P, m.S]);
      steps.push(`The second tangent PS has the same length and OS ⊥ PS, so OTPS is made of two congruent right triangles, each of area ${p.r}·${value(pt)}/2; together ${value(kite)} cm².`);
      if (p.ext.length === 1) {
        question = `${intro} The other tangent from P touches the circle at S. What is the area of quadrilateral OTPS (in cm²)?`;
        result = kite;
        unitText = ' cm²';
      } else {
        interactions.push(chord);
        result = dist(m.T, m.S);
        steps.push(`The chord TS is perpendicular to OP and is bisected by it; the kite's area is also OP·TS/2, so TS = 2·${value(kite)}/${p.d} = ${value(result)} cm.`);
        question = `${intro} The other tangent from P touches the circle at S. What is the length of the chord TS (in cm)?`;
      }
    }
    const correct = `${value(result)}${unitText}`;
    const wrong = [...numericDistractors(Number(value(result)), { unit: unitText }), `${value(p.d - p.r)}${unitText}`, `${value(Math.hypot(p.d, p.r))}${unitText}`];
    const block = answerBlock(p, correct, wrong);
    const depth = p.ext.length;
    return {
      knowledge: [
        ['Plane Geometry', 'Circles', 'Tangents', 'Tangent perpendicular to radius'],
        ['Plane Geometry', 'Circles', 'Tangents', 'Tangent length from an external point'],
        ['Plane Geometry', 'Triangles', 'Right Triangles', 'Pythagorean theorem'],
        ...(depth > 0 ? [['Plane Geometry', 'Circles', 'Tangents', 'Equal tangent segments']] : []),
        depth === 0
          ? ['Plane Geometry', 'Circles', 'Tangents', 'Tangent length from an external point', 'Right triangle on the radius and the tangent']
          : ['Plane Geometry', 'Circles', 'Tangents', 'Equal tangent segments', depth === 1 ? 'Area of the tangent kite' : 'Chord of contact length'],
      ],
      tools: ['draw radius', 'mark right angle', 'join centre to point of tangency', ...(depth > 0 ? ['construct tangent line'] : []), ...(depth > 1 ? ['connect points', 'draw chord of contact'] : [])],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    const pt = Math.sqrt(p.d * p.d - p.r * p.r);
    if (p.ext.length === 0) return value(pt);
    if (p.ext.length === 1) return value(p.r * pt);
    return value((2 * p.r * pt) / p.d);
  },

  expand(p, mode) {
    return mode === 'sequential' && p.ext.length < 2 ? { ...p, ext: [...p.ext, mode] } : null;
  },
});
