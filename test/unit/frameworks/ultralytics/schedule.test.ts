// Ultralytics trainer LR (ultralytics/engine/trainer.py): epoch lambda lf(e), per-batch warmup overriding it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pythonRound, ultralyticsSchedule } from '../../../../server/src/frameworks/ultralytics/schedule';
import { assertSteps } from '../../schedules/expectLr';

const build = (params: Record<string, unknown>, totalSteps: number, unit: 'step' | 'epoch', stepsPerEpoch?: number, baseLr = 0.01) =>
  ultralyticsSchedule({ name: 'linear', params, baseLr, warmupSteps: 0, totalSteps, stepsPerEpoch, unit });

test('per epoch, linear: epoch e uses lr0 * ((1 - e/E)(1 - lrf) + lrf); the last epoch never uses lr0 * lrf', () => {
  // E=5, lrf .01, lr0 1: e=0 -> 1, e=1 -> .8*.99 + .01 = .802, e=4 (last) -> .2*.99 + .01 = .208, e=5 -> .01
  assertSteps(build({ epochs: 5 }, 5, 'epoch', undefined, 1), { 0: 1, 1: 0.802, 4: 0.208, 5: 0.01 });
});

test('per epoch, cosine: lf = (1 - cos(pi e/E))/2 * (lrf - 1) + 1', () => {
  // E=10, lrf .1: e=5 -> .5*(-.9) + 1 = .55; e=10 -> .1
  assertSteps(build({ epochs: 10, lrf: 0.1, cos_lr: true }, 10, 'epoch', undefined, 1), { 0: 1, 5: 0.55, 10: 0.1 });
});

test('per batch: warmup from 0 to the epoch LR over round(warmup_epochs * nb) batches, then a held plateau', () => {
  // E=10, nb=100, warmup 1.5 epochs -> nw=150. lr0 1, lrf .01 linear: lf(0)=1, lf(1)=.901.
  // ni=0 -> 0; ni=50 (epoch 0) -> 1/150*50; ni=100 (epoch 1, target .901) -> .901/150*100; ni=149 -> .901/150*149;
  // ni=150..199 stay at the ni=149 value (no scheduler step until epoch 2); ni=200 -> lf(2) = .802; ni=999 -> lf(9) = .109
  const s = build({ epochs: 10, warmup_epochs: 1.5 }, 1000, 'step', 100, 1);
  const held = (0.901 / 150) * 149;
  assertSteps(s, { 0: 0, 50: (1 / 150) * 50, 100: (0.901 / 150) * 100, 149: held, 150: held, 199: held, 200: 0.802, 999: 0.109 });
  assert.deepEqual(
    s.markers.map((m) => m.step),
    [150],
  );
});

test('warmup is capped at epochs - 1 and rounded half to even', () => {
  assert.equal(pythonRound(2.5), 2);
  assert.equal(pythonRound(3.5), 4);
  // E=2, warmup 3 -> we = min(3, 1) = 1 -> nw = nb = 10: ni=5 -> .5 * lf(0) = .5; ni=10 -> lf(1) = .5*.99 + .01
  assertSteps(build({ epochs: 2, warmup_epochs: 3 }, 20, 'step', 10, 1), { 5: 0.5, 9: 0.9, 10: 0.505 });
});
