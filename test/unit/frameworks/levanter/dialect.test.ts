import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, dialectOf, planOf, ruleIds, yaml } from '../../dialects/analyze';
import { fixedBy } from '../fixedBy';

const trainer = [
  'data: !include data/openwebtext_source.yaml',
  'model: {type: gpt2, hidden_dim: 768}',
  'trainer:',
  '  mp: p=f32,c=bfloat16',
  '  train_batch_size: 256',
  '  num_train_steps: 20000',
];

test('levanter: warmup fraction, defaults (cosine, min_lr_ratio 0.1, adam), YAML 1.1 1E-3 read as a number', () => {
  const plan = planOf(yaml(...trainer, 'optimizer:', '  learning_rate: 1E-3', '  weight_decay: 0.1', '  warmup: 0.01'), 'levanter');
  assert.deepEqual(
    [
      plan.schedule.name,
      plan.schedule.explicit,
      plan.baseLr,
      plan.warmup.steps,
      plan.length.steps,
      plan.optimizer.name,
      plan.optimizer.beta2,
    ],
    ['cosine', false, 1e-3, 200, 20000, 'adam', 0.95],
  );
  assert.deepEqual(ruleIds(yaml(...trainer, 'optimizer:', '  learning_rate: 1E-3', '  warmup: 0.01')), []);
});

test('levanter: warmup in steps; constant schedule is constant-lr, fixed with lr_schedule', () => {
  const text = yaml(...trainer, 'optimizer:', '  learning_rate: 2E-4', '  warmup: 2000', '  lr_schedule: constant  # for the sweep');
  assert.equal(planOf(text, 'levanter').warmup.steps, 2000);
  assert.deepEqual(ruleIds(text), ['constant-lr']);
  assert.ok(fixedBy(text, 'constant-lr', 'Use cosine decay').includes('  lr_schedule: cosine  # for the sweep\n'));
  const flat = yaml(...trainer, 'optimizer:', '  learning_rate: 2E-4', '  min_lr_ratio: 1.0');
  assert.deepEqual(ruleIds(flat), ['constant-lr']);
  const fixed = fixedBy(flat, 'constant-lr', 'Use linear decay');
  assert.ok(fixed.includes('min_lr_ratio: 0.1') && fixed.includes('lr_schedule: linear'), fixed);
});

test('levanter: a fractional step count or unknown schedule is invalid; warmup 1 is the whole cycle', () => {
  assert.deepEqual(ruleIds(yaml(...trainer, 'optimizer: {learning_rate: 1E-3, warmup: 2.5}')), ['invalid-value']);
  assert.deepEqual(ruleIds(yaml(...trainer, 'optimizer: {learning_rate: 1E-3, lr_schedule: rsqrt}')), ['invalid-value']);
  assert.ok(ruleIds(yaml(...trainer, 'optimizer: {learning_rate: 1E-3, warmup: 1, lr_schedule: linear}')).includes('warmup-too-long'));
});

test('levanter: a config without trainer steps keys is not levanter', () => {
  assert.notEqual(dialectOf(yaml('trainer: {max_epochs: 3}', 'optimizer: {learning_rate: 1e-3, warmup: 0.1}')), 'levanter');
});

test('levanter: a levanter trainer with an optimizer of only learning_rate and weight_decay (examples/alpaca) is levanter', () => {
  const alpaca = yaml(
    'model_name_or_path: huggyllama/llama-7b',
    'trainer:',
    '  mp: p=f32,c=bfloat16',
    '  num_train_steps: 1218',
    '  train_batch_size: 128',
    'optimizer:',
    '  learning_rate: 2e-5',
    '  weight_decay: 0.0',
  );
  const plan = planOf(alpaca, 'levanter');
  assert.deepEqual([plan.schedule.name, plan.baseLr, plan.warmup.steps, plan.length.steps], ['cosine', 2e-5, 12, 1218]);
  const other = yaml('trainer: {max_epochs: 3, train_batch_size: 8}', 'optimizer: {learning_rate: 1e-3, weight_decay: 0}');
  assert.notEqual(dialectOf(other), 'levanter');
});

test('constant-lr on a default schedule held flat by a setting names that schedule, not "no schedule"', () => {
  const flat = yaml(...trainer, 'optimizer:', '  learning_rate: 2E-4', '  min_lr_ratio: 1.0');
  const finding = analyze(flat).findings.find((f) => f.ruleId === 'constant-lr');
  const said = "`cosine`, levanter's default schedule, keeps the learning rate constant after warmup here";
  assert.ok(finding?.keySpan && finding.message.startsWith(said), finding?.message);
  assert.equal(flat.slice(finding.keySpan.start, finding.keySpan.end), 'min_lr_ratio');
  const axolotl = yaml('base_model: x', 'micro_batch_size: 2', 'num_epochs: 1', 'learning_rate: 2e-5', 'warmup_steps: 10');
  const message = analyze(`${axolotl}cosine_min_lr_ratio: 1\n`).findings.find((f) => f.ruleId === 'constant-lr')?.message ?? '';
  assert.ok(message.startsWith("`cosine`, Axolotl's default schedule, keeps the learning rate constant after warmup"), message);
});
