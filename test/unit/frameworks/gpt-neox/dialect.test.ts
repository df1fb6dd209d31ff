import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dialectOf, planOf, ruleIds, yaml } from '../../dialects/analyze';
import { scheduleOfPlan } from '../../../../server/src/schedules';
import { fixedBy } from '../fixedBy';

// NeoX's own JSON-style YAML: quoted keys, braces, a comment and a trailing comma inside the mapping.
const neox = (extra: string[]) =>
  yaml(
    '{',
    '  "pipe_parallel_size": 1,',
    '  "model_parallel_size": 1,',
    '  "num_layers": 12,',
    '  # optimizer settings',
    '  "optimizer": { "type": "Adam", "params": { "lr": 0.0006, "betas": [0.9, 0.95], "eps": 1.0e-8, } },',
    ...extra,
    '}',
  );

test('gpt-neox: JSON-style config recognized; warmup is a fraction of lr_decay_iters; lr, betas, eps read', () => {
  const plan = planOf(
    neox([
      '  "min_lr": 0.00006,',
      '  "train_iters": 320000,',
      '  "lr_decay_iters": 320000,',
      '  "lr_decay_style": "cosine",',
      '  "warmup": 0.01,',
    ]),
    'gpt-neox',
  );
  assert.deepEqual(
    [plan.schedule.framework, plan.schedule.name, plan.baseLr, plan.optimizer.beta2, plan.optimizer.epsilon],
    ['gpt-neox', 'cosine', 0.0006, 0.95, 1e-8],
  );
  assert.deepEqual([plan.length.steps, plan.warmup.steps, plan.schedule.params.min_lr], [320000, 3200, 0.00006]);
});

test('gpt-neox: dashed keys; defaults (linear, warmup 0.01, lr 0.001 when absent) are said', () => {
  const plan = planOf(
    yaml('"pipe-parallel-size": 1', '"model-parallel-size": 1', '"num-layers": 24', '"train-iters": 20000', '"lr-decay-iters": 18000'),
    'gpt-neox',
  );
  assert.deepEqual([plan.schedule.name, plan.schedule.explicit, plan.baseLr, plan.warmup.steps], ['linear', false, 0.001, 180]);
  assert.ok(plan.assumptions.some((a) => a.includes('lr 0.001')));
});

test("gpt-neox: constant and mixed-case styles keep the LR constant; the fix writes the file's spelling", () => {
  const text = neox(['  "train_iters": 1000,', '  "lr_decay_style": "Cosine",']);
  assert.deepEqual(ruleIds(text), ['constant-lr']);
  const fixed = fixedBy(text, 'constant-lr', 'Use cosine decay');
  assert.ok(fixed.includes('"lr_decay_style": "cosine",'), fixed);
  const dashed = yaml(
    '"pipe-parallel-size": 1',
    '"model-parallel-size": 1',
    '"num-layers": 24',
    '"train-iters": 2000',
    '"lr-decay-style": "constant"',
  );
  assert.ok(fixedBy(dashed, 'constant-lr', 'Use linear decay').includes('"lr-decay-style": "linear"'));
});

test('gpt-neox: lr_decay_iters shorter than train_iters is a schedule-horizon finding (the cosine climbs back)', () => {
  const text = neox(['  "train_iters": 20000,', '  "lr_decay_iters": 10000,', '  "lr_decay_style": "cosine",']);
  const findings = ruleIds(text);
  assert.deepEqual(findings, ['schedule-horizon']);
  const fixed = fixedBy(text, 'schedule-horizon', 'Match the schedule');
  assert.ok(fixed.includes('"lr_decay_iters": 20000,'), fixed);
});

test('gpt-neox: an integer warmup is a multiple of the horizon (warmup-too-long); an unknown style is invalid', () => {
  assert.ok(ruleIds(neox(['  "train_iters": 20000,', '  "lr_decay_style": "cosine",', '  "warmup": 2000,'])).includes('warmup-too-long'));
  assert.deepEqual(ruleIds(neox(['  "train_iters": 20000,', '  "lr_decay_style": "polynomial",'])), ['invalid-value']);
});

test('gpt-neox: recognized file with a healthy schedule has no findings; DeepSpeed and other YAML are not NeoX', () => {
  const healthy = neox(['  "train_iters": 20000,', '  "lr_decay_style": "cosine",', '  "min_lr": 0.00006,']);
  assert.equal(dialectOf(healthy), 'gpt-neox');
  assert.deepEqual(ruleIds(healthy), []);
  const ds = JSON.stringify({
    train_micro_batch_size_per_gpu: 4,
    zero_optimization: { stage: 1 },
    optimizer: { type: 'Adam', params: { lr: 6e-4 } },
    scheduler: { type: 'WarmupLR', params: { warmup_num_steps: 10 } },
  });
  assert.equal(dialectOf(ds, 'ds_config.json'), 'deepspeed');
  assert.notEqual(
    dialectOf(yaml('num_layers: 12', 'hidden_size: 768', 'train_iters: 10')),
    'gpt-neox',
    'model keys and a length alone are too little',
  );
});

test('gpt-neox: 6e-5 is a string to PyYAML and NeoX rejects it (invalid-value with a fix); 6.0e-5 and quoted keys are fine', () => {
  const text = neox(['  "train_iters": 20000,', '  "lr_decay_style": "cosine",', '  "min_lr": 6e-5,']);
  assert.equal(dialectOf(text), 'gpt-neox');
  assert.deepEqual(ruleIds(text), ['invalid-value']);
  assert.ok(fixedBy(text, 'invalid-value', 'Write 6.0e-5').includes('"min_lr": 6.0e-5,'));
  assert.deepEqual(ruleIds(neox(['  "train_iters": 20000,', '  "lr_decay_style": "cosine",', '  "min_lr": 6.0e-5,'])), []);
  assert.deepEqual(ruleIds(neox(['  "train_iters": 20000,', '  "lr_decay_style": "cosine",', '  "min_lr": 0.00006,'])), []);
});

test('gpt-neox: OneBitAdam hands the schedule to DeepSpeed: no AnnealingLR curve, no constant-lr', () => {
  const text = yaml(
    '{',
    '  "pipe_parallel_size": 1,',
    '  "optimizer": { "type": "OneBitAdam", "params": { "lr": 0.0006 } },',
    '  "train_iters": 1000,',
    '  "lr_decay_style": "cosine",',
    '}',
  );
  const plan = planOf(text, 'gpt-neox');
  assert.equal(scheduleOfPlan(plan), null);
  assert.ok(plan.assumptions.some((a) => a.includes('OneBitAdam')));
  assert.deepEqual(ruleIds(text), []);
});
