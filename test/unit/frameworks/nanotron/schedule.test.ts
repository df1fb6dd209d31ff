// nanotron lr_scheduler_builder (huggingface/nanotron src/nanotron/helpers.py, src/nanotron/config/config.py
// @2411b022a75fb7f7561a1bb4166706da5e1b76de): LambdaLR, update k uses lambda(t = k).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nanotronSchedule } from '../../../../server/src/frameworks/nanotron/schedule';
import { assertSteps } from '../../schedules/expectLr';

const PI = Math.PI;

function nano(style: string, params: Record<string, unknown>, baseLr = 1, totalSteps = 10) {
  return nanotronSchedule({ name: style, params, baseLr, warmupSteps: 0, totalSteps });
}

// lr 1, W = 2, T = 10, min_decay_lr 0.1: D defaults to T - W = 8 (Config.__post_init__), S to W = 2
const BASE = { lr_warmup_steps: 2, lr_warmup_style: 'linear', min_decay_lr: 0.1 };

test('cosine: LR 0 at update 0, lr at t = W, the floor would come at t = T (never runs)', () => {
  const s = nano('cosine', BASE);
  const v = (t: number) => 0.1 + (0.9 * (1 + Math.cos((PI * (t - 2)) / 8))) / 2;
  assertSteps(s, { 0: 0, 1: 0.5, 2: 1, 3: v(3), 6: v(6), 9: v(9), 10: 0.1 });
  const rounded = [0, 0.5, 1, 0.9657, 0.8682, 0.7222, 0.55, 0.3778, 0.2318, 0.1343];
  rounded.forEach((r, t) => assert.ok(Math.abs((s?.lrAt(t) ?? NaN) - r) < 5e-5, `t=${t}`));
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [[2, 'warmup-end']],
  );
});

test('1-sqrt and linear decay', () => {
  const r = [0, 0.5, 1, 0.6818, 0.55, 0.4489, 0.3636, 0.2885, 0.2206, 0.1581];
  const s = nano('1-sqrt', BASE);
  r.forEach((x, t) => assert.ok(Math.abs((s?.lrAt(t) ?? NaN) - x) < 5e-5, `t=${t}`));
  assertSteps(s, { 3: 0.1 + 0.9 * (1 - Math.sqrt(1 / 8)), 9: 0.1 + 0.9 * (1 - Math.sqrt(7 / 8)) });
  assertSteps(nano('linear', BASE), { 2: 1, 6: 0.1 + (0.9 * (8 - 4)) / 8, 9: 0.1 + (0.9 * 1) / 8 });
});

test('warmup 0 with linear style still gives LR 0 at update 0; constant warmup style gives lr', () => {
  assertSteps(nano('cosine', { lr_warmup_steps: 0, lr_warmup_style: 'linear', min_decay_lr: 0 }), {
    0: 0,
    1: (1 + Math.cos(PI / 10)) / 2,
    5: (1 + Math.cos(PI / 2)) / 2,
  });
  assertSteps(nano('linear', { lr_warmup_steps: 4, lr_warmup_style: 'constant', min_decay_lr: 0 }, 2e-4, 10), {
    0: 2e-4,
    4: 2e-4,
    7: (2e-4 * (6 - 3)) / 6,
  });
});

test('no min_decay_lr: flat at lr after warmup whatever the decay style; no warmup style: rejected', () => {
  assertSteps(nano('cosine', { lr_warmup_steps: 2, lr_warmup_style: 'linear' }), { 1: 0.5, 2: 1, 6: 1, 9: 1 });
  assert.equal(nano('cosine', { lr_warmup_steps: 2, min_decay_lr: 0 }), null);
  assert.equal(nano('exponential', BASE), null);
});

test('lr_decay_starting_step: hold lr until S; the default D = T - W runs the decay past the end of training', () => {
  // T = 100, W = 10, S = 50: D = 90 (set at config load), decay over t in [50, 140)
  const s = nano('linear', { lr_warmup_steps: 10, lr_warmup_style: 'linear', lr_decay_starting_step: 50, min_decay_lr: 0 }, 1, 100);
  assertSteps(s, { 5: 0.5, 10: 1, 49: 1, 50: 1, 99: (90 - 49) / 90 });
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [
      [10, 'warmup-end'],
      [50, 'decay-start'],
    ],
  );
  // an explicit short D leaves a tail at min_decay_lr
  const short = nano('cosine', { lr_warmup_steps: 2, lr_warmup_style: 'linear', lr_decay_steps: 4, min_decay_lr: 0.1 }, 1, 20);
  assertSteps(short, { 2: 1, 4: 0.1 + (0.9 * (1 + Math.cos(PI / 2))) / 2, 6: 0.1, 19: 0.1 });
  assert.deepEqual(
    short?.markers.map((m) => [m.step, m.kind]),
    [
      [2, 'warmup-end'],
      [6, 'phase-end'],
    ],
  );
});
