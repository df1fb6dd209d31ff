import assert from 'node:assert/strict';
import type { Schedule } from '../../../server/src/schedules/schedule';

/** Asserts |actual - expected| <= 1e-12 * max(|actual|, |expected|) (exact equality when expected is 0). */
export function assertLr(actual: number, expected: number, what = ''): void {
  if (expected === 0) {
    assert.equal(actual, 0, `${what}: expected exactly 0, got ${actual}`);
    return;
  }
  const error = Math.abs(actual - expected) / Math.max(Math.abs(actual), Math.abs(expected));
  assert.ok(error <= 1e-12, `${what}: expected ${expected}, got ${actual} (relative error ${error})`);
}

/** Asserts the schedule's LR at each listed step (and so that there is a schedule: the caller may use it after). */
export function assertSteps(schedule: Schedule | null, expected: Record<number, number>): asserts schedule is Schedule {
  assert.ok(schedule, 'builder returned null');
  for (const [step, lr] of Object.entries(expected)) assertLr(schedule.lrAt(Number(step)), lr, `step ${step}`);
}
