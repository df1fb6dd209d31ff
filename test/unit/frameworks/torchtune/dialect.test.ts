import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planOf, ruleIds, yaml } from '../../dialects/analyze';

const head = [
  'model:',
  '  _component_: torchtune.models.llama3_2.llama3_2_1b',
  'epochs: 2',
  'max_steps_per_epoch: 50',
  'optimizer:',
  '  _component_: torch.optim.AdamW',
  '  lr: 3e-4',
];

test('torchtune: cosine with warmup from _component_ paths, lr as YAML 1.1 string, max_steps_per_epoch length', () => {
  const plan = planOf(
    yaml(
      ...head,
      'lr_scheduler:',
      '  _component_: torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup',
      '  num_warmup_steps: 10',
    ),
    'torchtune',
  );
  assert.equal(plan.baseLr, 3e-4);
  assert.deepEqual([plan.schedule.framework, plan.schedule.name], ['torchtune', 'get_cosine_schedule_with_warmup']);
  assert.equal(plan.schedule.params.num_warmup_steps, 10);
  assert.equal(plan.warmup.steps, 10);
  assert.deepEqual([plan.length.steps, plan.length.assumed], [100, true]);
  assert.deepEqual(
    [plan.optimizer.name, plan.optimizer.family, plan.optimizer.beta1, plan.optimizer.beta2, plan.optimizer.epsilon],
    ['AdamW', 'adam', 0.9, 0.999, 1e-8],
  );
});

test('torchtune without lr_scheduler is constant (framework default) and constant-lr fires', () => {
  const text = yaml(...head);
  const plan = planOf(text, 'torchtune');
  assert.equal(plan.schedule.explicit, false);
  assert.equal(plan.schedule.constantAfterWarmup, true);
  assert.deepEqual(ruleIds(text), ['constant-lr']);
});

test('torchtune naming a torch scheduler: framework pytorch, short class name, StepLR gamma 1 is constant', () => {
  const plan = planOf(
    yaml(...head, 'lr_scheduler:', '  _component_: torch.optim.lr_scheduler.StepLR', '  step_size: 10', '  gamma: 1'),
    'torchtune',
  );
  assert.deepEqual([plan.schedule.framework, plan.schedule.name, plan.schedule.constantAfterWarmup], ['pytorch', 'StepLR', true]);
  const decaying = planOf(yaml(...head, 'lr_scheduler:', '  _component_: torch.optim.lr_scheduler.StepLR', '  step_size: 10'), 'torchtune');
  assert.equal(decaying.schedule.constantAfterWarmup, false);
});

test('torchtune RL recipe: num_steps is the length; betas written as a list', () => {
  const plan = planOf(
    yaml(
      ...head.slice(0, 2),
      'num_steps: 200',
      'optimizer:',
      '  _component_: torch.optim.AdamW',
      '  lr: 1e-5',
      '  betas: [0.9, 0.95]',
      '  eps: 1e-6',
    ),
    'torchtune',
  );
  assert.deepEqual([plan.length.steps, plan.length.assumed, plan.optimizer.beta2, plan.optimizer.epsilon], [200, false, 0.95, 1e-6]);
});

test('torchtune: an invalid lr is an invalid-value finding on the value', () => {
  assert.deepEqual(ruleIds(yaml(...head.slice(0, 6), '  lr: fast')), ['invalid-value']);
});
