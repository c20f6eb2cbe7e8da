import type { Blueprint } from '../../blueprint.js';
import { chordDistance } from './chord-distance.js';
import { exteriorAngle } from './exterior-angle.js';
import { inscribedAngleRadii } from './inscribed-angle-radii.js';
import { isoscelesSymmetryAxis } from './isosceles-symmetry-axis.js';
import { parallelBentAngle } from './parallel-bent-angle.js';
import { polygonAngleSum } from './polygon-angle-sum.js';
import { rhombusDiagonals } from './rhombus-diagonals.js';
import { rightTriangleAltitude } from './right-triangle-altitude.js';
import { tangentRadius } from './tangent-radius.js';
import { trapezoidMidline } from './trapezoid-midline.js';

/** Blueprints over plane, solid and analytic geometry and transformations. */
export const geometryBlueprints: Blueprint[] = [
  parallelBentAngle,
  rightTriangleAltitude,
  inscribedAngleRadii,
  tangentRadius,
  chordDistance,
  rhombusDiagonals,
  trapezoidMidline,
  isoscelesSymmetryAxis,
  exteriorAngle,
  polygonAngleSum,
];
