// levanter OptimizerConfig.lr_scheduler (stanford-crfm/levanter src/levanter/optim/config.py
// @9263f81e8b453241332c2c0b2d2001bfb2d2241c) over optax pieces (google-deepmind/optax optax/schedules/_schedule.py,
// _join.py @2edbcbe2390da13983b92cbef94ac0460ecde1c5): update k uses the optax count k. float64 here, float32 in optax.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { levanterFracOrSteps, levanterSchedule } from '../../../../server/src/frameworks/levanter/schedule';
import { assertSteps } from '../../schedules/expectLr';

const PI = Math.PI;

function lev(kind: string, params: Record<string, unknown>, baseLr = 1, totalSteps = 10) {
  return levanterSchedule({ name: kind, params, baseLr, warmupSteps: 0, totalSteps });
}
/** optax linear_schedule(init, end, n) at count c. */
const lin = (init: number, end: number, n: number, c: number) => (init - end) * (1 - Math.min(Math.max(c, 0), n) / n) + end;
/** optax cosine_decay_schedule(init, d, alpha) at count c. */
const cosd = (init: number, d: number, alpha: number, c: number) =>
  init * ((1 - alpha) * (0.5 * (1 + Math.cos((PI * Math.min(c, d)) / d))) + alpha);

test('cosine: warmup fraction of the cycle from 0, clamp at c = d (step T, never run)', () => {
  // T = 10, warmup 0.2 -> w = 2, d = 8, min_lr_ratio 0.1
  const s = lev('cosine', { warmup: 0.2, min_lr_ratio: 0.1 });
  assertSteps(s, { 0: 0, 1: lin(0, 1, 2, 1), 2: cosd(1, 8, 0.1, 0), 3: cosd(1, 8, 0.1, 1), 9: cosd(1, 8, 0.1, 7), 10: 0.1, 12: 0.1 });
  const rounded = [0, 0.5, 1, 0.9657, 0.8682, 0.7222, 0.55, 0.3778, 0.2318, 0.1343];
  rounded.forEach((r, k) => assert.ok(Math.abs((s?.lrAt(k) ?? NaN) - r) < 5e-5, `k=${k}`));
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [[2, 'warmup-end']],
  );
});

test('warmup in steps, decay fraction: stable part at lr, then linear to min_lr', () => {
  // warmup 2 (steps), decay 0.3 -> int(3.0000000000000004) = 3, stable 5: 0 .5 1 1 1 1 1 1 .7 .4
  const s = lev('linear', { warmup: 2, decay: 0.3 });
  const r = [0, 0.5, 1, 1, 1, 1, 1, 1, 0.7, 0.4];
  r.forEach((x, k) => assertSteps(s, { [k]: k < 7 ? x : lin(1, 0.1, 3, k - 7) }));
  assert.ok(Math.abs((s?.lrAt(8) ?? 0) - 0.7) < 1e-12);
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [
      [2, 'warmup-end'],
      [7, 'decay-start'],
    ],
  );
});

test('warmup + decay > cycle: the negative stable length truncates the warmup (join order)', () => {
  // warmup 4, decay 8, T = 10: stable -2, boundaries [4, 2, 10]: the decay starts at step 2
  assertSteps(lev('linear', { warmup: 4, decay: 8 }), { 0: 0, 1: 0.25, 2: 1, 3: lin(1, 0.1, 8, 1), 9: lin(1, 0.1, 8, 7) });
});

test('cycles with rewarmup from the previous end; rewarmup 0 jumps straight back to lr', () => {
  // T = 20, cycles 2 -> boundaries [0, 10, 20]; cycle 1: w = 2, d = 8; cycle 2: rewarmup 0.1 -> w = 1 from 0.1, d = 9
  const s = lev('cosine', { warmup: 0.2, rewarmup: 0.1, cycles: 2, min_lr_ratio: 0.1 }, 1, 20);
  const end1 = cosd(1, 8, 0.1, 8);
  assertSteps(s, { 9: cosd(1, 8, 0.1, 7), 10: lin(end1, 1, 1, 0), 11: cosd(1, 9, 0.1, 0), 15: cosd(1, 9, 0.1, 4), 19: cosd(1, 9, 0.1, 8) });
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [
      [2, 'warmup-end'],
      [10, 'restart'],
      [11, 'warmup-end'],
    ],
  );
  const jump = lev('cosine', { warmup: 0.2, cycles: 2 }, 1, 20);
  assertSteps(jump, { 9: cosd(1, 8, 0.1, 7), 10: 1, 15: cosd(1, 10, 0.1, 5) });
  // cycle_length 6 of T = 20: boundaries [0, 6, 12, 20]: the last cycle is longer (8 steps)
  const cl = lev('linear', { warmup: 0, cycle_length: 6, min_lr_ratio: 0 }, 1, 20);
  assertSteps(cl, { 0: 1, 5: lin(1, 0, 6, 5), 6: 1, 12: 1, 16: lin(1, 0, 8, 4) });
});

test('cooldown (deprecated): linear from the final main LR to min_lr', () => {
  // T = 10, cooldown 0.2 -> 2 steps, main 8; constant schedule then cooldown lin(1 -> 0.1, 2)
  assertSteps(lev('constant', { warmup: 0, cooldown: 0.2 }), { 0: 1, 7: 1, 8: 1, 9: lin(1, 0.1, 2, 1) });
});

test('inv_sqrt (absolute timescale 10000), inv, cosine exponent, power', () => {
  const s = lev('inv_sqrt', { warmup: 0 }, 1, 50000);
  assertSteps(s, { 0: 1, 10000: 1, 40000: Math.max(1 / Math.sqrt(40000 / 10000), 0.1) });
  const i = lev('inv', { warmup: 0, min_lr_ratio: 0.1 }, 1, 100);
  // count 0 counts as 1 (max(count, 1)): update 0 is already below lr
  assertSteps(i, { 0: 1 / (((10 - 1) * 1) / 100 + 1), 1: 1 / (((10 - 1) * 1) / 100 + 1), 50: 1 / (((10 - 1) * 50) / 100 + 1), 100: 0.1 });
  assert.equal(lev('inv', { warmup: 0, min_lr_ratio: 0 }, 1, 100), null);
  const e = lev('cosine', { warmup: 0, min_lr_ratio: 0, lr_schedule: { type: 'cosine', exponent: 2 } }, 1, 10);
  assertSteps(e, { 5: (0.5 * (1 + Math.cos(PI / 2))) ** 2 });
  const p = lev('power', { warmup: 0, lr_schedule: { type: 'power', batch_size: 8, seq_length: 16 } }, 0.01, 100);
  assertSteps(p, { 0: 0.01, 50: Math.min(0.01, 8 * 4.6 * (50 * 8 * 16) ** -0.51) });
});

test('fraction-or-steps: 1 is the whole cycle (then cosine raises), fractions > 1 are errors; defaults', () => {
  assert.equal(levanterFracOrSteps(1, 500), 500);
  assert.equal(levanterFracOrSteps(1.0, 500), 500);
  assert.equal(levanterFracOrSteps(2, 500), 2);
  assert.equal(levanterFracOrSteps(1.5, 500), undefined);
  assert.equal(lev('cosine', { warmup: 1 }), null);
  assert.equal(lev('cosine', { warmup: 2.5 }), null);
  // defaults: warmup 0.01, min_lr_ratio 0.1, cosine; 1000 steps -> w = 10, d = 990
  const s = lev('cosine', {}, 6e-4, 1000);
  assertSteps(s, { 5: lin(0, 6e-4, 10, 5), 10: 6e-4, 505: cosd(6e-4, 990, 0.1, 495) });
  assert.equal(lev('rsqrt', {}), null);
});
