/**
 * Helpers that turn a schedule's breakpoints into the integer critical steps `Schedule.criticalSteps` returns.
 * A breakpoint b is a real position where the curve stops being monotone: a jump (the first step with the new
 * value is b) or a smooth extremum at b. Around each the integers floor(b)-1, floor(b) and ceil(b) are listed,
 * which covers both cases.
 */

/** Critical steps in [start, end) from breakpoints (any order, any count). At most `limit` returned. */
export function stepsAroundBreakpoints(breakpoints: Iterable<number>, start: number, end: number, limit: number): number[] {
  const steps = new Set<number>();
  for (const b of breakpoints) {
    if (!Number.isFinite(b)) continue;
    for (const s of [Math.floor(b) - 1, Math.floor(b), Math.ceil(b)]) if (s >= start && s < end) steps.add(s);
  }
  return [...steps].sort((x, y) => x - y).slice(0, limit);
}

/**
 * Critical steps of a curve with breakpoints at `offset + k * period` (k integer, >= 0), generated lazily so a
 * 10^9-step run costs only what lies in [start, end).
 */
export function periodicBreakpointSteps(offset: number, period: number, start: number, end: number, limit: number): number[] {
  if (!(period > 0)) return stepsAroundBreakpoints([offset], start, end, limit);
  const first = Math.max(0, Math.floor((start - 1 - offset) / period));
  const breakpoints: number[] = [];
  for (let k = first; offset + k * period < end + 1 && breakpoints.length < limit + 2; k++) breakpoints.push(offset + k * period);
  return stepsAroundBreakpoints(breakpoints, start, end, limit);
}

/** Merges several critical-step lists (sorted, unique, at most `limit`). */
export function mergeSteps(lists: readonly number[][], limit: number): number[] {
  return [...new Set(lists.flat())].sort((x, y) => x - y).slice(0, limit);
}
