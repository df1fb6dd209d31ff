// GPT-NeoX AnnealingLR (EleutherAI/gpt-neox megatron/learning_rates.py @ea7aefd8f8e183256992d9fede4d7c71a46d67a5;
// infinite_* from branch pr1194 @6968934ac65b2f2bbaf3fa1d09790f895f3d83ad). Update k uses get_lr(t = k).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gptNeoxHorizon, gptNeoxSchedule } from '../../../../server/src/frameworks/gpt-neox/schedule';
import { assertSteps } from '../../schedules/expectLr';

const cos = Math.cos;
const PI = Math.PI;

function neox(style: string, params: Record<string, unknown>, baseLr = 1, totalSteps = 13) {
  return gptNeoxSchedule({ name: style, params, baseLr, warmupSteps: 0, totalSteps });
}

// lr 1, min_lr 0.1, N = 10, warmup 0.2 -> W = 2.0, E = 8; t = 11, 12 run because train_iters (13) > lr_decay_iters (10).
const BASE = { lr_decay_iters: 10, train_iters: 13, warmup: 0.2, min_lr: 0.1 };

test('cosine: max(1, t)/W warmup, min_lr at t = N, climbs back past N', () => {
  const s = neox('cosine', BASE);
  const v = (tp: number) => Math.max(0.1 + (0.9 / 2.0) * (cos((PI * tp) / 8) + 1), 0.1);
  assertSteps(s, { 0: 0.5, 1: 0.5, 2: 1, 3: v(1), 6: v(4), 9: v(7), 10: v(8), 11: v(9), 12: v(10) });
  // rounded check values, computed by hand: .5 .5 1 .9657 .8682 .7222 .55 .3778 .2318 .1343 .1 .1343 .2318
  const rounded = [0.5, 0.5, 1, 0.9657, 0.8682, 0.7222, 0.55, 0.3778, 0.2318, 0.1343, 0.1, 0.1343, 0.2318];
  rounded.forEach((r, t) => assert.ok(Math.abs((s?.lrAt(t) ?? NaN) - r) < 5e-5, `t=${t}`));
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [
      [2, 'warmup-end'],
      [10, 'horizon'],
    ],
  );
  // the periodic cosine lists the trough at N = 10 and the next peak at 18 among its critical steps
  assert.deepEqual(s?.criticalSteps?.(0, 20, 50), [1, 2, 9, 10, 17, 18]);
});

test('linear heads to 0 and the min_lr clamp takes over before N; exponential only halves', () => {
  const rounded = [0.5, 0.5, 1, 0.875, 0.75, 0.625, 0.5, 0.375, 0.25, 0.125, 0.1, 0.1, 0.1];
  const s = neox('linear', BASE);
  rounded.forEach((r, t) => assertSteps(s, { [t]: r }));
  // exponential: lr * exp(-0.693 t' / E), min_lr 0: t = 10 -> exp(-0.693) ~ 0.50007
  const e = neox('exponential', { ...BASE, min_lr: 0 });
  assertSteps(e, { 2: 1, 6: Math.exp((-0.693 * 4) / 8), 10: Math.exp(-0.693), 12: Math.exp((-0.693 * 10) / 8) });
  assert.ok(Math.abs((e?.lrAt(10) ?? 0) - 0.50007) < 1e-5);
});

test('constant, and a validated mixed-case style runs as constant; unknown styles are not drawn', () => {
  assertSteps(neox('constant', BASE), { 0: 0.5, 2: 1, 12: 1 });
  const mixed = neox('Cosine', BASE);
  assertSteps(mixed, { 1: 0.5, 5: 1, 12: 1 });
  assert.equal(mixed?.family, 'Cosine');
  assert.equal(neox('polynomial', BASE), null);
});

test('defaults: warmup 0.01 of N, min_lr 0, linear; horizon lr_decay_iters > lr_decay_fraction > train_iters', () => {
  // train_iters 1000, no decay keys: N = 1000, W = 10; linear to 0 at t = 1000
  const s = neox('linear', { train_iters: 1000 }, 6e-4, 1000);
  assertSteps(s, { 0: 6e-4 / 10, 5: (6e-4 * 5) / 10, 10: 6e-4, 505: (6e-4 * (990 - 495)) / 990, 999: (6e-4 * 1) / 990 });
  assert.equal(gptNeoxHorizon({ lr_decay_iters: 700, lr_decay_fraction: 0.5 }, 1000), 700);
  assert.equal(gptNeoxHorizon({ lr_decay_fraction: 0.333 }, 1000), 333);
  assert.equal(gptNeoxHorizon({}, 1000), 1000);
  assert.equal(gptNeoxHorizon({ lr_decay_iters: 0 }, 1000), 1);
  // a fractional W: warmup 0.015 of N = 100 -> W = 1.5; t = 1 is in warmup (1/1.5), t = 2 decays from t' = 0.5
  const f = neox('cosine', { train_iters: 100, warmup: 0.015 }, 1, 100);
  assertSteps(f, { 0: 1 / 1.5, 1: 1 / 1.5, 2: (1 / 2.0) * (cos((PI * 0.5) / 98.5) + 1) });
});

test('infinite_cosine (pr1194): t/W warmup, cosine to constant_lr over C, hold K, exponential to min_lr', () => {
  // N = 100, W = 10, C = 20, K = 30, constant_lr 0.5, min_lr 0.05; the tail is 40 steps
  const p = { train_iters: 100, warmup: 0.1, cooldown_iters_perc: 0.2, constant_iters_perc: 0.3, constant_lr: 0.5, min_lr: 0.05 };
  const s = neox('infinite_cosine', p, 1, 100);
  const factor = -Math.log(0.05 / 0.5) / 40;
  assertSteps(s, {
    0: 0,
    5: 0.5,
    10: 1,
    20: 0.5 + (0.5 / 2.0) * (cos(PI * 0.5) + 1),
    30: 0.5 + (0.5 / 2.0) * (cos(PI) + 1),
    45: 0.5,
    60: 0.5,
    80: 0.5 * Math.exp(-1 * factor * 20),
    99: 0.5 * Math.exp(-1 * factor * 39),
  });
  assert.ok(Math.abs((s?.lrAt(80) ?? 0) - 0.5 / Math.sqrt(10)) < 1e-12);
  // infinite_inv_sqrt: lr + (constant_lr - lr) / g(1) * g(t'/C), g(x) = (1 + timescale x)^-1/2 - 1, no min_lr clamp
  const g = (x: number) => 1 / Math.sqrt(1 + 1.0 * x) - 1;
  const i = neox('infinite_inv_sqrt', p, 1, 100);
  assertSteps(i, { 10: 1, 20: 1 + ((0.5 - 1) / g(1)) * g(0.5), 30: 0.5, 45: 0.5 });
});
