import type { Span } from '../parse/textSpan';
import type { CurvePoint } from '../schedules/schedule';
import type { ConfigAnalysis } from './analyzeConfig';
import { curveOfPlan } from './curve';

/** One inline summary of a training plan, placed above the key that decides the curve. */
export interface CurveLens {
  /** The scheduler key, or the LR key when the file names no scheduler. */
  span: Span;
  documentIndex: number;
  /** "▁▃█▇▅▃▂▁  cosine · peak 5e-6 · warmup 30 steps · ends at 0 · 1000 steps" */
  title: string;
}

export interface CodeLensOptions {
  /** Prefix the summary with a Unicode sparkline of the curve (setting `lrLens.sparkline`). */
  sparkline?: boolean;
  /** Sparkline width in characters. */
  sparklineWidth?: number;
}

/** The eight bar heights, lowest first; each is one UTF-16 code unit, so `charAt(level)` picks one. */
const BARS = '▁▂▃▄▅▆▇█';

/** The LR at `step`, read off a sampled curve by linear interpolation between its neighbors; an empty curve has none (0). */
function lrAt(points: readonly CurvePoint[], step: number): number {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 0;
  if (step <= first.step) return first.lr;
  if (step >= last.step) return last.lr;
  // Invariant: a = points[low] and b = points[high] bracket the step (a.step <= step < b.step).
  let low = 0;
  let high = points.length - 1;
  let a = first;
  let b = last;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    const point = points[mid];
    if (!point) break; // low < mid < high, so never; a and b still bracket the step
    if (point.step <= step) {
      low = mid;
      a = point;
    } else {
      high = mid;
      b = point;
    }
  }
  return b.step === a.step ? b.lr : a.lr + ((b.lr - a.lr) * (step - a.step)) / (b.step - a.step);
}

/**
 * A sparkline of a curve, `width` bars over the whole horizon, scaled so the peak is a full bar and 0 the lowest.
 * Each bar shows the curve's maximum over its slice, so short spikes (restarts, warmup peaks) stay visible.
 * An empty curve draws nothing.
 */
export function sparkline(points: readonly CurvePoint[], width = 16): string {
  const firstPoint = points[0];
  const lastPoint = points.at(-1);
  if (!firstPoint || !lastPoint || width < 1) return '';
  const first = firstPoint.step;
  const last = lastPoint.step;
  const peak = points.reduce((max, p) => Math.max(max, p.lr), 0);
  if (!(peak > 0)) return BARS.charAt(0).repeat(width);
  const bars: string[] = [];
  for (let i = 0; i < width; i++) {
    const from = first + ((last - first) * i) / width;
    const to = first + ((last - first) * (i + 1)) / width;
    let value = Math.max(lrAt(points, from), lrAt(points, to));
    for (const p of points) if (p.step > from && p.step < to) value = Math.max(value, p.lr);
    const level = Math.min(BARS.length - 1, Math.max(0, Math.round((value / peak) * (BARS.length - 1))));
    bars.push(BARS.charAt(level));
  }
  return bars.join('');
}

/** One lens per recognized document that has a drawable plan. */
export function codeLensesOf(analysis: ConfigAnalysis, options: CodeLensOptions = {}): CurveLens[] {
  const lenses: CurveLens[] = [];
  for (const document of analysis.documents) {
    const plan = document.plan;
    if (!plan) continue;
    const anchor = plan.sources['schedule'] ?? plan.sources['baseLr'];
    if (!anchor) continue;
    const curve = curveOfPlan(plan, { points: 200 });
    if (!curve) continue;
    const line = options.sparkline === false ? '' : `${sparkline(curve.points, options.sparklineWidth)}  `;
    lenses.push({ span: anchor.key, documentIndex: document.documentIndex, title: lensTitle(`LR ${line}${curve.summary.text}`) });
  }
  return lenses;
}

/** Longest lens title: a lens is one line above a key. */
const MAX_TITLE_LENGTH = 200;

/** One line of plain text: control characters (line breaks, escape sequences) become spaces, and long titles are cut. */
function lensTitle(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return line.length > MAX_TITLE_LENGTH ? `${line.slice(0, MAX_TITLE_LENGTH - 1)}…` : line;
}
