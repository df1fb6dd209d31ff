// MaxText create_learning_rate_schedule (AI-Hypercomputer/maxtext src/maxtext/utils/maxtext_utils.py
// @e591f30cbbf217ed67ef71263ec0538239f9c3b8; older cosine src/MaxText/maxtext_utils.py @08216c67963777a346b22ec600d8c3d4a0a9fa9d).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxtextSchedule } from '../../../../server/src/frameworks/maxtext/schedule';
import { assertSteps } from '../../schedules/expectLr';

const PI = Math.PI;

function mt(type: string, params: Record<string, unknown>, baseLr = 1, steps = 10) {
  return maxtextSchedule({ name: type, params, baseLr, warmupSteps: 0, totalSteps: steps });
}
/** make_cos_schedule(lr, final, len) at step c (current form). */
const cosp = (init: number, fin: number, len: number, c: number) => {
  const a = 0.5 * (Math.cos(PI * (len > 1 ? c / (len - 1) : 1.0)) + 1);
  return init * a + fin * (1 - a);
};

test('cosine: warmup from 0, final fraction reached exactly at k = S - 1', () => {
  // steps = S = 10, warmup 0.2 -> W = 2, C = 8, p = c / 7
  const s = mt('cosine', { warmup_steps_fraction: 0.2, learning_rate_final_fraction: 0.1 });
  assertSteps(s, { 0: 0, 1: 0.5, 2: 1, 3: cosp(1, 0.1, 8, 1), 9: 0.1 });
  const rounded = [0, 0.5, 1, 0.9554, 0.8306, 0.6501, 0.4499, 0.2694, 0.1446, 0.1];
  rounded.forEach((r, k) => assert.ok(Math.abs((s?.lrAt(k) ?? NaN) - r) < 5e-5, `k=${k}`));
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [[2, 'warmup-end']],
  );
});

test('defaults: warmup 0.1, final 0.1, learning_rate_schedule_steps -1 = steps', () => {
  const s = mt('cosine', { learning_rate_schedule_steps: -1 }, 3e-5, 1000);
  assertSteps(s, { 50: 3e-5 * 0.5, 100: 3e-5, 549: cosp(3e-5, 3e-6, 900, 449), 999: 3e-6 });
});

test('steps > S: LR 0 from k = S; steps < S: cut mid-schedule', () => {
  const s = mt('cosine', { warmup_steps_fraction: 0.2, learning_rate_schedule_steps: 10 }, 1, 12);
  assertSteps(s, { 9: 0.1, 10: 0, 11: 0 });
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [
      [2, 'warmup-end'],
      [10, 'phase-end'],
    ],
  );
  const cut = mt('cosine', { warmup_steps_fraction: 0.1, learning_rate_schedule_steps: 100 }, 1, 50);
  assertSteps(cut, { 49: cosp(1, 0.1, 90, 39) });
});

test('WSD: stable lr, then linear lin(lr -> final, D - 1) or cosine over D; D = 1 stays at lr', () => {
  // S = 10, W = 2, D = int(10 * 0.3) = 3, stable 5: decay at k = 7, 8, 9
  const p = { warmup_steps_fraction: 0.2, wsd_decay_steps_fraction: 0.3, learning_rate_final_fraction: 0.1 };
  const lin = mt('wsd', p);
  assertSteps(lin, { 1: 0.5, 2: 1, 6: 1, 7: 1, 8: (1 - 0.1) * (1 - 1 / 2) + 0.1, 9: 0.1 });
  assert.deepEqual(
    lin?.markers.map((m) => [m.step, m.kind]),
    [
      [2, 'warmup-end'],
      [7, 'decay-start'],
    ],
  );
  const cos = mt('wsd', { ...p, wsd_decay_style: 'cosine' });
  assertSteps(cos, { 7: 1, 8: cosp(1, 0.1, 3, 1), 9: 0.1 });
  assert.ok(Math.abs((cos?.lrAt(8) ?? 0) - 0.55) < 1e-12);
  // D = int(10 * 0.1) = 1: lin(lr -> final, 0) is the constant lr
  assertSteps(mt('wsd', { warmup_steps_fraction: 0.2 }), { 9: 1 });
  assert.equal(mt('wsd', { ...p, wsd_decay_style: 'exponential' }), null);
});

test('warmup fraction 1.0 skips the cosine; older configs (cosine_learning_rate_final_fraction) use p = c / C', () => {
  assertSteps(mt('cosine', { warmup_steps_fraction: 1.0 }), { 0: 0, 5: 0.5, 9: 0.9 });
  const old = mt('cosine', { warmup_steps_fraction: 0.2, cosine_learning_rate_final_fraction: 0.1 });
  const a = (c: number) => 0.5 * (Math.cos((PI * c) / 8) + 1);
  assertSteps(old, { 0: 0, 2: 1, 3: a(1) + 0.1 * (1 - a(1)), 9: a(7) + 0.1 * (1 - a(7)) });
  assert.ok((old?.lrAt(9) ?? 0) > 0.1, 'the older cosine never reaches the final fraction');
  assert.equal(mt('wsd', { cosine_learning_rate_final_fraction: 0.1 }), null);
  assert.equal(mt('Cosine', {}), null);
});
