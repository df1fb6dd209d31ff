import type { CurvePoint, Schedule } from './schedule';

/** Past this many steps the sampler stops evaluating every step and probes each bucket instead. */
const EXHAUSTIVE_LIMIT = 2_000_000;
const PROBES_PER_BUCKET = 64;

/** The LR in effect at every scheduler step t = 0..T-1. */
export function everyStep(schedule: Schedule): CurvePoint[] {
  const points: CurvePoint[] = new Array(schedule.totalSteps);
  for (let t = 0; t < schedule.totalSteps; t++) points[t] = { step: t, lr: schedule.lrAt(t) };
  return points;
}

/**
 * About `maxPoints` points that keep the curve's shape: the first and last step, every marker (and the step
 * before it), and in each bucket of steps the step with the lowest and the highest LR, so no peak or trough
 * (a warm restart, a warmup top) is lost however coarse the sampling.
 */
export function sampleCurve(schedule: Schedule, maxPoints = 200): CurvePoint[] {
  const total = schedule.totalSteps;
  if (total <= 0) return [];
  if (total <= maxPoints) return everyStep(schedule);

  const steps = new Set<number>([0, total - 1]);
  for (const marker of schedule.markers) {
    for (const step of [marker.step - 1, marker.step]) if (step >= 0 && step < total) steps.add(step);
  }
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const exhaustive = total <= EXHAUSTIVE_LIMIT;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * total) / buckets);
    const end = Math.floor(((b + 1) * total) / buckets); // exclusive
    if (end <= start) continue;
    const stride = exhaustive ? 1 : Math.max(1, Math.floor((end - start) / PROBES_PER_BUCKET));
    let minStep = start;
    let maxStep = start;
    let minLr = schedule.lrAt(start);
    let maxLr = minLr;
    for (let t = start + stride; t < end; t += stride) {
      const lr = schedule.lrAt(t);
      if (lr < minLr) { minLr = lr; minStep = t; }
      if (lr > maxLr) { maxLr = lr; maxStep = t; }
    }
    steps.add(minStep);
    steps.add(maxStep);
  }
  return [...steps].sort((a, b) => a - b).map((step) => ({ step, lr: schedule.lrAt(step) }));
}
