// OLMo schedulers (allenai/OLMo olmo/optim.py, olmo/train.py @59a53e3f68e546330ca5a99ec626e58f9ab96494):
// update k uses s = k + 1 (global_step is incremented before the batch); tokens units use s = (k + 1) * B * L.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { olmoDuration } from '../../../../server/src/frameworks/olmo/duration';
import { olmoSchedule } from '../../../../server/src/frameworks/olmo/schedule';
import { assertSteps } from '../../schedules/expectLr';

const PI = Math.PI;

function olmo(name: string, params: Record<string, unknown>, baseLr = 1, totalSteps = 12) {
  return olmoSchedule({ name, params, baseLr, warmupSteps: 0, totalSteps });
}

// lr 1, W = 2, M = 10, alpha_f 0.1; the run takes 12 updates (the default stop_at is max_steps + 10; 12 is enough here).
const BASE = { t_warmup: 2, max_steps: 10, alpha_f: 0.1 };

test('cosine_with_warmup: warmup from 0.1 lr at s = k + 1, lr at s = W, alpha_f * lr from s = M on', () => {
  const s = olmo('cosine_with_warmup', BASE);
  const v = (step: number) => 0.1 + (0.9 * (1 + Math.cos((PI * (step - 2)) / 8))) / 2;
  assertSteps(s, { 0: 0.1 + (0.9 * 1) / 2, 1: 1, 2: v(3), 5: v(6), 8: v(9), 9: 0.1, 10: 0.1, 11: 0.1 });
  const rounded = [0.55, 1, 0.9657, 0.8682, 0.7222, 0.55, 0.3778, 0.2318, 0.1343, 0.1, 0.1, 0.1];
  rounded.forEach((r, k) => assert.ok(Math.abs((s?.lrAt(k) ?? NaN) - r) < 5e-5, `k=${k}`));
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [
      [1, 'warmup-end'],
      [9, 'horizon'],
    ],
  );
});

test('linear_with_warmup and cosine_linear_envelope', () => {
  const rounded = [0.55, 1, 0.8875, 0.775, 0.6625, 0.55, 0.4375, 0.325, 0.2125, 0.1, 0.1, 0.1];
  const s = olmo('linear_with_warmup', BASE);
  rounded.forEach((r, k) => assertSteps(s, { [k]: k === 0 ? 0.1 + 0.9 / 2 : r }));
  const e = olmo('cosine_linear_envelope', BASE);
  // s = 6: x = 0.5 -> 0.1 + 0.5 * 0.9 * (1 + cos(pi/2)) / 2
  assertSteps(e, { 1: 1, 5: 0.1 + (1 - 0.5) * ((0.9 * (1 + Math.cos(PI * 0.5))) / 2), 9: 0.1 });
});

test('inverse_sqrt ignores alpha_f and M; t_warmup 0 gives 0 for the whole run; max_scheduler takes the max', () => {
  const s = olmo('inverse_sqrt_with_warmup', { t_warmup: 4, max_steps: 10 }, 1, 20);
  assertSteps(s, { 0: 0.1 + (0.9 * 1) / 4, 3: 1, 15: Math.sqrt(4 / 16), 19: Math.sqrt(4 / 20) });
  assertSteps(olmo('inverse_sqrt_with_warmup', { t_warmup: 0 }, 3e-4, 100), { 0: 0, 50: 0, 99: 0 });
  const m = olmo('max_scheduler', { t_warmup: 2, max_steps: 10, alpha_f: 0.1 }, 1, 12);
  // s = 10: cosine 0.1, inverse_sqrt sqrt(2/10) = 0.447...
  assertSteps(m, { 0: 0.55, 4: Math.max(0.1 + (0.9 * (1 + Math.cos((PI * 3) / 8))) / 2, Math.sqrt(2 / 5)), 9: Math.sqrt(2 / 10) });
});

test('constant ignores t_warmup; constant_with_warmup warms up; warmup_min_lr; t_warmup truncated', () => {
  assertSteps(olmo('constant', { t_warmup: 100 }, 4e-4, 50), { 0: 4e-4, 49: 4e-4 });
  assertSteps(olmo('constant_with_warmup', { t_warmup: 10, warmup_min_lr: 0 }, 1, 50), { 0: 0.1, 4: 0.5, 9: 1, 49: 1 });
  // t_warmup 2.9 -> int() 2
  assertSteps(olmo('cosine_with_warmup', { ...BASE, t_warmup: 2.9 }), { 0: 0.55, 1: 1 });
  // t_max overrides the horizon (int()): M = 6
  assertSteps(olmo('linear_with_warmup', { ...BASE, t_max: 6.5 }), { 3: 1 - 0.9 * (2 / 4), 5: 0.1, 9: 0.1 });
  // warmup_min_lr must be below lr: the run asserts, nothing is drawn
  assert.equal(olmo('cosine_with_warmup', { ...BASE, warmup_min_lr: 1 }), null);
  assert.equal(olmo('cosine', BASE), null);
});

test('defaults: t_warmup 100, alpha_f 0.1, warmup from 0.1 lr, horizon = max_steps (totalSteps when absent)', () => {
  const s = olmo('cosine_with_warmup', {}, 4e-4, 1000);
  assertSteps(s, { 0: 4e-5 + ((4e-4 - 4e-5) * 1) / 100, 98: 4e-5 + ((4e-4 - 4e-5) * 99) / 100, 99: 4e-4, 999: 4e-5 });
});

test('tokens units: t_warmup and t_max in tokens, s = (k + 1) * B * L', () => {
  // B * L = 1000 tokens per step; t_warmup 2000 tokens and 10000 tokens: the steps case again
  const t = olmo('cosine_with_warmup', { units: 'tokens', t_warmup: 2000, max_tokens: 10000, tokens_per_step: 1000, alpha_f: 0.1 });
  const s = olmo('cosine_with_warmup', BASE);
  for (let k = 0; k < 12; k++) assertSteps(t, { [k]: s?.lrAt(k) ?? NaN });
  // t_warmup 2500 tokens: k = 0 -> s = 1000 -> 0.1 + 0.9 * 0.4; k = 1 -> 0.1 + 0.9 * 0.8; k = 2 -> x = 500 / 7500
  const u = olmo('cosine_with_warmup', { units: 'tokens', t_warmup: 2500, max_tokens: 10000, tokens_per_step: 1000 });
  assertSteps(u, { 0: 0.1 + (0.9 * 1000) / 2500, 1: 0.1 + (0.9 * 2000) / 2500, 2: 0.1 + (0.9 * (1 + Math.cos((PI * 500) / 7500))) / 2 });
  assert.equal(olmo('cosine_with_warmup', { units: 'tokens', t_warmup: 2000 }), null, 'tokens need tokens_per_step');
});

test('max_duration: steps, tokens rounded up to whole steps, floats and underscores as Python reads them', () => {
  assert.deepEqual(olmoDuration(250000, undefined), { steps: 250000 });
  assert.deepEqual(olmoDuration('739_328', undefined), { steps: 739328 });
  assert.deepEqual(olmoDuration('2e12T', 4 * 1024 * 1024), { steps: Math.ceil(2e12 / (4 * 1024 * 1024)), tokens: 2e12 });
  assert.deepEqual(olmoDuration('1.5e3', undefined), { steps: 1500 });
  assert.equal(olmoDuration('2ep', 1000), undefined);
  assert.equal(olmoDuration('2e12T', undefined), undefined);
});
