// detectron2 (detectron2/solver/build.py, fvcore param_scheduler.py): iteration i uses BASE_LR * M(i / MAX_ITER), warmup not re-normalized.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectron2Schedule } from '../../../../server/src/frameworks/detectron2/schedule';
import { assertSteps } from '../../schedules/expectLr';

const build = (name: string, params: Record<string, unknown>, totalSteps: number, baseLr = 1) =>
  detectron2Schedule({ name, params, baseLr, warmupSteps: 0, totalSteps });

test('WarmupMultiStepLR: linear warmup from WARMUP_FACTOR, drops AT each step, steps beyond MAX_ITER dropped', () => {
  // MAX_ITER 1000, STEPS [600, 800, 5000], GAMMA .1, warmup 100 from .001:
  // i=0 -> .001; i=50 -> a = .5: .001*.5 + 1*.5 = .5005; i=100 -> 1; i=599 -> 1; i=600 -> .1; i=800 -> .01; i=999 -> .01
  const s = build('WarmupMultiStepLR', { 'SOLVER.MAX_ITER': 1000, 'SOLVER.STEPS': [600, 800, 5000], 'SOLVER.WARMUP_ITERS': 100 }, 1000);
  assertSteps(s, { 0: 0.001, 50: 0.5005, 100: 1, 599: 1, 600: 0.1, 800: 0.1 * 0.1, 999: 0.1 * 0.1 });
  assert.deepEqual(
    s.markers.map((m) => m.step).sort((a, b) => a - b),
    [100, 600, 800],
    'warmup end and the two kept steps',
  );
  assert.equal(build('WarmupMultiStepLR', { MAX_ITER: 1000, STEPS: [1000] }, 1000), null, 'a step equal to MAX_ITER raises in fvcore');
});

test('WarmupCosineLR: the cosine spans the whole run and the warmup ends on its value at WARMUP_ITERS', () => {
  // MAX_ITER 1000, BASE_LR 2, BASE_LR_END .2 -> end .1; warmup 100, factor .001:
  // M(0) = .001 * 1; end_value = .1 + .45 * (1 + cos(.1 pi)); i=50 -> .5 * .001 + .5 * end_value; i=100 -> end_value (< 1);
  // i=500 -> .1 + .45 = .55; i=999 -> .1 + .45 * (1 + cos(.999 pi))
  const endValue = 0.1 + 0.45 * (1 + Math.cos(0.1 * Math.PI));
  assertSteps(build('WarmupCosineLR', { MAX_ITER: 1000, BASE_LR_END: 0.2, WARMUP_ITERS: 100 }, 1000, 2), {
    0: 0.002,
    50: 2 * (endValue * 0.5 + 0.001 * 0.5),
    100: 2 * endValue,
    500: 1.1,
    999: 2 * (0.1 + 0.45 * (1 + Math.cos(0.999 * Math.PI))),
  });
});

test('constant warmup, RESCALE_INTERVAL, WarmupStepWithFixedGammaLR', () => {
  // constant warmup: i < 100 -> factor .001 * M(0)
  assertSteps(build('WarmupMultiStepLR', { MAX_ITER: 1000, STEPS: [500], WARMUP_ITERS: 100, WARMUP_METHOD: 'constant' }, 1000), {
    0: 0.001,
    99: 0.001,
    100: 1,
  });
  // rescale: cosine restarted after warmup: i=100 -> M(0) = 1; i=550 -> (550-100)/900 = .5 -> .5
  assertSteps(build('WarmupCosineLR', { MAX_ITER: 1000, WARMUP_ITERS: 100, RESCALE_INTERVAL: true }, 1000), { 100: 1, 550: 0.5 });
  // fixed gamma: 4 equal chunks of 1000: i=249 -> 1; i=250 -> .5; i=750 -> .125 (gamma .5)
  assertSteps(build('WarmupStepWithFixedGammaLR', { MAX_ITER: 1000, GAMMA: 0.5, WARMUP_ITERS: 0 }, 1000), {
    0: 1,
    249: 1,
    250: 0.5,
    750: 0.125,
  });
});
