// Axolotl schedulers (axolotl-ai-cloud/axolotl src/axolotl/utils/schedulers.py). HF stepping: update t (0-based) uses lr(t).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axolotlSchedule } from '../../../../server/src/frameworks/axolotl/schedule';
import { assertSteps } from '../../schedules/expectLr';

const build = (name: string, params: Record<string, unknown>, W: number, T: number, baseLr = 1) =>
  axolotlSchedule({ name, params, baseLr, warmupSteps: W, totalSteps: T });

test('rex starts at 1/W (counter already 1) and reaches min_lr on the last update', () => {
  // T=10, W=3, min ratio .1: s=t+1. t=0 -> 1/3, t=2 -> 1, t=3: a=1, R=7, z=6/7 -> .1 + .9*z/(.1+.9z), t=9: a=7 >= R -> .1
  const z = 6 / 7;
  assertSteps(build('rex', { cosine_min_lr_ratio: 0.1 }, 3, 10), {
    0: 1 / 3,
    1: 2 / 3,
    2: 1,
    3: 0.1 + (0.9 * z) / (0.1 + 0.9 * z),
    9: 0.1,
    12: 0.1,
  });
});

test('cosine + cosine_min_lr_ratio: cosine to the floor, not clamped past T', () => {
  // W=10, T=110, r=.1: t=60 -> .9*.5 + .1 = .55; t=110 -> .1; t=210 (p=2) -> 1
  assertSteps(build('cosine', { cosine_min_lr_ratio: 0.1 }, 10, 110), { 0: 0, 5: 0.5, 10: 1, 60: 0.55, 110: 0.1, 210: 1 });
});

test('cosine + min ratio + constant ratio: minimum at C = int(T * ratio), then flat', () => {
  // W=10, T=100, r=.2, constant .6 -> C=60: t=35 -> .8*.5 + .2 = .6; t=60 -> .2; t=99 -> .2
  const s = build('cosine', { cosine_min_lr_ratio: 0.2, cosine_constant_lr_ratio: 0.6 }, 10, 100);
  assertSteps(s, { 0: 0, 10: 1, 35: 0.6, 60: 0.2, 99: 0.2 });
  assert.ok(s.markers.some((m) => m.step === 60));
});

test('cosine + lr_quadratic_warmup: (t/W)^2 warmup then plain cosine to 0', () => {
  // W=10, T=110: t=5 -> .25, t=10 -> 1, t=60 -> .5, t=110 -> 0
  assertSteps(build('cosine', { lr_quadratic_warmup: true, cosine_min_lr_ratio: 0.3 }, 10, 110), { 5: 0.25, 10: 1, 60: 0.5, 110: 0 });
});

test('min ratio 0 is falsy and falls through to plain HF cosine; other names pass through to get_scheduler', () => {
  assertSteps(build('cosine', { cosine_min_lr_ratio: 0 }, 10, 110), { 60: 0.5, 110: 0 });
  // HF linear with lr_scheduler_kwargs ignored: W=10, T=100 -> t=55 -> .5, t=99 -> 1/90
  assertSteps(build('linear', { cosine_min_lr_ratio: 0.5 }, 10, 100), { 0: 0, 10: 1, 55: 0.5, 99: 1 / 90 });
  assert.equal(build('no_such', {}, 0, 10), null);
});

test('one_cycle is torch OneCycleLR with max_lr = learning_rate and pct_start = W/T', () => {
  // T=100, W=30 -> pct .3: t=0 -> 2e-4/25, t=29 -> 2e-4, t=99 -> 2e-4/25/1e4
  assertSteps(build('one_cycle', {}, 30, 100, 2e-4), { 0: 2e-4 / 25, 29: 2e-4, 99: 2e-4 / 25 / 1e4 });
  // lr_scheduler_kwargs override: div_factor 10
  assertSteps(build('one_cycle', { lr_scheduler_kwargs: { div_factor: 10 } }, 30, 100, 2e-4), { 0: 2e-5 });
});

test('jagged restarts (ReLoRA) scale the inner LR down to the floor at each restart and re-warm', () => {
  // inner constant 1; R=100, warmup 10, anneal 5, floor .001: t=94 -> 1; t=96: q=96 > 95 -> c = 4/5;
  // t=100: q=0 -> c=0 -> .001; t=105: c=.5 -> .5*.999 + .001; t=150 -> 1
  assertSteps(build('constant', { jagged_restart_steps: 100, jagged_restart_warmup_steps: 10, jagged_restart_anneal_steps: 5 }, 0, 300), {
    0: 1,
    94: 1,
    96: 0.8 * 0.999 + 0.001,
    100: 0.001,
    105: 0.5 * 0.999 + 0.001,
    150: 1,
  });
});
