import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planOf, ruleIds, yaml } from '../../dialects/analyze';

const head = ['save_model: run/model', 'src_vocab: run/vocab.src', 'tgt_vocab: run/vocab.tgt', 'batch_type: tokens', 'valid_steps: 1000'];

test('OpenNMT: noam with learning_rate as a scale, warmup and train_steps; no constant-lr', () => {
  const text = yaml(
    ...head,
    'train_steps: 150000',
    'warmup_steps: 6000',
    'optim: adam',
    'adam_beta2: 0.998',
    'decay_method: noam',
    'learning_rate: 2.0',
    'hidden_size: 512',
  );
  const plan = planOf(text, 'opennmt');
  assert.deepEqual(
    [plan.schedule.framework, plan.schedule.name, plan.schedule.params.hidden_size, plan.baseLr],
    ['opennmt', 'noam', 512, 2],
  );
  assert.deepEqual([plan.warmup.steps, plan.length.steps, plan.optimizer.beta2], [6000, 150000, 0.998]);
  // Noam is a workable family but not a recommended default: a hint, nothing more.
  assert.deepEqual(ruleIds(text), ['schedule-family']);
});

test('OpenNMT: decay_method none halves the LR from step 50000 by default; constant only when the run ends first', () => {
  assert.equal(
    planOf(yaml(...head, 'train_steps: 100000', 'optim: adagrad', 'learning_rate: 0.15'), 'opennmt').schedule.constantAfterWarmup,
    false,
  );
  assert.deepEqual(
    ruleIds(yaml(...head, 'train_steps: 4000', 'optim: fusedadam', 'learning_rate: 0.0002', 'warmup_steps: 100', 'decay_method: none')),
    ['constant-lr'],
  );
  assert.equal(
    planOf(yaml(...head, 'train_steps: 10000', 'learning_rate: 0.1', 'start_decay_steps: 5000', 'learning_rate_decay: 0.8'), 'opennmt')
      .optimizer.name,
    'sgd',
  );
});
