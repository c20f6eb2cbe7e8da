import type { Blueprint } from '../../blueprint.js';
import { chordDistance } from './chord-distance.js';
import { compositeArea } from './composite-area.js';
import { coordinateDistance } from './coordinate-distance.js';
import { cubeNetOpposite } from './cube-net-opposite.js';
import { cuboidDiagonal } from './cuboid-diagonal.js';
import { cuboidSurfacePath } from './cuboid-surface-path.js';
import { exteriorAngle } from './exterior-angle.js';
import { gridTriangleArea } from './grid-triangle-area.js';
import { inscribedAngleRadii } from './inscribed-angle-radii.js';
import { isoscelesSymmetryAxis } from './isosceles-symmetry-axis.js';
import { mirrorClock } from './mirror-clock.js';
import { parallelBentAngle } from './parallel-bent-angle.js';
import { polygonAngleSum } from './polygon-angle-sum.js';
import { reflectPointCoordinates } from './reflect-point-coordinates.js';
import { rhombusDiagonals } from './rhombus-diagonals.js';
import { rightTriangleAltitude } from './right-triangle-altitude.js';
import { rotatedFigureReadback } from './rotated-figure-readback.js';
import { shortestPathReflection } from './shortest-path-reflection.js';
import { symmetricFigureCompletion } from './symmetric-figure-completion.js';
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
  compositeArea,
  cuboidDiagonal,
  cuboidSurfacePath,
  cubeNetOpposite,
  coordinateDistance,
  gridTriangleArea,
  reflectPointCoordinates,
  shortestPathReflection,
  symmetricFigureCompletion,
  rotatedFigureReadback,
  mirrorClock,
];
