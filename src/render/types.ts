import type { FigureElement } from '../schemas/rendered.js';

export interface BBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Pixel statistics the sandbox measures on every image it returns. */
export interface ImageStats {
  /** Share of pixels that are not background (white). */
  inkFraction: number;
  inkBBox: BBox | null;
  /** Interactions only: share of pixels that differ from the input image (1 when the size changed). */
  changedFraction?: number;
  changedBBox?: BBox | null;
}

/** Why a job failed. `crash` means the sandbox itself broke (the job may be retried); the rest are the code's fault. */
export type RenderErrorType = 'timeout' | 'syntax' | 'runtime' | 'blank-output' | 'too-large' | 'forbidden' | 'invalid-output' | 'crash';

export interface RenderError {
  type: RenderErrorType;
  message: string;
  /** 1-based line in the submitted code, when known. */
  line?: number;
}

export type StepResult =
  | {
      ok: true;
      png: Uint8Array;
      width: number;
      height: number;
      stats: ImageStats;
      consoleErrors: string[];
      /** Elements the visual-tool library registered while this code ran. */
      elements: FigureElement[];
      /** The state after this step: the input state plus everything the code exported. */
      state: Record<string, unknown>;
      ms: number;
    }
  | { ok: false; error: RenderError; consoleErrors: string[]; ms: number };

export interface FigureJob {
  code: string;
  width: number;
  height: number;
}

export interface InteractionJob {
  /** PNG bytes of the image the interaction starts from (the figure, or the previous edited image). */
  image: Uint8Array;
  code: string;
  state: Record<string, unknown>;
}

/** A snapshot of the pool for health checks and dashboards. */
export interface PoolHealth {
  browserConnected: boolean;
  /** Pages that exist (idle or busy). */
  pages: number;
  idlePages: number;
  queued: number;
  jobs: number;
  pageRestarts: number;
  browserRestarts: number;
  /** Interactions that started from an image their page still held (no PNG transfer or decode). */
  keptImageHits: number;
  /** Pids of the Chromium processes the pool started that are alive. */
  processes: number[];
}

/** Runs figure and interaction code in locked-down headless Chromium. */
export interface RenderPool {
  renderFigure(job: FigureJob): Promise<StepResult>;
  applyInteraction(job: InteractionJob): Promise<StepResult>;
  health(): Promise<PoolHealth>;
  close(): Promise<void>;
}
