/**
 * LR Lens's own LSP requests, shared by the server and the client (rust-analyzer's lsp_ext pattern).
 * Types only: no runtime dependency on either side's libraries.
 */
import type { CurveResult } from '../analysis/curve';

export const CURVE_REQUEST = 'lrLens/curve';

export interface CurveParams {
  /** The document's URI, as in textDocument/* requests. */
  uri: string;
  /** About how many points to sample (default 200); peaks and markers always survive. */
  points?: number;
  /** Every scheduler step instead of a sample. */
  everyStep?: boolean;
}

/** The curve and the plan in words; `curve` is null when the document is not a training config LR Lens can draw. */
export interface CurveResponse {
  uri: string;
  version: number;
  /** The recognised dialect, or null. */
  dialect: string | null;
  curve: Omit<CurveResult, 'plan'> | null;
  /** The plan in words, one line per fact. */
  description: string[];
}
