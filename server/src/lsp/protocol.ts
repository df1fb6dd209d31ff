/**
 * LR Lens's own LSP requests, shared by the server and the client (rust-analyzer's lsp_ext pattern).
 * Types only: no runtime dependency on either side's libraries.
 */
import type { CurveResult } from '../analysis/curve';
import type { CurvePoint } from '../schedules/schedule';

export const CURVE_REQUEST = 'lrLens/curve';

export interface CurveParams {
  /** The document's URI, as in textDocument/* requests. */
  uri: string;
  /** About how many points to sample (default 200); peaks and markers always survive. */
  points?: number;
  /**
   * Every scheduler step instead of a sample, for runs of at most EVERY_STEP_REPLY_LIMIT steps; a longer run is
   * sampled to that many points (peaks kept), and the reply says so in `everyStepCapped`. Never cached.
   */
  everyStep?: boolean;
}

/** The most points an every-step reply holds (about 9 MB of JSON). */
export const EVERY_STEP_REPLY_LIMIT = 200_000;
/** The most points a sampled reply holds. */
export const MAX_CURVE_POINTS = 100_000;
/** The most points of each fix preview's curve. */
export const MAX_PREVIEW_POINTS = 10_000;

/** The curve and the plan in words; `curve` is null when the document is not a training config LR Lens can draw. */
export interface CurveResponse {
  uri: string;
  version: number;
  /** The recognized dialect, or null. */
  dialect: string | null;
  curve: Omit<CurveResult, 'plan'> | null;
  /** The plan in words, one line per fact. */
  description: string[];
  /** Set when `everyStep` was asked for a run longer than the reply may hold: the curve is sampled to `limit` points. */
  everyStepCapped?: { limit: number; totalSteps: number };
}

export const FIX_PREVIEWS_REQUEST = 'lrLens/fixPreviews';

export interface FixPreviewsParams {
  uri: string;
  /** The cursor; the fixes of the findings there are previewed. */
  position: { line: number; character: number };
  /** About how many points per curve (default 200). */
  points?: number;
}

/** One quick fix's curve: what the run would follow once the fix is applied. */
export interface FixPreview {
  title: string;
  points: CurvePoint[];
}

export interface FixPreviewsResponse {
  uri: string;
  version: number;
  previews: FixPreview[];
}
