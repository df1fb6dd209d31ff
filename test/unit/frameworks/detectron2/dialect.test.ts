import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planOf, ruleIds, yaml } from '../../dialects/analyze';

test('detectron2: STEPS tuple string becomes a list, SOLVER keys copied into params', () => {
  const plan = planOf(
    yaml(
      '_BASE_: "../Base-RCNN-FPN.yaml"',
      'MODEL:',
      '  MASK_ON: False',
      'SOLVER:',
      '  BASE_LR: 0.02',
      '  STEPS: (120000, 160000)',
      '  MAX_ITER: 180000',
      '  WARMUP_ITERS: 500',
    ),
    'detectron2',
  );
  assert.deepEqual([plan.schedule.framework, plan.schedule.name], ['detectron2', 'WarmupMultiStepLR']);
  assert.deepEqual(plan.schedule.params.STEPS, [120000, 160000]);
  assert.deepEqual(
    [plan.schedule.params.GAMMA, plan.schedule.params.WARMUP_FACTOR, plan.schedule.params.WARMUP_METHOD],
    [0.1, 0.001, 'linear'],
  );
  assert.deepEqual([plan.baseLr, plan.warmup.steps, plan.length.steps, plan.optimizer.family], [0.02, 500, 180000, 'sgd']);
});

test('detectron2: missing SOLVER values take defaults and the plan names the _BASE_ file', () => {
  const plan = planOf(yaml('_BASE_: "../Base.yaml"', 'MODEL: {}', 'SOLVER:', '  IMS_PER_BATCH: 16'), 'detectron2');
  assert.deepEqual([plan.baseLr, plan.length.steps, plan.schedule.params.STEPS], [0.001, 40000, [30000]]);
  assert.ok(plan.assumptions.some((a) => a.includes('../Base.yaml')));
});

test('detectron2: GAMMA 1 or no step inside MAX_ITER is constant in effect', () => {
  assert.deepEqual(ruleIds(yaml('MODEL: {}', 'SOLVER:', '  BASE_LR: 0.01', '  STEPS: (100,)', '  GAMMA: 1.0', '  MAX_ITER: 200')), [
    'constant-lr',
  ]);
  assert.deepEqual(ruleIds(yaml('MODEL: {}', 'SOLVER:', '  BASE_LR: 0.01', '  STEPS: (300,)', '  MAX_ITER: 200')), ['constant-lr']);
  assert.deepEqual(ruleIds(yaml('MODEL: {}', 'SOLVER:', '  BASE_LR: 0.01', '  STEPS: (100,)', '  MAX_ITER: 200')), ['piecewise-schedule']);
});

test('detectron2: an unreadable STEPS is an invalid-value finding', () => {
  assert.deepEqual(ruleIds(yaml('MODEL: {}', 'SOLVER:', '  BASE_LR: 0.01', '  STEPS: soon', '  MAX_ITER: 200')), ['invalid-value']);
});
