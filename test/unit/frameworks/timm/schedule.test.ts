// timm schedulers (huggingface/pytorch-image-models timm/scheduler/): t = epoch index (or update index with
// sched_on_updates), lr(t) = _get_lr(t).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timmSchedule } from '../../../../server/src/frameworks/timm/schedule';
import { assertSteps } from '../../schedules/expectLr';

const build = (name: string, params: Record<string, unknown>, totalSteps: number, baseLr = 1, stepsPerEpoch?: number) =>
  timmSchedule({ name, params, baseLr, warmupSteps: 0, totalSteps, stepsPerEpoch });

test('cosine with train.py defaults: warmup from 1e-5 over 5 epochs overlapping the 300-epoch cosine', () => {
  // warmup_t 5, warmup_lr 1e-5, base 1: t=0 -> 1e-5; t=4 -> 1e-5 + 4 * (1 - 1e-5)/5; t=5 -> cosine at 5/300 (below base:
  // warmup_prefix false); t=150 -> .5; t=299 -> .5*(1+cos(299pi/300)); t=300 and cooldown -> min_lr 0 (cycle_limit 1: flat)
  const s = build('cosine', {}, 310);
  assertSteps(s, {
    0: 1e-5,
    4: 1e-5 + 4 * ((1 - 1e-5) / 5),
    5: 0.5 * (1 + Math.cos((Math.PI * 5) / 300)),
    150: 0.5,
    299: 0.5 * (1 + Math.cos((299 * Math.PI) / 300)),
    300: 0,
    309: 0,
  });
  assert.ok(s.lrAt(5) < 1, 'warmup_prefix false: the warmup never reaches base');
});

test('cosine with warmup_prefix, restarts (cycle_limit 3, cycle_decay .5) and min_lr', () => {
  // epochs 10, warmup 2 prefix, min .1: t=2 -> 1 (fresh cycle); t=7 -> .1 + .45*(1+cos(pi/2)) = .55;
  // t=12 -> cycle 2 starts at lr_max .5 -> .5; t=22 -> cycle 3 at .25; t=32 -> cycles exhausted -> .1
  assertSteps(build('cosine', { epochs: 10, warmup_epochs: 2, warmup_lr: 0, warmup_prefix: true, min_lr: 0.1, lr_cycle_limit: 3 }, 40), {
    0: 0,
    1: 0.5,
    2: 1,
    7: 0.55,
    12: 0.5,
    17: 0.1 + 0.5 * 0.4 * (1 + Math.cos(Math.PI / 2)),
    22: 0.25,
    32: 0.1,
  });
});

test('cosine with cycle_mul 2: cycles of 10, 20, 40 epochs', () => {
  // no warmup: t=10 -> i = floor(log2(1 + 10/10)) = 1, t_i=20, t_curr=0 -> lr_max .5 (cycle_decay .5); t=30 -> i=2 -> .25
  assertSteps(build('cosine', { epochs: 10, warmup_epochs: 0, lr_cycle_mul: 2, lr_cycle_limit: 5 }, 80), {
    0: 1,
    10: 0.5,
    20: 0.25 * (1 + Math.cos(Math.PI / 2)),
    30: 0.25,
  });
});

test('step and multistep: multistep decays one epoch before the milestone', () => {
  // step decay_epochs 3, rate .5, no warmup: t=2 -> 1, t=3 -> .5, t=6 -> .25
  assertSteps(build('step', { decay_epochs: 3, decay_rate: 0.5, warmup_epochs: 0 }, 10), { 0: 1, 2: 1, 3: 0.5, 6: 0.25 });
  // multistep milestones [4, 8]: bisect_right([4,8], t+1) -> t=2 -> 1, t=3 -> .1, t=7 -> .01
  assertSteps(build('multistep', { decay_milestones: [4, 8], warmup_epochs: 0 }, 10), { 2: 1, 3: 0.1, 6: 0.1, 7: 0.1 * 0.1 });
});

test('poly uses decay_rate as the power; tanh warms up to its own value at warmup_t', () => {
  // poly epochs 10, power 2 (decay_rate), no warmup: t=5 -> (1 - .5)^2 = .25; t=10 -> cycles done -> 0
  assertSteps(build('poly', { epochs: 10, decay_rate: 2, warmup_epochs: 0 }, 12), { 0: 1, 5: 0.25, 10: 0 });
  // tanh epochs 10, warmup 2 from 0 (no prefix): target = tanh value at t=2: .5*(1 - tanh(-7*.8 + 3*.2)); t=1 -> half of it
  const target = 0.5 * (1 - Math.tanh(-7 * 0.8 + 3 * 0.2));
  assertSteps(build('tanh', { epochs: 10, warmup_epochs: 2, warmup_lr: 0 }, 12), {
    0: 0,
    1: target / 2,
    2: target,
    5: 0.5 * (1 - Math.tanh(-7 * 0.5 + 3 * 0.5)),
  });
});

test('sched_on_updates multiplies epoch quantities by updates per epoch', () => {
  // epochs 3 x 100 updates, warmup 1 epoch = 100 updates from 0: t=50 -> .5; t=100 -> cosine at 100/300
  const s = build('cosine', { epochs: 3, warmup_epochs: 1, warmup_lr: 0, sched_on_updates: true }, 300, 1, 100);
  assertSteps(s, { 50: 0.5, 100: 0.5 * (1 + Math.cos(Math.PI / 3)), 150: 0.5 });
  assert.equal(build('cosine', { sched_on_updates: true }, 300), null, 'updates per epoch unknown');
  assert.equal(build('plateau', {}, 10)?.validationDriven, true);
});
