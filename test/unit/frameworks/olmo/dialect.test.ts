import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dialectOf, planOf, ruleIds, yaml } from '../../dialects/analyze';
import { scheduleOfPlan } from '../../../../server/src/schedules';
import { fixedBy } from '../fixedBy';

const head = [
  'run_name: test-run',
  'model:',
  '  d_model: 2048',
  '  n_layers: 16',
  '  max_sequence_length: 4096',
  'global_train_batch_size: 512',
  'device_train_microbatch_size: 8',
];

test('olmo: steps; stop_at defaults to max_steps + 10; warmup starts at 0.1 lr', () => {
  const plan = planOf(
    yaml(
      ...head,
      'optimizer:',
      '  name: adamw',
      '  learning_rate: 4.0e-4',
      'scheduler:',
      '  name: cosine_with_warmup',
      '  t_warmup: 2000',
      '  alpha_f: 0.1',
      'max_duration: 739_328',
    ),
    'olmo',
  );
  assert.deepEqual(
    [plan.schedule.name, plan.baseLr, plan.warmup.steps, plan.length.steps, plan.schedule.params.max_steps],
    ['cosine_with_warmup', 4e-4, 2000, 739338, 739328],
  );
  const curve = scheduleOfPlan(plan);
  assert.ok(curve);
  assert.equal(curve.lrAt(0), 4e-5 + ((4e-4 - 4e-5) * 1) / 2000);
  assert.equal(curve.lrAt(739337), 4e-5);
});

test('olmo: max_duration in tokens gives ceil(tokens / (batch × sequence)) steps; stop_at wins for the length', () => {
  const plan = planOf(
    yaml(
      ...head,
      'optimizer: {name: adamw, learning_rate: 7.4e-5}',
      'scheduler: {name: linear_with_warmup, t_warmup: 0, alpha_f: 0}',
      'max_duration: 50e9T',
      'stop_at: 23852',
    ),
    'olmo',
  );
  assert.deepEqual([plan.length.steps, plan.schedule.params.max_steps, plan.warmup.steps], [23852, Math.ceil(50e9 / (512 * 4096)), 0]);
});

test('olmo: defaults (lionw, 1e-4, cosine_with_warmup, t_warmup 100, alpha_f 0.1, 10000 steps)', () => {
  const plan = planOf(yaml(...head, 'optimizer: {weight_decay: 0.1}', 'scheduler: {t_warmup: 100}'), 'olmo');
  assert.deepEqual(
    [plan.optimizer.name, plan.baseLr, plan.schedule.name, plan.schedule.explicit, plan.length.steps, plan.optimizer.family],
    ['lionw', 1e-4, 'cosine_with_warmup', false, 10010, 'lion'],
  );
});

test('olmo: constant_with_warmup keeps the LR constant; the fix renames the scheduler in place', () => {
  const text = yaml(
    ...head,
    'optimizer:',
    '  name: adamw',
    '  learning_rate: 4.0e-4',
    'scheduler:',
    '  name: constant_with_warmup  # flat',
    '  t_warmup: 200',
    'max_duration: 20000',
  );
  assert.deepEqual(ruleIds(text), ['constant-lr']);
  assert.ok(fixedBy(text, 'constant-lr', 'Use cosine decay').includes('  name: cosine_with_warmup  # flat\n'));
  assert.ok(fixedBy(text, 'constant-lr', 'Use linear decay').includes('  name: linear_with_warmup  # flat\n'));
});

test('olmo: t_max shorter than the run holds the floor (schedule-horizon); healthy config has no findings', () => {
  const text = yaml(
    ...head,
    'optimizer: {name: adamw, learning_rate: 4.0e-4}',
    'scheduler: {name: cosine_with_warmup, t_warmup: 100, t_max: 5000}',
    'max_duration: 20000',
  );
  assert.deepEqual(ruleIds(text), ['schedule-horizon']);
  const healthy = yaml(
    ...head,
    'optimizer: {name: adamw, learning_rate: 4.0e-4}',
    'scheduler: {name: cosine_with_warmup, t_warmup: 100}',
    'max_duration: 20000',
  );
  assert.equal(dialectOf(healthy), 'olmo');
  assert.deepEqual(ruleIds(healthy), []);
  assert.deepEqual(
    ruleIds(yaml(...head, 'optimizer: {name: adamw, learning_rate: 4.0e-4}', 'scheduler: {name: cosine}', 'max_duration: 20000')),
    ['invalid-value'],
  );
});

test('olmo: an llm-foundry (Composer) config is not OLMo', () => {
  const composer = yaml(
    'variables: {lr: 5.0e-4}',
    'model: {name: mpt_causal_lm}',
    'train_loader: {name: text}',
    'global_train_batch_size: 256',
    'optimizer: {name: decoupled_adamw, lr: 5.0e-4}',
    'scheduler: {name: cosine_with_warmup, t_warmup: 100ba, alpha_f: 0.1}',
    'max_duration: 4800ba',
  );
  assert.equal(dialectOf(composer), 'composer');
});
