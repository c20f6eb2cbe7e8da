import { defineBlueprint, type ExpansionMode } from '../../blueprint.js';
import { numericDistractors } from '../../format.js';
import { answerBlock, solutionText, value, type AnswerStyle } from './lib/answer.js';
import { declarePoints, exportNames, lines } from './lib/code.js';
import { fitFrame } from './lib/frame.js';
import { centroid, dist, foot, mid, vec } from './lib/vec.js';

type Turn = 'rotate90' | 'rotate180' | 'rotate270' | 'flipH' | 'flipV';

type Params = AnswerStyle & {
  /** Legs BC = a and AC = b (cm). */
  a: number;
  b: number;
  ask: 'hypotenuse' | 'perimeter';
  turn: Turn;
  ext: ExpansionMode[];
};

const TRIANGLES: Record<string, [number, number][]> = {
  easy: [[6, 8], [8, 6], [9, 12], [12, 9]],
  medium: [[6, 8], [9, 12], [12, 16], [5, 12], [8, 15], [16, 12], [15, 8], [12, 5]],
};

/** Code that applies the transformation, and code that undoes it. */
const TURNS: Record<Turn, [string, string]> = {
  rotate90: ['vt.rotate(90);', 'vt.rotate(270);'],
  rotate180: ['vt.rotate(180);', 'vt.rotate(180);'],
  rotate270: ['vt.rotate(270);', 'vt.rotate(90);'],
  flipH: ["vt.flip('horizontal');", "vt.flip('horizontal');"],
  flipV: ["vt.flip('vertical');", "vt.flip('vertical');"],
};

function model(p: Params) {
  const C = vec(0, 0);
  return { C, B: vec(p.a, 0), A: vec(0, p.b) };
}

export const rotatedFigureReadback = defineBlueprint<Params>({
  id: 'rotated-figure-readback',
  title: 'A turned or mirrored scan of a labelled right triangle, read after turning it back',
  domain: 'Transformations and Symmetry',
  knowledge: [
    ['Transformations and Symmetry', 'Isometries', 'Rotations', 'Identifying a rotated figure'],
    ['Transformations and Symmetry', 'Symmetry', 'Image Orientation', 'Mirror-flipped images'],
  ],
  related: [
    ['Transformations and Symmetry', 'Isometries', 'Rotations', 'Identifying a rotated figure', 'Reading labels of a rotated diagram'],
    ['Transformations and Symmetry', 'Symmetry', 'Image Orientation', 'Mirror-flipped images', 'Reading labels of a mirrored diagram'],
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Altitude to the hypotenuse', 'Altitude after restoring the orientation'],
    ['Plane Geometry', 'Triangles', 'Right Triangles', 'Median to the hypotenuse', 'Distance between altitude foot and midpoint'],
  ],
  tools: ['rotate image', 'flip image', 'construct perpendicular line', 'connect points', 'mark point'],
  newTools: ['restore image orientation'],
  expansions: ['sequential'],

  params(rng, difficulty) {
    let [a, b] = difficulty === 'hard' ? [0, 0] : rng.pick(TRIANGLES[difficulty]!);
    while (Math.abs(a - b) < 2 || Math.max(a, b) > 2.4 * Math.min(a, b)) [a, b] = [rng.int(5, 14), rng.int(5, 14)];
    const turn: Turn = difficulty === 'easy' ? 'rotate180' : rng.pick(['rotate90', 'rotate180', 'rotate270', 'flipH', 'flipV']);
    return { a, b, ask: difficulty === 'easy' ? 'hypotenuse' : rng.pick(['hypotenuse', 'perimeter']), turn, mc: rng.chance(0.5), choiceSeed: rng.int(0, 1e9), ext: [] };
  },

  build(p) {
    const m = model(p);
    const f = fitFrame([m.A, m.B, m.C], { x: 110, y: 70, w: 300, h: 320 });
    const pts = { A: f.toPx(m.A), B: f.toPx(m.B), C: f.toPx(m.C) };
    const [apply, undo] = TURNS[p.turn];
    const figureCode = lines(
      declarePoints(pts, centroid(Object.values(pts))),
      'vt.polygon([A, B, C]);',
      'vt.rightAngle(A, C, B);',
      `vt.measure(C, B, '${p.a} cm', { size: 20 });`,
      `vt.measure(A, C, '${p.b} cm', { size: 20 });`,
      `vt.text(256, 470, 'Fig. 6  Right triangle ABC', { align: 'center', size: 18 });`,
      exportNames(['A', 'B', 'C']),
      `// the scan was turned: ${p.turn}`,
      apply,
    );
    const isFlip = p.turn.startsWith('flip');
    const upright = {
      description: isFlip ? 'Flip the image back so that the labels read normally, then mark the right angle' : 'Rotate the image back upright so that the labels read normally, then mark the right angle',
      code: lines(`// undo the ${isFlip ? 'mirror' : 'rotation'}`, undo, 'const { A, B, C } = state;', "vt.rightAngle(A, C, B, { color: '#d62728', width: 3 });"),
    };
    const altitude = {
      description: 'Drop the altitude from C to the hypotenuse AB, with foot D',
      code: lines('// altitude on the upright figure', 'const { A, B, C } = state;', 'const D = vt.perpendicular(C, A, B);', "vt.point(D.x, D.y, 'D', { labelOffset: { dx: 10, dy: -6 } });"),
    };
    const median = {
      description: 'Mark the midpoint M of AB and draw the median CM',
      code: lines('// median to the hypotenuse', 'const { A, B, C } = state;', "const M = vt.midpoint(A, B, 'M');", 'vt.connect(C, M);'),
    };
    const c = dist(m.A, m.B);
    const D = foot(m.C, m.A, m.B);
    const undoText = isFlip ? 'Flipping the image back' : 'Rotating the image back upright';
    const steps = [`${undoText} makes the labels readable: BC = ${p.a} cm, AC = ${p.b} cm, and the right angle is at C.`, `By Pythagoras AB = √(${p.a}² + ${p.b}²) = ${value(c)} cm.`];
    const intro = `The figure of right triangle ABC (right angle at C) was scanned in the wrong orientation: it may be turned or mirrored.`;
    const interactions = [upright];
    let question: string;
    let result: number;
    if (p.ext.length === 0 && p.ask === 'hypotenuse') {
      question = `${intro} Using the lengths marked on it, what is the length of AB (in cm)?`;
      result = c;
    } else if (p.ext.length === 0) {
      question = `${intro} Using the lengths marked on it, what is the perimeter of the triangle (in cm)?`;
      result = dist(m.A, m.B) + dist(m.B, m.C) + dist(m.C, m.A);
      steps.push(`Perimeter = ${p.a} + ${p.b} + ${value(c)} = ${value(result)} cm.`);
    } else {
      interactions.push(altitude);
      const cd = dist(m.C, D);
      steps.push(`The altitude CD to the hypotenuse satisfies CD·AB = AC·BC, so CD = ${p.a}·${p.b}/${value(c)} = ${value(cd)} cm.`);
      if (p.ext.length === 1) {
        question = `${intro} Using the lengths marked on it, what is the distance from C to AB (in cm)?`;
        result = cd;
      } else {
        interactions.push(median);
        result = dist(D, mid(m.A, m.B));
        steps.push(`The median CM is half the hypotenuse, CM = ${value(c / 2)} cm, and in right triangle CDM, DM = √(CM² − CD²) = ${value(result)} cm.`);
        question = `${intro} Using the lengths marked on it, let D be the point of AB closest to C and M the midpoint of AB. What is the length of DM (in cm)?`;
      }
    }
    const correct = `${value(result)} cm`;
    const swapped = p.a === 6 || p.b === 6 ? Math.hypot(p.a === 6 ? 9 : p.a, p.b === 6 ? 9 : p.b) : Math.hypot(p.a + 1, p.b);
    const wrong = [...numericDistractors(Number(value(result)), { unit: ' cm' }), `${value(swapped)} cm`, `${value(p.a + p.b)} cm`];
    const block = answerBlock(p, correct, wrong);
    const depth = p.ext.length;
    return {
      knowledge: [
        isFlip
          ? ['Transformations and Symmetry', 'Symmetry', 'Image Orientation', 'Mirror-flipped images']
          : ['Transformations and Symmetry', 'Isometries', 'Rotations', 'Identifying a rotated figure'],
        isFlip
          ? ['Transformations and Symmetry', 'Symmetry', 'Image Orientation', 'Mirror-flipped images', 'Reading labels of a mirrored diagram']
          : ['Transformations and Symmetry', 'Isometries', 'Rotations', 'Identifying a rotated figure', 'Reading labels of a rotated diagram'],
        ...(depth >= 1 ? [['Plane Geometry', 'Triangles', 'Right Triangles', 'Altitude to the hypotenuse', 'Altitude after restoring the orientation']] : []),
        ...(depth >= 2 ? [['Plane Geometry', 'Triangles', 'Right Triangles', 'Median to the hypotenuse', 'Distance between altitude foot and midpoint']] : []),
      ],
      tools: [isFlip ? 'flip image' : 'rotate image', 'restore image orientation', ...(depth >= 1 ? ['construct perpendicular line', 'mark point'] : []), ...(depth >= 2 ? ['connect points'] : [])],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions,
    };
  },

  solve(p) {
    const c = Math.sqrt(p.a * p.a + p.b * p.b);
    if (p.ext.length === 0) return value(p.ask === 'hypotenuse' ? c : p.a + p.b + c);
    const h = (p.a * p.b) / c;
    if (p.ext.length === 1) return value(h);
    return value(Math.abs(c / 2 - (p.b * p.b) / c));
  },

  expand(p, mode) {
    return mode === 'sequential' && p.ext.length < 2 ? { ...p, ext: [...p.ext, mode] } : null;
  },
});

