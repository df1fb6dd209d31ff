import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planOf, ruleIds, yaml } from '../../dialects/analyze';

const frame = (optimizerConfig: string[]) =>
  yaml(
    'runtime: {distribution_strategy: mirrored}',
    'task: {model: {}}',
    'trainer:',
    '  train_steps: 36000',
    '  steps_per_loop: 1000',
    '  optimizer_config:',
    ...optimizerConfig.map((l) => `    ${l}`),
  );

test('TF Model Garden: stepwise base LR is values[0]; one-of blocks become params; linear warmup', () => {
  const plan = planOf(
    frame([
      'optimizer:',
      '  type: sgd',
      '  sgd: {momentum: 0.9}',
      'learning_rate:',
      "  type: 'stepwise'",
      '  stepwise:',
      '    boundaries: [10000, 20000, 30000]',
      '    values: [0.4, 0.04, 0.004, 0.0004]',
      'warmup:',
      "  type: 'linear'",
      '  linear: {warmup_steps: 2000}',
    ]),
    'tf-model-garden',
  );
  assert.deepEqual(
    [plan.schedule.framework, plan.schedule.name, plan.baseLr, plan.warmup.steps, plan.length.steps],
    ['tf-model-garden', 'stepwise', 0.4, 2000, 36000],
  );
  assert.deepEqual(plan.schedule.params.boundaries, [10000, 20000, 30000]);
  assert.deepEqual(plan.schedule.params.warmup, { type: 'linear', warmup_steps: 2000 });
});

test('TF Model Garden: adamw betas and epsilon default to Keras values; constant type is constant', () => {
  const plan = planOf(
    frame([
      'optimizer: {type: adamw, adamw: {weight_decay_rate: 0.05}}',
      'learning_rate: {type: cosine, cosine: {initial_learning_rate: 0.0005, decay_steps: 36000}}',
    ]),
    'tf-model-garden',
  );
  assert.deepEqual(
    [plan.optimizer.beta1, plan.optimizer.beta2, plan.optimizer.epsilon, plan.optimizer.weightDecay],
    [0.9, 0.999, 1e-7, 0.05],
  );
  assert.deepEqual(ruleIds(frame(['optimizer: {type: sgd}', 'learning_rate: {type: constant, constant: {learning_rate: 0.1}}'])), [
    'constant-lr',
  ]);
});
