import type { Blueprint } from '../../blueprint.js';
import { barChartReferenceLine } from './bar-chart-reference-line.js';
import { bearingNorthLine } from './bearing-north-line.js';
import { clockHandsAngle } from './clock-hands-angle.js';
import { countGridShapes } from './count-grid-shapes.js';
import { countTrianglesFan } from './count-triangles-fan.js';
import { eulerPathDegrees } from './euler-path-degrees.js';
import { fractionShadedGrid } from './fraction-shaded-grid.js';
import { functionValueReferenceLines } from './function-value-reference-lines.js';
import { gridShortestPaths } from './grid-shortest-paths.js';
import { inclinedPlaneComponents } from './inclined-plane-components.js';
import { lineChartReferenceLine } from './line-chart-reference-line.js';
import { lineParabolaIntersection } from './line-parabola-intersection.js';
import { mapScaleDistance } from './map-scale-distance.js';
import { mazeShortestRoute } from './maze-shortest-route.js';
import { mirrorReflectionNormal } from './mirror-reflection-normal.js';
import { numberLineLocation } from './number-line-location.js';
import { pieChartCentralAngle } from './pie-chart-central-angle.js';
import { rulerReading } from './ruler-reading.js';
import { spinnerProbability } from './spinner-probability.js';
import { vectorAdditionHeadToTail } from './vector-addition-head-to-tail.js';
import { velocityTimeArea } from './velocity-time-area.js';
import { weightedShortestPath } from './weighted-shortest-path.js';

/** Applied-domain blueprints: functions, charts, counting, graphs, physics, maps, measurement, number visuals. */
export const appliedBlueprints: Blueprint[] = [
  lineParabolaIntersection,
  functionValueReferenceLines,
  barChartReferenceLine,
  lineChartReferenceLine,
  pieChartCentralAngle,
  countTrianglesFan,
  countGridShapes,
  gridShortestPaths,
  spinnerProbability,
  weightedShortestPath,
  mazeShortestRoute,
  eulerPathDegrees,
  inclinedPlaneComponents,
  mirrorReflectionNormal,
  velocityTimeArea,
  vectorAdditionHeadToTail,
  bearingNorthLine,
  mapScaleDistance,
  clockHandsAngle,
  rulerReading,
  numberLineLocation,
  fractionShadedGrid,
];
