import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planOf, ruleIds, yaml } from '../../dialects/analyze';

test('timm: cosine stepped per epoch over epochs + cooldown, YAML 1.1 string min_lr coerced', () => {
  const plan = planOf(
    yaml(
      'epochs: 300',
      'warmup_epochs: 15',
      'cooldown_epochs: 5',
      'opt: adamw',
      'lr: 0.004',
      'min_lr: 4e-6',
      'warmup_lr: 2e-6',
      'sched: cosine',
      'weight_decay: 4e-2',
      'opt_betas: [0.9, 0.98]',
    ),
    'timm',
  );
  assert.deepEqual(
    [plan.schedule.framework, plan.schedule.name, plan.schedule.params.min_lr, plan.schedule.params.warmup_lr],
    ['timm', 'cosine', 4e-6, 2e-6],
  );
  assert.deepEqual([plan.length.steps, plan.length.unit, plan.warmup.steps, plan.baseLr], [305, 'epoch', 15, 0.004]);
  assert.deepEqual([plan.optimizer.beta2, plan.optimizer.weightDecay], [0.98, 0.04]);
});

test('timm: lr null falls back to lr_base scaled by batch size; step with decay_rate 1 is constant; plateau is validation-driven', () => {
  const plan = planOf(yaml('opt: sgd', 'lr: null', 'batch_size: 512', 'sched: step', 'epochs: 90', 'warmup_epochs: 0'), 'timm');
  assert.equal(plan.baseLr, 0.2);
  assert.deepEqual(ruleIds(yaml('opt: sgd', 'lr: 0.1', 'sched: step', 'decay_rate: 1.0', 'epochs: 90', 'warmup_epochs: 0')), [
    'constant-lr',
  ]);
  assert.deepEqual(ruleIds(yaml('opt: sgd', 'lr: 0.1', 'sched: plateau', 'epochs: 90', 'warmup_epochs: 0')), [
    'validation-driven-schedule',
  ]);
});

test('timm: sched_on_updates counts optimizer steps (steps per epoch from the directive)', () => {
  const plan = planOf(
    yaml(
      '# lr-lens: steps-per-epoch=100',
      'opt: adamw',
      'lr: 1e-3',
      'sched: cosine',
      'epochs: 10',
      'warmup_epochs: 1',
      'sched_on_updates: true',
    ),
    'timm',
  );
  assert.deepEqual([plan.length.steps, plan.length.unit, plan.warmup.steps], [1000, 'step', 100]);
});
