// DeepSpeed schedules (deepspeed/runtime/lr_schedules.py): update k uses f(last_batch_iteration = k - 1); f(-1) is the initial value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepspeedSchedule } from '../../../../server/src/frameworks/deepspeed/schedule';
import { assertSteps } from '../../schedules/expectLr';

const build = (name: string, params: Record<string, unknown>, totalSteps: number, baseLr = 1) =>
  deepspeedSchedule({ name, params, baseLr, warmupSteps: 0, totalSteps });

test('WarmupLR log warmup (the default): update 0 at min, update 1 still min (ln 1 = 0), max at update W', () => {
  // W=100, min 0, max 1 (optimizer lr): k=0 -> f(-1) = min = 0; k=1 -> f(0) = ln(1)/ln(100) = 0; k=10 -> f(9) = ln(10)/ln(100) = .5;
  // k=100 -> f(99) = ln(100)/ln(100) = 1; k=500 -> 1
  assertSteps(build('WarmupLR', { warmup_num_steps: 100 }, 1000), { 0: 0, 1: 0, 10: 0.5, 100: 1, 500: 1 });
  // linear, min .1 max .5, W 4: k=1 -> f(0) = .1; k=3 -> f(2) = .1 + .4 * 2/4 = .3; k=5 -> f(4) = .5
  assertSteps(build('WarmupLR', { warmup_num_steps: 4, warmup_type: 'linear', warmup_min_lr: 0.1, warmup_max_lr: 0.5 }, 10), {
    0: 0.1,
    1: 0.1,
    3: 0.3,
    5: 0.5,
  });
  // warmup_num_steps 1 is raised to 2
  assertSteps(build('WarmupLR', { warmup_num_steps: 1, warmup_type: 'linear' }, 10), { 2: 0.5, 3: 1 });
});

test('WarmupDecayLR decays linearly to warmup_min_lr at total_num_steps', () => {
  // linear W 10, total 110, min 0, max 1e-3 (default): k=11 -> f(10) = 1e-3 * 100/100; k=61 -> f(60) = 1e-3 * 50/100; k=111 -> 0
  assertSteps(build('WarmupDecayLR', { warmup_num_steps: 10, total_num_steps: 110, warmup_type: 'linear' }, 120), {
    0: 0,
    6: 5e-4,
    11: 1e-3,
    61: 5e-4,
    110: 1e-5,
    111: 0,
    119: 0,
  });
  assert.equal(build('WarmupDecayLR', {}, 10), null, 'total_num_steps is required');
});

test('WarmupCosineLR: ratios of the optimizer lr, initial 0, cosine to cos_min_ratio (clamped past the end)', () => {
  // lr 2, W 10 linear, total 110, cos_min .0001: k=0 -> 0; k=6 -> f(5) = 2 * .5; k=11 -> f(10): p = 1/100;
  // k=60 -> f(59): p = 50/100 -> ratio 1e-4 + (1 - 1e-4) * .5; k=110 -> f(109): p = 1 -> 1e-4; k=300 -> 1e-4 (clamped)
  const ratioAt = (p: number) => 1e-4 + ((1 - 1e-4) * (1 + Math.cos(Math.PI * p))) / 2;
  assertSteps(build('WarmupCosineLR', { warmup_num_steps: 10, total_num_steps: 110, warmup_type: 'linear' }, 110, 2), {
    0: 0,
    6: 1,
    11: 2 * ratioAt(0.01),
    60: 2 * ratioAt(0.5),
    109: 2 * ratioAt(0.99),
    110: 2e-4,
    300: 2e-4,
  });
});

test('OneCycle: triangle from cycle_min_lr to cycle_max_lr then 1/(1 + rate*d/step) decay', () => {
  // min .1, max 1, first 10, second 10, decay rate 1 per 10: k=0 -> f(-1) = .1; k=5 -> f(4): b=5, x=.25 -> .55;
  // k=10 -> f(9): b=10, x=.5 -> 1; k=15 -> .55; k=20 -> f(19): b=20 -> cycle 2, x=0 -> .1; k=31 -> f(30): d=11 -> .1/(1+1.1)
  assertSteps(
    build('OneCycle', { cycle_min_lr: 0.1, cycle_max_lr: 1, cycle_first_step_size: 10, decay_lr_rate: 1, decay_step_size: 10 }, 40),
    {
      0: 0.1,
      5: 0.55,
      10: 1,
      15: 0.55,
      20: 0.1,
      21: 0.1 / 1.1,
      31: 0.1 / 2.1,
    },
  );
});

test('LRRangeTest grows linearly (or in stairs); torch types are delegated', () => {
  // min 1e-3, step 10, rate 1: k=0 -> f(-1) = 1e-3; k=10 -> f(9): interval 1 -> 2e-3; staircase k=9 -> f(8): floor(.9) = 0
  assertSteps(build('LRRangeTest', { lr_range_test_step_size: 10 }, 100), { 0: 1e-3, 10: 2e-3, 20: 3e-3 });
  assertSteps(build('LRRangeTest', { lr_range_test_step_size: 10, lr_range_test_staircase: true }, 100), { 9: 1e-3, 10: 2e-3 });
  assertSteps(build('StepLR', { step_size: 2, gamma: 0.5 }, 10), { 1: 1, 2: 0.5 });
});
