import type { CurvePoint, Schedule } from './schedule';

/**
 * Up to this many steps a schedule without `criticalSteps` is sampled by evaluating every step (exact); past it
 * each bucket is probed at PROBES_PER_BUCKET evenly spaced steps (approximate, see `sampleCurve`).
 */
export const EXHAUSTIVE_LIMIT = 2_000_000;
const PROBES_PER_BUCKET = 64;
/** Critical steps asked of a schedule per bucket (see `Schedule.criticalSteps`). */
const CRITICAL_PER_BUCKET = 24;
/** Points each bucket contributes at most: its first, last, min and max step. */
export const POINTS_PER_BUCKET = 4;

/** The LR in effect at every scheduler step t = 0..T-1. */
export function everyStep(schedule: Schedule): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (let t = 0; t < schedule.totalSteps; t++) points.push({ step: t, lr: schedule.lrAt(t) });
  return points;
}

/** The LR at every scheduler step t = 0..T-1 as a typed array (no per-point objects). */
export function everyStepValues(schedule: Schedule): Float64Array {
  const values = new Float64Array(schedule.totalSteps);
  if (schedule.valuesInto) schedule.valuesInto(values);
  else for (let t = 0; t < values.length; t++) values[t] = schedule.lrAt(t);
  return values;
}

/**
 * At most `maxPoints` points (never fewer than 4) that keep the curve's shape: the steps are cut into
 * floor(maxPoints/4) buckets and each bucket keeps its first step, last step, the step with the lowest LR and the
 * step with the highest LR (earliest on ties). So every local max and min, every restart and every step drop
 * survives as its bucket's extreme, whatever N; two restarts in one bucket show as one.
 *
 * How a bucket's extremes are found: exactly from `schedule.criticalSteps` when the schedule has it (constant cost
 * per bucket, any horizon); else by evaluating every step when T <= EXHAUSTIVE_LIMIT (exact); else by probing
 * 64 steps per bucket plus the markers (approximate: a narrow spike between probes can be missed).
 */
export function sampleCurve(schedule: Schedule, maxPoints = 200): CurvePoint[] {
  const total = schedule.totalSteps;
  if (total <= 0) return [];
  const budget = Math.max(POINTS_PER_BUCKET, Math.floor(maxPoints));
  if (total <= budget) return everyStep(schedule);

  const buckets = Math.floor(budget / POINTS_PER_BUCKET);
  const markerSteps = schedule.markers
    .map((m) => m.step)
    .filter((s) => s >= 0 && s < total)
    .sort((a, b) => a - b);
  const points: CurvePoint[] = [];
  let markerIndex = 0;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * total) / buckets);
    const end = Math.floor(((b + 1) * total) / buckets); // exclusive
    if (end <= start) continue;
    const candidates: number[] = [start];
    if (schedule.criticalSteps) {
      for (const s of schedule.criticalSteps(start, end, CRITICAL_PER_BUCKET)) if (s > start && s < end - 1) candidates.push(s);
    } else if (total <= EXHAUSTIVE_LIMIT) {
      for (let t = start + 1; t < end - 1; t++) candidates.push(t);
    } else {
      const stride = Math.max(1, Math.floor((end - start) / PROBES_PER_BUCKET));
      for (let t = start + stride; t < end - 1; t += stride) candidates.push(t);
      for (let s = markerSteps[markerIndex]; s !== undefined && s < end; s = markerSteps[markerIndex]) {
        markerIndex++;
        for (const m of [s - 1, s]) if (m > start && m < end - 1) candidates.push(m);
      }
      candidates.sort((x, y) => x - y);
    }
    if (end - 1 > start) candidates.push(end - 1);
    let minStep = start;
    let maxStep = start;
    let minLr = Infinity;
    let maxLr = -Infinity;
    for (const t of candidates) {
      const lr = schedule.lrAt(t);
      if (lr < minLr) {
        minLr = lr;
        minStep = t;
      }
      if (lr > maxLr) {
        maxLr = lr;
        maxStep = t;
      }
    }
    // The bucket's first, lowest, highest and last steps, in order and each once.
    const last = end - 1;
    const low = Math.min(minStep, maxStep);
    const high = Math.max(minStep, maxStep);
    points.push({ step: start, lr: schedule.lrAt(start) });
    if (low !== start) points.push({ step: low, lr: schedule.lrAt(low) });
    if (high !== low && high !== start) points.push({ step: high, lr: schedule.lrAt(high) });
    if (last !== high && last !== low && last !== start) points.push({ step: last, lr: schedule.lrAt(last) });
  }
  return points;
}
