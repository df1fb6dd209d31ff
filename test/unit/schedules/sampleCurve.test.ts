// Sampling for display: at most N points, and each bucket's first, last, min and max survive at any N.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { everyStep, everyStepValues, sampleCurve, POINTS_PER_BUCKET } from '../../../server/src/schedules/sampleCurve';
import { pytorchSchedule } from '../../../server/src/schedules/pytorch';
import { huggingFaceSchedule } from '../../../server/src/frameworks/huggingface/schedule';
import type { Schedule } from '../../../server/src/schedules/schedule';
import { SAMPLING_CASES } from './samplingCases';

/** Brute force: for each bucket as sampleCurve cuts them, the steps of its first, last, min and max LR. */
function bruteForceBucketExtremes(schedule: Schedule, maxPoints: number): { min: number; max: number; first: number; last: number }[] {
  const total = schedule.totalSteps;
  const buckets = Math.floor(Math.max(POINTS_PER_BUCKET, maxPoints) / POINTS_PER_BUCKET);
  const out = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * total) / buckets);
    const end = Math.floor(((b + 1) * total) / buckets);
    let min = Infinity;
    let max = -Infinity;
    for (let t = start; t < end; t++) {
      min = Math.min(min, schedule.lrAt(t));
      max = Math.max(max, schedule.lrAt(t));
    }
    out.push({ min, max, first: start, last: end - 1 });
  }
  return out;
}

for (const { label, schedule } of SAMPLING_CASES()) {
  test(`${label}: every bucket keeps its first, last, min and max at any N`, () => {
    for (const n of [4, 7, 12, 40, 200, 1000]) {
      const points = sampleCurve(schedule, n);
      assert.ok(points.length <= Math.max(n, POINTS_PER_BUCKET), `N=${n}: ${points.length} points`);
      if (schedule.totalSteps <= n) continue;
      const steps = new Set(points.map((p) => p.step));
      for (const bucket of bruteForceBucketExtremes(schedule, n)) {
        const inBucket = points.filter((p) => p.step >= bucket.first && p.step <= bucket.last);
        assert.ok(steps.has(bucket.first) && steps.has(bucket.last), `N=${n}: bucket ${bucket.first}..${bucket.last} keeps its ends`);
        assert.equal(Math.min(...inBucket.map((p) => p.lr)), bucket.min, `N=${n}: min of bucket ${bucket.first}..${bucket.last}`);
        assert.equal(Math.max(...inBucket.map((p) => p.lr)), bucket.max, `N=${n}: max of bucket ${bucket.first}..${bucket.last}`);
      }
      let previousStep = -Infinity;
      for (const point of points) {
        assert.ok(point.step > previousStep, 'ascending, no duplicates');
        previousStep = point.step;
      }
    }
  });
}

test('a 10^9-step CosineAnnealingWarmRestarts run shows every restart that falls in a distinct bucket', () => {
  const total = 1e9;
  const schedule = pytorchSchedule({
    name: 'CosineAnnealingWarmRestarts',
    params: { T_0: 9_999_991, eta_min: 1e-6 },
    baseLr: 0.1,
    totalSteps: total,
  });
  assert.ok(schedule);
  const points = sampleCurve(schedule, 2000);
  assert.ok(points.length <= 2000);
  const bucketSize = total / 500;
  const restarts = [];
  for (let s = 9_999_991; s < total; s += 9_999_991) restarts.push(s);
  assert.equal(restarts.length, 100);
  const byStep = new Map(points.map((p) => [p.step, p.lr]));
  for (const r of restarts) {
    // each restart lies in its own 2·10^6-step bucket: the restart (the bucket's max, base lr) and the step before it
    // (the trough) are both kept.
    assert.equal(Math.floor(r / bucketSize) !== Math.floor((r + 9_999_991) / bucketSize), true);
    assert.equal(byStep.get(r), 0.1, `restart at ${r} kept at base lr`);
    assert.ok(byStep.has(r - 1), `trough before restart ${r} kept`);
  }
});

test('a 10^9-step warm-restart run with T_mult 2 keeps each restart', () => {
  const schedule = pytorchSchedule({ name: 'CosineAnnealingWarmRestarts', params: { T_0: 1000, T_mult: 2 }, baseLr: 1, totalSteps: 1e9 });
  assert.ok(schedule);
  const points = sampleCurve(schedule, 2000);
  const steps = new Set(points.map((p) => p.step));
  // restarts at 1000 * (2^k - 1): 1000, 3000, 7000, ... (the first few share buckets of 2·10^6 steps)
  for (let k = 12; 1000 * (2 ** k - 1) < 1e9; k++) assert.ok(steps.has(1000 * (2 ** k - 1)), `restart ${k} kept`);
});

test('schedules without critical steps are sampled exhaustively (exact) below the limit', () => {
  const schedule = huggingFaceSchedule({
    name: 'cosine_with_restarts',
    baseLr: 1,
    warmupSteps: 10,
    totalSteps: 10_000,
    kwargs: { num_cycles: 7 },
  });
  const points = sampleCurve(schedule, 40);
  const extremes = bruteForceBucketExtremes(schedule, 40);
  for (const bucket of extremes) {
    const inBucket = points.filter((p) => p.step >= bucket.first && p.step <= bucket.last).map((p) => p.lr);
    assert.equal(Math.max(...inBucket), bucket.max);
    assert.equal(Math.min(...inBucket), bucket.min);
  }
});

test('every step: T points, values equal lrAt', () => {
  const schedule = pytorchSchedule({ name: 'StepLR', params: { step_size: 3, gamma: 0.5 }, baseLr: 1, totalSteps: 10 });
  assert.ok(schedule);
  assert.deepEqual(
    everyStep(schedule).map((p) => p.lr),
    [1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125],
  );
  assert.deepEqual(
    Array.from(everyStepValues(schedule)),
    everyStep(schedule).map((p) => p.lr),
  );
  assert.deepEqual(
    sampleCurve(schedule, 200).map((p) => p.step),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
});
