// fairseq LR schedulers (fairseq/optim/lr_scheduler/): the update taking num_updates n -> n+1 uses f(n).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fairseqSchedule } from '../../../../server/src/frameworks/fairseq/schedule';
import { assertSteps } from '../../schedules/expectLr';

const build = (name: string, params: Record<string, unknown>, totalSteps: number, stepsPerEpoch?: number) =>
  fairseqSchedule({ name, params, baseLr: 1, warmupSteps: 0, totalSteps, stepsPerEpoch });

test('inverse_sqrt: linear warmup from 0 (or warmup_init_lr) to lr at W, then lr*sqrt(W)/sqrt(n)', () => {
  // lr [5e-4], W 4000, init 1e-7: n=0 -> 1e-7; n=2000 -> 1e-7 + 2000*(5e-4 - 1e-7)/4000; n=4000 -> 5e-4; n=16000 -> 2.5e-4
  assertSteps(build('inverse_sqrt', { lr: [5e-4], warmup_updates: 4000, warmup_init_lr: 1e-7 }, 20000), {
    0: 1e-7,
    2000: 1e-7 + 2000 * ((5e-4 - 1e-7) / 4000),
    4000: 5e-4,
    16000: 2.5e-4,
  });
  // default warmup_init_lr -1 -> 0
  assertSteps(build('inverse_sqrt', { lr: 0.001, warmup_updates: 10 }, 100), { 0: 0, 5: 0.0005, 40: 0.0005 });
});

test('polynomial_decay: 0 at n=0, lr at W, end_learning_rate from total_num_update (= max_update)', () => {
  // lr 1, W 10, max_update 110, power 2, end .1: n=60 -> .9 * .25 + .1 = .325; n=110 -> .1; n=200 -> .1
  assertSteps(build('polynomial_decay', { lr: [1], warmup_updates: 10, power: 2, end_learning_rate: 0.1, max_update: 110 }, 110), {
    0: 0,
    5: 0.5,
    10: 1,
    60: 0.325,
    109: 0.9 * (1 / 100) ** 2 + 0.1,
    200: 0.1,
  });
  assert.equal(build('polynomial_decay', { lr: [1] }, 10), null, 'total_num_update must be > 0');
});

test('cosine: warmup starts at min_lr, restarts shrink by lr_shrink', () => {
  // lr 1, min .1, W 10, period 100 (lr_period_updates): n=0 -> .1; n=5 -> .55; n=10 -> 1; n=60 -> .55;
  // n=110 -> restart with shrink .5: .05 + .5*(.5 - .05)*2 = .5; n=160 -> .05 + .5*.45 = .275
  assertSteps(build('cosine', { lr: [1], min_lr: 0.1, warmup_updates: 10, lr_period_updates: 100, lr_shrink: 0.5, max_update: 500 }, 300), {
    0: 0.1,
    5: 0.55,
    10: 1,
    60: 0.55,
    110: 0.5,
    160: 0.275,
  });
  // t_mult 2: period 10 -> restarts at c = 10, 30: n=30 -> i=2 -> shrink .01 -> lr .01 (min 0)
  assertSteps(build('cosine', { lr: 1, t_mult: 2, lr_period_updates: 10, max_update: 100 }, 100), { 10: 0.1, 20: 0.05, 30: 0.01 });
});

test('tri_stage: linear warmup from init scale, hold, exponential decay to final scale', () => {
  // lr 1, W 10, H 10, D 10, scales .01: n=0 -> .01; n=5 -> .01 + .99*5/10; n=15 -> 1; n=25 -> exp(ln(.01)/2) = .1; n=30 -> .01; n=40 -> .01
  assertSteps(build('tri_stage', { lr: [1], warmup_steps: 10, hold_steps: 10, decay_steps: 10 }, 50), {
    0: 0.01,
    5: 0.01 + 0.099 * 5,
    15: 1,
    25: 0.1,
    30: 0.01,
    40: 0.01,
  });
  // phase_ratio [.1, .4, .5] of max_update 100 -> W 10, H 40, D 50
  assertSteps(build('tri_stage', { lr: [1], phase_ratio: [0.1, 0.4, 0.5], max_update: 100 }, 100), { 10: 1, 49: 1, 75: 0.1 });
});

test('fixed: (n+1)/W warmup; lr lists and force_anneal follow the 1-based epoch', () => {
  // lr [1], W 4: n=0 -> .25; n=3 -> 1
  assertSteps(build('fixed', { lr: [1], warmup_updates: 4 }, 10), { 0: 0.25, 3: 1, 9: 1 });
  // lr [1, .5], force_anneal 3, shrink .1, 10 updates/epoch: epoch 1 (n<10) -> 1; epoch 2 -> .5; epoch 3 -> .5 * .1^(3+1-3) = .05
  assertSteps(build('fixed', { lr: [1, 0.5], force_anneal: 3 }, 40, 10), { 9: 1, 10: 0.5, 20: 0.05, 30: 0.005 });
  assert.equal(build('fixed', { lr: [1, 0.5] }, 40), null, 'an lr list needs updates per epoch');
});

test('step (lr_deacy_period, sic) and reduce_lr_on_plateau', () => {
  // lr 1, W 0, period 10, decay .5, min .2: n=9 -> 1; n=10 -> .5; n=20 -> .25; n=30 -> max(.125, .2) = .2
  assertSteps(build('step', { lr: 1, lr_deacy_period: 10, min_lr: 0.2 }, 40), { 9: 1, 10: 0.5, 20: 0.25, 30: 0.2 });
  const plateau = build('reduce_lr_on_plateau', { lr: 0.1, warmup_updates: 10 }, 40);
  assert.ok(plateau);
  assert.equal(plateau.validationDriven, true);
  assertSteps(plateau, { 5: 0.05, 20: 0.1 });
});
