/**
 * Helpers that turn a schedule's breakpoints into the integer critical steps `Schedule.criticalSteps` returns.
 * A breakpoint b is a real position where the curve stops being monotone: a jump (the first step with the new
 * value is b) or a smooth extremum at b. Around each the integers floor(b)-1, floor(b) and ceil(b) are listed,
 * which covers both cases.
 */

/**
 * Critical steps in [start, end) from breakpoints sorted ascending (NaN-free), at most `limit`. The candidate ranges
 * [floor(b)-1, ceil(b)] of ascending breakpoints have ascending ends, so keeping only values above the last one
 * kept yields a sorted, duplicate-free list without a set or a sort.
 */
export function stepsAroundSorted(breakpoints: readonly number[], start: number, end: number, limit: number): number[] {
  const steps: number[] = [];
  let last = -Infinity;
  // skip (binary search) the breakpoints whose candidate range [floor(b)-1, ceil(b)] ends before `start`
  let lo = 0;
  let hi = breakpoints.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const b = breakpoints[mid];
    if (b !== undefined && Math.ceil(b) < start) lo = mid + 1;
    else hi = mid;
  }
  for (let index = lo; index < breakpoints.length; index++) {
    const b = breakpoints[index];
    if (b === undefined || Math.floor(b) - 1 >= end) break;
    if (!Number.isFinite(b)) continue;
    const low = Math.floor(b) - 1;
    const high = Math.ceil(b);
    for (let s = Math.max(low, start, last + 1); s <= high && s < end; s++) {
      steps.push(s);
      last = s;
      if (steps.length >= limit) return steps;
    }
  }
  return steps;
}

/** Critical steps in [start, end) from breakpoints (any order). At most `limit` returned. */
export function stepsAroundBreakpoints(breakpoints: readonly number[], start: number, end: number, limit: number): number[] {
  return stepsAroundSorted(
    [...breakpoints].sort((x, y) => x - y),
    start,
    end,
    limit,
  );
}

/**
 * Critical steps of a curve with breakpoints at `offset + k * period` (k integer, >= 0), generated lazily so a
 * 10^9-step run costs only what lies in [start, end).
 */
export function periodicBreakpointSteps(offset: number, period: number, start: number, end: number, limit: number): number[] {
  if (!(period > 0)) return stepsAroundSorted([offset], start, end, limit);
  const breakpoints: number[] = [];
  for (
    let k = Math.max(0, Math.floor((start - 1 - offset) / period));
    offset + k * period < end + 1 && breakpoints.length < limit + 2;
    k++
  ) {
    breakpoints.push(offset + k * period);
  }
  return stepsAroundSorted(breakpoints, start, end, limit);
}

/** Merges sorted, duplicate-free step lists into one (sorted, duplicate-free, at most `limit`). */
export function mergeSteps(lists: readonly number[][], limit: number): number[] {
  const [only] = lists;
  if (only && lists.length === 1) return only.slice(0, limit);
  // Many lists (a ChainedScheduler of 2,000 children): one sort instead of a scan of every list per step taken.
  if (lists.length > 8) return sortedUnique(lists.flat(), limit);
  const merged: number[] = [];
  /** Each list with the index of its first step not taken yet. */
  const cursors = lists.map((list) => ({ list, index: 0 }));
  let last = -Infinity;
  while (merged.length < limit) {
    let best: { list: readonly number[]; index: number } | undefined;
    let bestValue = Infinity;
    for (const cursor of cursors) {
      const value = cursor.list[cursor.index];
      if (value !== undefined && value < bestValue) {
        bestValue = value;
        best = cursor;
      }
    }
    if (!best) break;
    best.index += 1;
    if (bestValue > last) {
      merged.push(bestValue);
      last = bestValue;
    }
  }
  return merged;
}

function sortedUnique(steps: number[], limit: number): number[] {
  steps.sort((a, b) => a - b);
  const out: number[] = [];
  for (const step of steps) {
    if (out.length >= limit) break;
    if (step > (out.at(-1) ?? -Infinity)) out.push(step);
  }
  return out;
}
