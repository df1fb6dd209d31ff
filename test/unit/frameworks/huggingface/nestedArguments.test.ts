// TrainingArguments keys in a `training_args:` block that a script passes whole to TrainingArguments(**block): read
// with transformers' defaults like a root-level file, and fixed inside that block.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dialectOf, planOf, ruleIds, yaml } from '../../dialects/analyze';
import { fixedBy } from '../fixedBy';

const nested = (...args: string[]) =>
  yaml(
    'model_args:',
    '  model_name_or_path: meta-llama/Llama-2-7b-hf',
    'data_args:',
    '  max_seq_length: 2048',
    'training_args:',
    '  output_dir: out',
    '  per_device_train_batch_size: 4',
    ...args.map((l) => `  ${l}`),
    '  bf16: true',
  );

test('huggingface: a nested training_args block is read with TrainingArguments defaults', () => {
  const text = nested('learning_rate: 2.0e-5', 'lr_scheduler_type: cosine', 'warmup_ratio: 0.03', 'max_steps: 1000');
  assert.equal(dialectOf(text), 'huggingface');
  const plan = planOf(text, 'huggingface');
  assert.deepEqual([plan.schedule.name, plan.baseLr, plan.warmup.steps, plan.length.steps], ['cosine', 2e-5, 30, 1000]);
  // No lr_scheduler_type: the default linear decay, not a constant LR.
  const linear = planOf(nested('learning_rate: 1e-4', 'num_train_epochs: 2'), 'huggingface');
  assert.deepEqual([linear.schedule.name, linear.schedule.explicit], ['linear', false]);
});

test('huggingface: constant in a nested block is constant-lr, and the fix writes inside the block', () => {
  const text = nested('learning_rate: 2.0e-5', 'lr_scheduler_type: constant', 'num_train_epochs: 3');
  assert.deepEqual(ruleIds(text), ['constant-lr']);
  const fixed = fixedBy(text, 'constant-lr', 'Use cosine decay');
  assert.ok(fixed.includes('\n  lr_scheduler_type: cosine\n'), fixed);
  // Without the key, it is inserted beside the block's learning_rate.
  const withWarmup = nested('learning_rate: 2.0e-5', 'lr_scheduler_type: constant_with_warmup', 'warmup_steps: 10');
  const inserted = fixedBy(withWarmup, 'constant-lr', 'Use linear decay');
  assert.ok(inserted.includes('\n  lr_scheduler_type: linear\n'), inserted);
  assert.ok(!/^lr_scheduler_type/m.test(inserted), inserted);
});

test('huggingface: a nested block with one TrainingArguments key, or root keys of another framework, is not claimed', () => {
  assert.notEqual(dialectOf(yaml('training_args:', '  learning_rate: 1e-4', '  epochs: 3')), 'huggingface');
  // Root-level learning_rate decides: the nested block is not consulted then.
  assert.notEqual(
    dialectOf(yaml('base_model: x', 'learning_rate: 1e-4', 'training_args:', '  lr_scheduler_type: constant', '  num_train_epochs: 3')),
    'huggingface',
  );
});
