import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planOf, ruleIds, yaml } from '../../dialects/analyze';

const head = ['base_model: org/model', 'datasets:', '  - path: data', '    type: alpaca', 'micro_batch_size: 2', 'sequence_len: 2048'];

test('axolotl: cosine by default, default warmup min(3%, 100), Adam defaults', () => {
  const plan = planOf(yaml(...head, 'max_steps: 1000', 'learning_rate: 2e-5'), 'axolotl');
  assert.deepEqual([plan.schedule.framework, plan.schedule.name, plan.schedule.explicit], ['axolotl', 'cosine', false]);
  assert.equal(plan.warmup.steps, 30);
  assert.deepEqual([plan.length.steps, plan.length.assumed], [1000, false]);
  assert.deepEqual([plan.optimizer.beta1, plan.optimizer.beta2, plan.optimizer.epsilon], [0.9, 0.999, 1e-8]);
  assert.equal(plan.baseLr, 2e-5);
});

test('axolotl: warmup_ratio floors; adam_epsilon read, adam_eps ignored; trainer-level cosine keys in params', () => {
  const plan = planOf(
    yaml(
      ...head,
      'max_steps: 333',
      'learning_rate: 0.0001',
      'lr_scheduler: cosine',
      'cosine_min_lr_ratio: 0.1',
      'warmup_ratio: 0.1',
      'adam_beta2: 0.95',
      'adam_eps: 0.001',
    ),
    'axolotl',
  );
  assert.deepEqual([plan.warmup.steps, plan.warmup.ratio], [33, 0.1]);
  assert.equal(plan.optimizer.epsilon, 1e-8);
  assert.equal(plan.optimizer.beta2, 0.95);
  assert.equal(plan.schedule.params.cosine_min_lr_ratio, 0.1);
  assert.equal(plan.schedule.constantAfterWarmup, false);
});

test('axolotl: cosine_min_lr_ratio 1.0 is constant in effect; constant_with_warmup is constant', () => {
  assert.deepEqual(
    ruleIds(yaml(...head, 'max_steps: 100', 'learning_rate: 2e-5', 'cosine_min_lr_ratio: 1.0', 'cosine_constant_lr_ratio: 0')),
    ['constant-lr'],
  );
  assert.equal(
    planOf(yaml(...head, 'learning_rate: 2e-5', 'lr_scheduler: constant_with_warmup'), 'axolotl').schedule.constantAfterWarmup,
    true,
  );
});

test('axolotl: a fractional warmup_steps is invalid (the schema types it as int); null optimizer means the default', () => {
  assert.deepEqual(ruleIds(yaml(...head, 'max_steps: 100', 'learning_rate: 2e-5', 'warmup_steps: 0.1')), ['invalid-value']);
  const plan = planOf(yaml(...head, 'learning_rate: 2e-5', 'optimizer:', 'lr_scheduler:'), 'axolotl');
  assert.deepEqual([plan.optimizer.name, plan.schedule.name], ['adamw_torch', 'cosine']);
});
