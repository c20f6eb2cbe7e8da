import type { Blueprint } from '../../blueprint.js';
import { barChartReferenceLine } from './bar-chart-reference-line.js';
import { countGridShapes } from './count-grid-shapes.js';
import { countTrianglesFan } from './count-triangles-fan.js';
import { functionValueReferenceLines } from './function-value-reference-lines.js';
import { gridShortestPaths } from './grid-shortest-paths.js';
import { lineChartReferenceLine } from './line-chart-reference-line.js';
import { lineParabolaIntersection } from './line-parabola-intersection.js';
import { pieChartCentralAngle } from './pie-chart-central-angle.js';

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
];
