// PyTorch lr_scheduler: values derived by hand from torch's formulas (torch/optim/lr_scheduler.py). t = scheduler steps taken;
// the update with index t uses f(t) (the constructor applies f(0)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pytorchSchedule, warmRestartPosition } from '../../../server/src/schedules/pytorch';
import { assertSteps } from './expectLr';

const build = (name: string, params: Record<string, unknown>, baseLr = 1, totalSteps = 100) =>
  pytorchSchedule({ name, params, baseLr, totalSteps });

test('StepLR multiplies by gamma at every multiple of step_size', () => {
  // base * gamma ** (t // 3): t=0..2 -> 1, t=3 -> .5, t=6 -> .25, t=11 (last of 12) -> .5**3, t=20 (past) -> .5**6
  assertSteps(build('StepLR', { step_size: 3, gamma: 0.5 }, 1, 12), { 0: 1, 2: 1, 3: 0.5, 6: 0.25, 11: 0.125, 20: 0.015625 });
  // gamma defaults to 0.1: t=7 -> 0.1 * 0.1
  assertSteps(build('StepLR', { step_size: 7 }, 0.1), { 6: 0.1, 7: 0.1 * 0.1 });
  assert.equal(build('StepLR', {}), null, 'step_size is required');
});

test('MultiStepLR decays at the milestone itself, and a repeated milestone decays gamma**count at once', () => {
  // milestones [2,5,5], gamma .5: bisect_right -> t=1: 1, t=2: .5, t=4: .5, t=5: .5**3 = .125, t=9: .125
  assertSteps(build('MultiStepLR', { milestones: [2, 5, 5], gamma: 0.5 }, 1, 10), {
    0: 1,
    1: 1,
    2: 0.5,
    4: 0.5,
    5: 0.125,
    9: 0.125,
    50: 0.125,
  });
  // unsorted milestones are sorted (a Counter in torch): [80,30], gamma .1 -> t=29: .1, t=30: .01, t=80: .001
  assertSteps(build('MultiStepLR', { milestones: [80, 30] }, 0.1), { 29: 0.1, 30: 0.1 * 0.1, 79: 0.1 * 0.1, 80: 0.1 * 0.1 * 0.1 });
});

test('ConstantLR holds factor * base until total_iters, then base', () => {
  // factor .5, total 4: t=0..3 -> .5, t=4 -> 1 (recursion: lr * (1/factor))
  assertSteps(build('ConstantLR', { factor: 0.5, total_iters: 4 }, 1, 10), { 0: 0.5, 3: 0.5, 4: 1, 9: 1 });
  // defaults factor 1/3, total_iters 5: t=4 -> .003/3, t=5 -> .003
  assertSteps(build('ConstantLR', {}, 0.003, 10), { 0: 0.003 / 3, 4: 0.003 / 3, 5: 0.003 });
});

test('LinearLR reaches end_factor at t == total_iters (N warmup steps below base)', () => {
  // start .5, total 4: .5 + .5 * t/4 -> .5, .625, .75, .875, 1, then 1
  assertSteps(build('LinearLR', { start_factor: 0.5, total_iters: 4 }, 1, 10), { 0: 0.5, 1: 0.625, 2: 0.75, 3: 0.875, 4: 1, 9: 1, 40: 1 });
  // decay: start 1, end .1, total 50, base .1: t=25 -> .1 * (1 - .9 * 25/50) = .055; t=50 -> .01; past -> .01
  assertSteps(build('LinearLR', { start_factor: 1, end_factor: 0.1, total_iters: 50 }, 0.1, 80), { 0: 0.1, 25: 0.055, 50: 0.01, 79: 0.01 });
});

test('ExponentialLR is base * gamma**t', () => {
  assertSteps(build('ExponentialLR', { gamma: 0.9 }, 1, 100), { 0: 1, 1: 0.9, 2: 0.81, 10: 0.9 ** 10, 99: 0.9 ** 99 });
});

test('PolynomialLR reaches 0 at total_iters and stays there', () => {
  // total 4, power 2: (1 - t/4)**2 -> 1, .5625, .25, .0625, 0, 0
  assertSteps(build('PolynomialLR', { total_iters: 4, power: 2 }, 1, 8), { 0: 1, 1: 0.5625, 2: 0.25, 3: 0.0625, 4: 0, 7: 0 });
});

test('CosineAnnealingLR is not clamped past T_max: it rises again with period 2*T_max', () => {
  // T_max 10, eta .1, base 1: eta + .9 * (1 + cos(pi t / 10)) / 2 -> t=5: .55, t=10: .1 (trough), t=15: .55, t=20: 1
  const s = build('CosineAnnealingLR', { T_max: 10, eta_min: 0.1 }, 1, 45);
  assertSteps(s, { 0: 1, 5: 0.55, 10: 0.1, 15: 0.55, 20: 1, 25: 0.55, 30: 0.1, 44: 0.1 + (0.9 * (1 + Math.cos((Math.PI * 44) / 10))) / 2 });
  assert.ok(s.lrAt(11) > s.lrAt(10), 'the LR rises after T_max');
  // T_max 100 over exactly 100 steps never reaches eta_min: t=99 -> .1 * (1 + cos(.99 pi)) / 2
  assertSteps(build('CosineAnnealingLR', { T_max: 100 }, 0.1, 100), { 99: (0.1 * (1 + Math.cos((Math.PI * 99) / 100))) / 2 });
});

test('CosineAnnealingLR on a 10^9 horizon uses the closed form, equal to the recursion', () => {
  const long = build('CosineAnnealingLR', { T_max: 1000, eta_min: 1e-5 }, 1e-3, 1e9);
  assert.ok(long);
  const short = build('CosineAnnealingLR', { T_max: 1000, eta_min: 1e-5 }, 1e-3, 3000);
  assert.ok(short);
  for (const t of [0, 1, 500, 999, 1000, 1001, 1500, 2000, 2999]) assertSteps(long, { [t]: short.lrAt(t) });
});

test('CosineAnnealingWarmRestarts jumps back to base at each restart and never emits eta_min', () => {
  // T_0 3, T_mult 2: cycles [0,3) [3,9) [9,21): t=0 1, t=1 (1+cos(pi/3))/2 = .75, t=2 .25, t=3 1 (restart),
  // t=4 (1+cos(pi/6))/2, t=8 (1+cos(5pi/6))/2, t=9 1, t=21 1
  assertSteps(build('CosineAnnealingWarmRestarts', { T_0: 3, T_mult: 2 }, 1, 50), {
    0: 1,
    1: 0.75,
    2: 0.25,
    3: 1,
    4: (1 + Math.cos(Math.PI / 6)) / 2,
    8: (1 + Math.cos((5 * Math.PI) / 6)) / 2,
    9: 1,
    21: 1,
  });
  // T_0 10, eta .01, base .1: t=10 -> .1, t=5 -> .01 + .09 * (1 + cos(pi/2)) / 2 = .055
  assertSteps(build('CosineAnnealingWarmRestarts', { T_0: 10, eta_min: 0.01 }, 0.1, 55), { 5: 0.055, 10: 0.1, 50: 0.1 });
  assert.deepEqual(warmRestartPosition(1e9 - 1, 3, 2), { tCur: 1e9 - 1 - 3 * (2 ** 28 - 1), tI: 3 * 2 ** 28 });
  const markers = build('CosineAnnealingWarmRestarts', { T_0: 3, T_mult: 2 }, 1, 50)?.markers.map((m) => m.step);
  assert.deepEqual(markers, [3, 9, 21, 45]);
});

test('OneCycleLR: peak at pct_start*total - 1, ends at max_lr/(div*final_div) on the last step, raises past total', () => {
  // total 100, max .1: initial = .1/25 = .004, min = .004/1e4. Phase 1 ends at 29 (float 30 - 1), phase 2 at 99.
  // t=0 -> .004; t=29 -> .1 (pct 1); t=99 -> min; t=100 -> pct = 71/70 (cos rebounds past min); t=101 -> torch raises.
  const s = build('OneCycleLR', { max_lr: 0.1, total_steps: 100 }, 0.01, 101);
  assert.ok(s);
  const min = 0.1 / 25 / 1e4;
  const pct100 = (100 - 29) / (99 - 29);
  assertSteps(s, { 0: 0.004, 29: 0.1, 99: min, 100: min + ((0.1 - min) / 2) * (Math.cos(Math.PI * pct100) + 1) });
  assert.ok(Number.isNaN(s.lrAt(101)), 'past total_steps torch raises ValueError');
  // total 10, pct .25: phase end 1.5 is not an integer, so max_lr is never hit: t=1 -> pct 1/1.5 of the ramp
  const q = build('OneCycleLR', { max_lr: 1, total_steps: 10, pct_start: 0.25 }, 0.01, 11);
  assert.ok(q);
  assertSteps(q, { 0: 0.04, 1: 1 + ((0.04 - 1) / 2) * (Math.cos(Math.PI / 1.5) + 1) });
  assert.ok(Math.max(...Array.from({ length: 10 }, (_, t) => q.lrAt(t))) < 1, 'max_lr is never reached');
});

test('OneCycleLR three_phase and linear annealing', () => {
  // three phase, total 100: P1 end 29 (-> max .01), P2 end 58 (= 2*.3*100 - 2, back to .0004), P3 end 99 (-> min)
  assertSteps(build('OneCycleLR', { max_lr: 0.01, total_steps: 100, three_phase: true }, 1, 100), {
    0: 0.0004,
    29: 0.01,
    58: 0.0004,
    99: 0.0004 / 1e4,
  });
  // linear, total 50, pct .2, div 10, final 100: initial .05, P1 end 9: t=9 -> .5; min = .0005 at t=49; t=29 halfway: (.0005-.5)*.5+.5
  assertSteps(
    build(
      'OneCycleLR',
      { max_lr: 0.5, total_steps: 50, pct_start: 0.2, anneal_strategy: 'linear', div_factor: 10, final_div_factor: 100 },
      1,
      50,
    ),
    {
      0: 0.05,
      9: 0.5,
      29: (0.0005 - 0.5) * 0.5 + 0.5,
      49: 0.0005,
    },
  );
  // epochs * steps_per_epoch = 100 when total_steps is absent
  assertSteps(build('OneCycleLR', { max_lr: 0.003, epochs: 5, steps_per_epoch: 20 }, 1, 100), { 29: 0.003 });
});

test('CyclicLR ignores the optimizer lr; triangular2 halves each cycle; exp_range scales by gamma**t', () => {
  // base .1, max 1, up 2, down 3 (cycle 5): triangular -> .1, .55, 1, .7, .4, .1, ...
  assertSteps(build('CyclicLR', { base_lr: 0.1, max_lr: 1, step_size_up: 2, step_size_down: 3 }, 0.5, 30), {
    0: 0.1,
    1: 0.55,
    2: 1,
    3: 0.7,
    4: 0.4,
    5: 0.1,
    7: 1,
  });
  // triangular2: cycle 2 has amplitude .45 -> t=7 peak .1 + .9/2 = .55, t=6 .325
  assertSteps(build('CyclicLR', { base_lr: 0.1, max_lr: 1, step_size_up: 2, step_size_down: 3, mode: 'triangular2' }, 0.5, 30), {
    2: 1,
    6: 0.325,
    7: 0.55,
    12: 0.325,
  });
  // exp_range gamma .99, up 10 (cycle 20): t=10 -> .001 + .005 * .99**10
  assertSteps(build('CyclicLR', { base_lr: 0.001, max_lr: 0.006, step_size_up: 10, mode: 'exp_range', gamma: 0.99 }, 0.5, 100), {
    0: 0.001,
    10: 0.001 + 0.005 * 0.99 ** 10,
  });
});

test('SequentialLR restarts each child at its milestone (closed form at local t=0)', () => {
  // LinearLR(.1, 5) then CosineAnnealingLR(10) at 5: .1,.28,.46,.64,.82 | t=5 -> 1, t=10 -> .5, t=15 -> 0, t=25 -> 1
  assertSteps(
    build(
      'SequentialLR',
      {
        schedulers: [
          { name: 'LinearLR', params: { start_factor: 0.1, total_iters: 5 } },
          { name: 'CosineAnnealingLR', params: { T_max: 10 } },
        ],
        milestones: [5],
      },
      1,
      30,
    ),
    { 0: 0.1, 1: 0.28, 4: 0.82, 5: 1, 10: 0.5, 15: 0, 25: 1 },
  );
  // LightningCLI-style children {class_path, init_args}
  assertSteps(
    build(
      'SequentialLR',
      {
        schedulers: [
          { class_path: 'torch.optim.lr_scheduler.ConstantLR', init_args: { factor: 0.1, total_iters: 2 } },
          { class_path: 'ExponentialLR', init_args: { gamma: 0.9 } },
        ],
        milestones: [2],
      },
      1,
      10,
    ),
    { 0: 0.1, 1: 0.1, 2: 1, 3: 0.9, 4: 0.81 },
  );
  assert.equal(
    build('SequentialLR', { schedulers: [{ name: 'ConstantLR', params: {} }], milestones: [3] }),
    null,
    'milestones must be one fewer than schedulers',
  );
});

test('ChainedScheduler multiplies the children through the shared LR from t=0', () => {
  // ConstantLR(.1, 2) + ExponentialLR(.9): .1, .09, .81, .729, .6561 (torch docstring)
  assertSteps(
    build(
      'ChainedScheduler',
      {
        schedulers: [
          { name: 'ConstantLR', params: { factor: 0.1, total_iters: 2 } },
          { name: 'ExponentialLR', params: { gamma: 0.9 } },
        ],
      },
      1,
      10,
    ),
    { 0: 0.1, 1: 0.09, 2: 0.81, 3: 0.729, 4: 0.6561 },
  );
});

test('ReduceLROnPlateau is validation-driven and never guessed', () => {
  const s = build('ReduceLROnPlateau', { patience: 2 }, 0.01, 10);
  assert.ok(s);
  assert.equal(s.validationDriven, true);
  assert.equal(s.lrAt(9), 0.01);
});

test('Lambda schedulers and unknown names cannot be drawn', () => {
  assert.equal(build('LambdaLR', {}), null);
  assert.equal(build('NoSuchLR', {}), null);
  assert.ok(build('torch.optim.lr_scheduler.StepLR', { step_size: 2 }), 'dotted class paths are accepted');
});
