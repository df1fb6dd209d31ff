// TF Model Garden schedules (tensorflow/models official/modeling/optimization/lr_schedule.py): update k uses lr(k);
// warmup wraps the decay at the global step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tfModelGardenSchedule } from '../../../../server/src/frameworks/tf-model-garden/schedule';
import { assertSteps } from '../../schedules/expectLr';

const build = (name: string, params: Record<string, unknown>, totalSteps: number, baseLr = 1) =>
  tfModelGardenSchedule({ name, params, baseLr, warmupSteps: 0, totalSteps });

test('cosine with linear warmup: the warmup ends on the cosine value at W (decay counts from step 0)', () => {
  // init .001, decay_steps 1000, alpha .1, warmup linear 100 from 0: final = .001 * (.9 * .5 * (1 + cos(.1 pi)) + .1);
  // k=50 -> final/2; k=500 -> .001 * (.45 + .1); k=1000 and past -> .001 * .1 (clamped at decay_steps)
  const final = 0.001 * (0.9 * 0.5 * (1 + Math.cos(0.1 * Math.PI)) + 0.1);
  const s = build(
    'cosine',
    {
      initial_learning_rate: 0.001,
      decay_steps: 1000,
      alpha: 0.1,
      warmup: { type: 'linear', linear: { warmup_steps: 100, warmup_learning_rate: 0 } },
    },
    1200,
  );
  assertSteps(s, { 0: 0, 50: final / 2, 100: final, 500: 0.00055, 1000: 0.0001, 1199: 0.0001 });
  assert.ok(s.lrAt(100) < 0.001, 'warmup never reaches initial_learning_rate');
});

test('stepwise changes one step after each boundary (inclusive upper bounds)', () => {
  // boundaries [100, 200], values [1, .1, .01]: k=100 -> 1; k=101 -> .1; k=201 -> .01
  assertSteps(build('stepwise', { boundaries: [100, 200], values: [1, 0.1, 0.01] }, 300), { 0: 1, 100: 1, 101: 0.1, 200: 0.1, 201: 0.01 });
  assert.equal(build('stepwise', { boundaries: [100], values: [1] }, 300), null);
});

test('polynomial (end_learning_rate default 1e-4), exponential (staircase), polynomial warmup from init/W', () => {
  // init 1, decay 100, power 1: k=50 -> .9999 * .5 + 1e-4; k=150 -> 1e-4
  assertSteps(build('polynomial', { initial_learning_rate: 1, decay_steps: 100 }, 200), { 50: 0.9999 * 0.5 + 1e-4, 150: 1e-4 });
  // exponential rate .5 per 10 steps: k=5 -> .5^.5; staircase k=15 -> .5
  assertSteps(build('exponential', { initial_learning_rate: 1, decay_steps: 10, decay_rate: 0.5 }, 100), { 5: 0.5 ** 0.5, 20: 0.25 });
  assertSteps(build('exponential', { initial_learning_rate: 1, decay_steps: 10, decay_rate: 0.5, staircase: true }, 100), { 15: 0.5 });
  // polynomial warmup power 1, W 10 on a constant .5: k=0 -> .5 * 1/10 (max(step,1)); k=5 -> .25; k=10 -> .5
  assertSteps(build('constant', { learning_rate: 0.5, warmup: { type: 'polynomial', polynomial: { warmup_steps: 10 } } }, 100), {
    0: 0.05,
    5: 0.25,
    10: 0.5,
  });
});

test('power family and step_cosine_with_offset', () => {
  // power -.5 on init 1: k=0 -> 1 (max(step,1)); k=4 -> .5
  assertSteps(build('power', { initial_learning_rate: 1 }, 10), { 0: 1, 4: 0.5 });
  // power_linear total 100, fraction .1: k=95 -> 95^-.5 * (5/10)
  assertSteps(build('power_linear', { initial_learning_rate: 1, total_decay_steps: 100 }, 100), {
    95: 95 ** -0.5 * 0.5,
    99: 99 ** -0.5 * 0.1,
  });
  // power_with_offset offset 10, pre 1: k=10 -> 1; k=14 -> min(4^-.5, 1) = .5
  assertSteps(build('power_with_offset', { initial_learning_rate: 1, offset: 10, pre_offset_learning_rate: 1 }, 100), { 10: 1, 14: 0.5 });
  // step cosine boundaries [0, 100], values [1, .1]: k=50 -> (1 - .1) * (cos(pi/2) + 1)/2 + .1 = .55; k=100 -> .1
  assertSteps(build('step_cosine_with_offset', { boundaries: [0, 100], values: [1, 0.1] }, 200), { 0: 1, 50: 0.55, 100: 0.1 });
});
