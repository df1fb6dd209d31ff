// NeMo schedulers (nemo/core/optim/lr_scheduler.py): update k uses f(step = k).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nemoSchedule } from '../../../../server/src/frameworks/nemo/schedule';
import { assertSteps } from '../../schedules/expectLr';

const build = (name: string, params: Record<string, unknown>, totalSteps: number, baseLr = 1) =>
  nemoSchedule({ name, params, baseLr, warmupSteps: 0, totalSteps });

test('CosineAnnealing (classic): warmup (step+1)/(W+1) never 0, cosine from W to max_steps, min_lr after', () => {
  // W=9, max 109, min .1: step 0 -> 1/10; step 9 -> 1; step 59 -> .9*.5 + .1 = .55; step 109 -> .1; step 200 -> .1
  assertSteps(build('CosineAnnealing', { warmup_steps: 9, min_lr: 0.1, max_steps: 109 }, 110), {
    0: 0.1,
    4: 0.5,
    9: 1,
    59: 0.55,
    109: 0.1,
    200: 0.1,
  });
  // warmup_ratio: int(.1 * 100) = 10 -> step 10 -> 1
  assertSteps(build('CosineAnnealing', { warmup_ratio: 0.1 }, 100), { 10: 1, 55: 0.5 });
  assert.equal(build('CosineAnnealing', { min_lr: 2 }, 100), null, 'base lr below min_lr raises in NeMo');
});

test('CosineAnnealing with constant_steps (Megatron): step/W warmup from 0, min_lr tail at the end', () => {
  // W=10, constant 20, max 110 -> decay_steps 80: step 0 -> 0; step 5 -> .5; step 50 (ratio .5) -> .01 + .5*.99;
  // step 90 -> .01 (ratio 1); step 91..110 -> .01 (tail)
  assertSteps(build('CosineAnnealing', { warmup_steps: 10, constant_steps: 20, min_lr: 0.01, max_steps: 110 }, 111), {
    0: 0,
    5: 0.5,
    10: 1,
    50: 0.01 + 0.5 * 0.99,
    90: 0.01,
    95: 0.01,
    110: 0.01,
  });
});

test('NoamAnnealing: lr is a scale factor, step 0 and 1 equal, peak at W', () => {
  // d_model 256, W 100, lr 2: step 0 = step 1 -> 2 * 256^-.5 * 1 * 100^-1.5 = 2/16 * 1e-3; step 100 -> 2/16 * 100^-.5 = .0125;
  // step 400 -> 2/16 * 400^-.5 = .00625
  assertSteps(build('NoamAnnealing', { d_model: 256, warmup_steps: 100 }, 1000, 2), {
    0: 0.125 * 1e-3,
    1: 0.125 * 1e-3,
    50: 0.125 * 50 * 1e-3,
    100: 0.0125,
    400: 0.00625,
  });
});

test('hold policies: WarmupHoldPolicy and NoamHoldAnnealing', () => {
  // W=4, hold 6 (internal 10): step 3 -> 4/5; step 4..9 -> 1; step 10 -> NoamHold: hold = 6: max(1, 4^.5)=2 / (10-6)^.5 = 2 -> 1;
  // step 22 -> 2/sqrt(16) = .5
  assertSteps(build('NoamHoldAnnealing', { warmup_steps: 4, hold_steps: 6, max_steps: 100 }, 100), {
    0: 0.2,
    3: 0.8,
    4: 1,
    9: 1,
    10: 1,
    22: 0.5,
  });
  assertSteps(build('WarmupHoldPolicy', { warmup_steps: 4, hold_steps: 6, max_steps: 50, min_lr: 0.3 }, 60), { 20: 1, 50: 1, 51: 0.3 });
});

test('annealing variants: WarmupAnnealing, SquareAnnealing (min_lr 1e-5 default), SquareRootAnnealing (unshifted), InverseSquareRoot, Polynomial', () => {
  // WarmupAnnealing W=0, max 100: step 25 -> .75
  assertSteps(build('WarmupAnnealing', { max_steps: 100 }, 100), { 0: 1, 25: 0.75, 99: 0.01, 101: 0 });
  // SquareAnnealing W=0, max 100: step 50 -> .25; step 100 -> max(0, 1e-5) = 1e-5
  assertSteps(build('SquareAnnealing', { max_steps: 100 }, 101), { 50: 0.25, 100: 1e-5 });
  // SquareRootAnnealing W=10, max 100: step 11 -> sqrt(89/100) (no warmup shift: a drop right after warmup)
  assertSteps(build('SquareRootAnnealing', { warmup_steps: 10, max_steps: 100 }, 100), { 10: 1, 11: Math.sqrt(0.89) });
  // InverseSquareRootAnnealing W=3: step 15 -> 1/sqrt(16/4) = .5
  assertSteps(build('InverseSquareRootAnnealing', { warmup_steps: 3, max_steps: 100 }, 100), { 3: 1, 15: 0.5 });
  // PolynomialDecayAnnealing W=10, max 110, power 2, min .1: step 60 -> .9 * .25 + .1
  assertSteps(build('PolynomialDecayAnnealing', { warmup_steps: 10, max_steps: 110, power: 2, min_lr: 0.1 }, 110), { 60: 0.325, 110: 0.1 });
});

test('T5InverseSquareRootAnnealing ignores optim.lr; torch names are delegated', () => {
  // constant 100: step <= 100 -> .1; step 400 -> .05
  assertSteps(build('T5InverseSquareRootAnnealing', { constant_steps: 100, max_steps: 1000 }, 1000, 5), { 0: 0.1, 100: 0.1, 400: 0.05 });
  assertSteps(build('StepLR', { step_size: 10, gamma: 0.5 }, 30), { 9: 1, 10: 0.5 });
  assert.equal(build('NoSuchSched', {}, 10), null);
});
