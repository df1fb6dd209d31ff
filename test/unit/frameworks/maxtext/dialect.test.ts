import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dialectOf, planOf, ruleIds, yaml } from '../../dialects/analyze';
import { scheduleOfPlan } from '../../../../server/src/schedules';
import { fixedBy } from '../fixedBy';

const head = [
  'base_config: "base.yml"',
  'model_name: "llama2-7b"',
  'per_device_batch_size: 4',
  'max_target_length: 2048',
  'ici_fsdp_parallelism: -1',
];

test('maxtext: overrides on base.yml defaults; schedule steps -1 = steps; final fraction reached at S - 1', () => {
  const plan = planOf(
    yaml(...head, 'steps: 40000', 'learning_rate: 2.e-4', 'warmup_steps_fraction: 0.02', 'learning_rate_final_fraction: 0.05'),
    'maxtext',
  );
  assert.deepEqual(
    [plan.schedule.name, plan.baseLr, plan.warmup.steps, plan.length.steps, plan.optimizer.name],
    ['cosine', 2e-4, 800, 40000, 'adamw'],
  );
  const curve = scheduleOfPlan(plan);
  assert.ok(curve);
  assert.equal(curve.lrAt(39999), 2e-4 * 0.05);
  assert.deepEqual(ruleIds(yaml(...head, 'steps: 40000', 'learning_rate: 2.e-4', 'warmup_steps_fraction: 0.02')), []);
});

test('maxtext: learning_rate_schedule_steps shorter than steps trains at LR 0 (schedule-horizon)', () => {
  const text = yaml(...head, 'steps: 40000', 'learning_rate: 2.e-4', 'learning_rate_schedule_steps: 30000');
  assert.deepEqual(ruleIds(text), ['schedule-horizon']);
  assert.equal(scheduleOfPlan(planOf(text, 'maxtext'))?.lrAt(35000), 0);
  assert.ok(fixedBy(text, 'schedule-horizon', 'Match the schedule').includes('learning_rate_schedule_steps: 40000\n'));
});

test('maxtext: a final fraction of 1 is constant-lr; the fixes write cosine, or a WSD with linear decay after warmup', () => {
  const text = yaml(...head, 'steps: 40000', 'learning_rate: 2.e-4', 'warmup_steps_fraction: 0.05', 'learning_rate_final_fraction: 1.0');
  assert.deepEqual(ruleIds(text), ['constant-lr']);
  const cosine = fixedBy(text, 'constant-lr', 'Use cosine decay');
  assert.ok(cosine.includes('learning_rate_final_fraction: 0.1\n') && cosine.includes('lr_schedule_type: cosine'), cosine);
  const linear = fixedBy(text, 'constant-lr', 'Use linear decay');
  assert.ok(linear.includes('lr_schedule_type: wsd') && linear.includes('wsd_decay_steps_fraction: 0.95'), linear);
});

test('maxtext: the pre-2026 key is accepted (older cosine); WSD reads its own keys; invalid values', () => {
  const old = planOf(
    yaml(...head, 'steps: 10', 'learning_rate: 1.0', 'warmup_steps_fraction: 0.2', 'cosine_learning_rate_final_fraction: 0.1'),
    'maxtext',
  );
  assert.ok((scheduleOfPlan(old)?.lrAt(9) ?? 0) > 0.1);
  const wsd = planOf(
    yaml(...head, 'steps: 60000', 'lr_schedule_type: wsd', 'wsd_decay_steps_fraction: 0.15', 'wsd_decay_style: cosine'),
    'maxtext',
  );
  assert.deepEqual([wsd.schedule.name, wsd.baseLr, wsd.warmup.steps], ['wsd', 3e-5, 6000]);
  assert.deepEqual(ruleIds(yaml(...head, 'steps: 40000', 'lr_schedule_type: step')), ['invalid-value']);
  assert.deepEqual(ruleIds(yaml(...head, 'steps: 40000', 'warmup_steps_fraction: 1.5')), ['invalid-value']);
});

test('maxtext: a model-only override file (no schedule key) is not claimed', () => {
  assert.equal(
    dialectOf(yaml('base_emb_dim: 4096', 'base_num_query_heads: 32', 'base_num_decoder_layers: 32', 'decoder_block: "llama2"')),
    null,
  );
});

test('maxtext: a post-training override (configs/post_train/sft.yml: base_config, use_sft, learning_rate) is claimed', () => {
  const sft = yaml(
    'base_config: "base.yml"',
    'use_sft: true',
    'sft_train_on_completion_only: true',
    'packing: true',
    'learning_rate: 2.e-5',
    'dataset_type: hf',
    "train_data_columns: ['messages']",
  );
  assert.equal(dialectOf(sft), 'maxtext');
  assert.deepEqual([planOf(sft, 'maxtext').baseLr, planOf(sft, 'maxtext').schedule.name], [2e-5, 'cosine']);
  // The same data keys without base_config and a second MaxText key stay unclaimed.
  assert.notEqual(dialectOf(yaml('learning_rate: 2e-5', "train_data_columns: ['messages']")), 'maxtext');
});
