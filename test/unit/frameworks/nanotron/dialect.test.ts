import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dialectOf, planOf, ruleIds, yaml } from '../../dialects/analyze';
import { fixedBy } from '../fixedBy';

const config = (scheduler: string[], trainSteps = 2000) =>
  yaml(
    'general: {project: test, run: tiny}',
    'parallelism: {dp: 2, pp: 1, tp: 1}',
    'optimizer:',
    '  zero_stage: 0',
    '  weight_decay: 0.01',
    '  learning_rate_scheduler:',
    ...scheduler.map((line) => `    ${line}`),
    '  optimizer_factory: {name: adamW, adam_beta1: 0.9, adam_beta2: 0.95, adam_eps: 1.0e-08, torch_adam_is_fused: true}',
    `tokens: {train_steps: ${trainSteps}, sequence_length: 256, micro_batch_size: 2, batch_accumulation_per_replica: 1}`,
  );

test('nanotron: scheduler block read; decay steps default to train_steps - warmup', () => {
  const plan = planOf(
    config(['learning_rate: 3.0e-4', 'lr_warmup_steps: 20', 'lr_warmup_style: linear', 'lr_decay_style: cosine', 'min_decay_lr: 1.0e-05']),
    'nanotron',
  );
  assert.deepEqual(
    [plan.schedule.name, plan.baseLr, plan.warmup.steps, plan.length.steps, plan.optimizer.beta2, plan.optimizer.epsilon],
    ['cosine', 3e-4, 20, 2000, 0.95, 1e-8],
  );
  assert.deepEqual(
    ruleIds(
      config([
        'learning_rate: 3.0e-4',
        'lr_warmup_steps: 20',
        'lr_warmup_style: linear',
        'lr_decay_style: cosine',
        'min_decay_lr: 1.0e-05',
      ]),
    ),
    [],
  );
});

test('nanotron: no min_decay_lr means no decay (constant-lr); the fix adds a floor', () => {
  const text = config(['learning_rate: 3.0e-4', 'lr_warmup_steps: 20', 'lr_warmup_style: linear', 'lr_decay_style: cosine']);
  assert.deepEqual(ruleIds(text), ['constant-lr']);
  const fixed = fixedBy(text, 'constant-lr', 'Use cosine decay');
  assert.ok(fixed.includes('    lr_warmup_style: linear\n    min_decay_lr: 0.00003\n'), fixed);
  // a tiny LR gets a floor PyYAML 1.1 reads as a float (a dot before the exponent)
  const tiny = config(['learning_rate: 1.0e-6', 'lr_warmup_steps: 20', 'lr_warmup_style: linear', 'lr_decay_style: cosine']);
  assert.ok(fixedBy(tiny, 'constant-lr', 'Use cosine decay').includes('min_decay_lr: 1.0e-7\n'));
  assert.ok(fixedBy(text, 'constant-lr', 'Use linear decay').includes('lr_decay_style: linear'));
});

test('nanotron: a short explicit lr_decay_steps is schedule-horizon; a missing warmup style is invalid', () => {
  const tiny = config([
    'learning_rate: 3.0e-4',
    'lr_decay_steps: 13',
    'lr_decay_style: cosine',
    'lr_warmup_steps: 2',
    'lr_warmup_style: linear',
    'min_decay_lr: 1.0e-05',
  ]);
  assert.deepEqual(ruleIds(tiny), ['schedule-horizon']);
  assert.ok(fixedBy(tiny, 'schedule-horizon', 'Match the schedule').includes('lr_decay_steps: 1998\n'));
  assert.deepEqual(ruleIds(config(['learning_rate: 3.0e-4', 'lr_decay_style: cosine', 'min_decay_lr: 1.0e-05'])), ['invalid-value']);
  assert.deepEqual(
    ruleIds(config(['learning_rate: 3.0e-4', 'lr_warmup_style: linear', 'lr_decay_style: exponential', 'min_decay_lr: 1.0e-05'])),
    ['invalid-value'],
  );
});

test('nanotron: a config without the scheduler block and its structure is not nanotron', () => {
  assert.notEqual(dialectOf(yaml('optimizer: {learning_rate: 3.0e-4}', 'tokens: {train_steps: 10}')), 'nanotron');
});

test('nanotron: 3e-4 or 1e-8 written without a dot are strings to PyYAML and dacite strict rejects them', () => {
  const text = config([
    'learning_rate: 3e-4',
    'lr_warmup_steps: 20',
    'lr_warmup_style: linear',
    'lr_decay_style: cosine',
    'min_decay_lr: 1.0e-05',
  ]);
  assert.equal(dialectOf(text), 'nanotron');
  assert.deepEqual(ruleIds(text), ['invalid-value']);
  assert.ok(fixedBy(text, 'invalid-value', 'Write 3.0e-4').includes('    learning_rate: 3.0e-4\n'));
});

test('nanotron: lr_decay_starting_step with the default lr_decay_steps never finishes the decay; the fix writes the steps left', () => {
  const text = config(
    [
      'learning_rate: 3.0e-4',
      'lr_warmup_steps: 100',
      'lr_warmup_style: linear',
      'lr_decay_style: linear',
      'lr_decay_starting_step: 1500',
      'min_decay_lr: 0.0',
    ],
    2000,
  );
  assert.deepEqual(ruleIds(text), ['schedule-horizon']);
  const fixed = fixedBy(text, 'schedule-horizon', 'Use linear decay');
  assert.ok(fixed.includes('lr_decay_steps: 500'), fixed);
});
