export { launchRenderPool } from './pool.js';
export type { BBox, FigureJob, ImageStats, InteractionJob, PoolHealth, RenderError, RenderErrorType, RenderPool, StepResult } from './types.js';
export type { RenderSettings } from '../config/sections/render.js';
