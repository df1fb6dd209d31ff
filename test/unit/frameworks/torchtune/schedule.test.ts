// torchtune get_cosine_schedule_with_warmup (torchtune/training/lr_schedulers.py): update t uses base * lambda(t).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { torchtuneSchedule } from '../../../../server/src/frameworks/torchtune/schedule';
import { assertSteps } from '../../schedules/expectLr';

test('cosine with warmup: 0 at t=0, base at t=W, base/2 halfway, cosine past T rises', () => {
  // W=10, T=110, base 2e-5: t=0 -> 0; t=5 -> 1e-5; t=10 -> 2e-5; t=60 (p=.5) -> 1e-5; t=109 -> 2e-5 * .5 * (1 + cos(.99 pi));
  // t=110 -> 0 (p=1); t=160 (p=1.5, past the end): .5 * (1 + cos(1.5 pi)) = .5 -> 1e-5 (torchtune does not clamp)
  const s = torchtuneSchedule({
    name: 'torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup',
    params: { num_warmup_steps: 10 },
    baseLr: 2e-5,
    warmupSteps: 0,
    totalSteps: 110,
  });
  assertSteps(s, { 0: 0, 5: 1e-5, 10: 2e-5, 60: 1e-5, 109: 2e-5 * 0.5 * (1 + Math.cos(0.99 * Math.PI)), 110: 0, 160: 1e-5 });
  assert.deepEqual(
    s.markers.map((m) => [m.step, m.kind]),
    [[10, 'warmup-end']],
  );
});

test('num_cycles 1 makes a full period; warmup falls back to the plan warmup', () => {
  // W=0 (plan warmup 0), T=100, cycles 1: t=50 -> 0 (trough), t=75 -> .5, t=99 -> .5 * (1 + cos(2 pi .99))
  assertSteps(
    torchtuneSchedule({ name: 'get_cosine_schedule_with_warmup', params: { num_cycles: 1 }, baseLr: 1, warmupSteps: 0, totalSteps: 100 }),
    {
      0: 1,
      50: 0,
      75: 0.5,
      99: 0.5 * (1 + Math.cos(2 * Math.PI * 0.99)),
    },
  );
  assertSteps(torchtuneSchedule({ name: 'get_cosine_schedule_with_warmup', params: {}, baseLr: 1, warmupSteps: 4, totalSteps: 100 }), {
    0: 0,
    2: 0.5,
    4: 1,
  });
});

test('no lr_scheduler: constant; unknown names are not drawn', () => {
  assertSteps(torchtuneSchedule({ name: 'constant', params: {}, baseLr: 3e-4, warmupSteps: 0, totalSteps: 10 }), { 0: 3e-4, 9: 3e-4 });
  assert.equal(torchtuneSchedule({ name: 'mystery', params: {}, baseLr: 1, warmupSteps: 0, totalSteps: 10 }), null);
});
