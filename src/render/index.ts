export { launchRenderPool } from './pool.js';
export { changedPixels, decodePng, dHash, hammingDistance, inkStats, isNearUniform, type ImageInput, type RgbaImage } from './metrics.js';
export type { BBox, FigureJob, ImageStats, InteractionJob, PoolHealth, RenderError, RenderErrorType, RenderPool, StepResult } from './types.js';
export type { RenderSettings } from '../config/sections/render.js';
