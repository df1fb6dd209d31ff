import type { CurveResult } from './curve';

/** Longest line of a description: a value quoted in an assumption cannot make the curve view's list unreadable. */
const MAX_LINE_LENGTH = 300;

const capped = (line: string) => (line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH - 1)}…` : line);

/** The plan behind a curve in words, one plain-text line per fact (the curve view lists them). */
export function describeCurve(curve: CurveResult, notes: readonly string[] = []): string[] {
  return [
    `${curve.dialectName}: ${curve.summary.text}`,
    `Length: ${curve.plan.length.basis}`,
    ...curve.plan.assumptions.map((a) => `Assumed: ${a}`),
    ...notes,
  ].map(capped);
}
