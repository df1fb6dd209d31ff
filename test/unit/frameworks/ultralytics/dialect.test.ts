import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planOf, ruleIds, yaml } from '../../dialects/analyze';

const hyp = [
  'lr0: 0.01',
  'momentum: 0.937',
  'weight_decay: 0.0005',
  'warmup_epochs: 3.0',
  'warmup_momentum: 0.8',
  'warmup_bias_lr: 0.1',
  'box: 7.0',
  'cls: 0.4',
  'hsv_h: 0.02',
  'mosaic: 0.9',
];

test('Ultralytics: linear decay to lr0×lrf per epoch, trainer-level keys in params, momentum as beta1', () => {
  const plan = planOf(yaml('task: detect', 'epochs: 50', 'optimizer: AdamW', 'cos_lr: false', 'lrf: 0.01', ...hyp), 'ultralytics');
  assert.deepEqual([plan.schedule.framework, plan.schedule.name, plan.schedule.constantAfterWarmup], ['ultralytics', 'linear', false]);
  assert.deepEqual(
    [plan.schedule.params.lrf, plan.schedule.params.epochs, plan.schedule.params.warmup_epochs, plan.schedule.params.cos_lr],
    [0.01, 50, 3, false],
  );
  assert.deepEqual([plan.length.steps, plan.length.unit, plan.warmup.steps], [50, 'epoch', 3]);
  assert.deepEqual([plan.optimizer.family, plan.optimizer.beta1, plan.optimizer.beta2], ['adam', 0.937, 0.999]);
});

test('Ultralytics always decays unless lrf is 1.0; cos_lr gives cosine', () => {
  assert.deepEqual(ruleIds(yaml('lrf: 0.01', ...hyp)), []);
  assert.deepEqual(ruleIds(yaml('lrf: 1.0', ...hyp)), ['constant-lr']);
  assert.equal(planOf(yaml('cos_lr: true', 'lrf: 0.1', ...hyp), 'ultralytics').schedule.name, 'cosine');
});

test('Ultralytics optimizer auto: lr0 is ignored and the plan says so', () => {
  const plan = planOf(yaml('task: detect', 'optimizer: auto', 'lrf: 0.01', ...hyp), 'ultralytics');
  assert.ok(plan.assumptions.some((a) => a.includes('auto')));
  assert.equal(plan.length.steps, 100);
});

test('Ultralytics time budget: epochs are reset from the measured epoch time, so the length is assumed, not judged', () => {
  const head = ['task: detect', 'epochs: 15', 'imgsz: 640', 'optimizer: SGD', 'lr0: 0.001', 'lrf: 0.01', 'warmup_epochs: 3', 'box: 7'];
  const args = (time: string) => yaml(...head, `time: ${time}`);
  const fixed = planOf(args('null'), 'ultralytics');
  assert.deepEqual([fixed.length.steps, fixed.length.assumed], [15, false]);
  // 3 of 15 epochs of warmup is too long for a run of 15 epochs; with `time` the run's epochs are not known.
  assert.ok(ruleIds(args('null')).includes('warmup-too-long'));
  const timed = planOf(args('2.5'), 'ultralytics');
  assert.deepEqual([timed.length.steps, timed.length.assumed], [15, true]);
  assert.ok(timed.assumptions.some((a) => a.includes('`time: 2.5` hours')));
  assert.deepEqual(ruleIds(args('2.5')), []);
});
