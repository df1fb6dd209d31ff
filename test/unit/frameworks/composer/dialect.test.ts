import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseComposerTime } from '../../../../server/src/frameworks/composer/dialect';
import { stepValuesOfAnalysis } from '../../../../server/src/analysis/curve';
import { analyze, planOf, ruleIds, yaml } from '../../dialects/analyze';

const head = ['variables:', '  lr: 5.0e-4', 'model: {name: mpt_causal_lm}', 'train_loader: {name: text}', 'global_train_batch_size: 256'];

test('Composer time strings', () => {
  assert.deepEqual(parseComposerTime('100ba'), { value: 100, unit: 'ba' });
  assert.deepEqual(parseComposerTime('0.02dur'), { value: 0.02, unit: 'dur' });
  assert.deepEqual(parseComposerTime('2ep'), { value: 2, unit: 'ep' });
  assert.deepEqual(parseComposerTime('50e9tok'), { value: 50e9, unit: 'tok' });
  assert.deepEqual(parseComposerTime(3), { value: 3, unit: 'ep' });
  assert.equal(parseComposerTime('soon'), null);
});

test('llm-foundry: cosine_with_warmup in batches, time strings kept as strings, lr through ${variables.*}', () => {
  const plan = planOf(
    yaml(
      ...head,
      'max_duration: 3600ba',
      'scheduler: {name: cosine_with_warmup, t_warmup: 80ba, alpha_f: 0.1}',
      'optimizer:',
      '  name: decoupled_adamw',
      '  lr: ${variables.lr}',
      '  betas: [0.9, 0.95]',
    ),
    'composer',
  );
  assert.deepEqual(
    [
      plan.schedule.framework,
      plan.schedule.name,
      plan.schedule.params.t_warmup,
      plan.schedule.params.alpha_f,
      plan.schedule.params.max_duration,
    ],
    ['composer', 'cosine_with_warmup', '80ba', 0.1, '3600ba'],
  );
  assert.deepEqual([plan.baseLr, plan.warmup.steps, plan.length.steps, plan.length.assumed], [5e-4, 80, 3600, false]);
  assert.deepEqual(
    [plan.optimizer.family, plan.optimizer.beta2, plan.optimizer.epsilon, plan.optimizer.weightDecay],
    ['adam', 0.95, 1e-8, 1e-5],
  );
});

test('llm-foundry: warmup as a fraction of the duration; half the run in warmup is flagged', () => {
  const dur = planOf(
    yaml(
      ...head,
      'max_duration: 1000ba',
      'scheduler: {name: linear_decay_with_warmup, t_warmup: 0.02dur}',
      'optimizer: {name: decoupled_adamw, lr: 1e-5}',
    ),
    'composer',
  );
  assert.deepEqual([dur.warmup.steps, dur.warmup.ratio], [20, 0.02]);
  // Composer truncates: int(0.0015 * 1000) is 1 batch, not 2 (composer/optim/scheduler.py `_convert_time`).
  const truncated = planOf(
    yaml(
      ...head,
      'max_duration: 1000ba',
      'scheduler: {name: linear_decay_with_warmup, t_warmup: 0.0015dur}',
      'optimizer: {name: decoupled_adamw, lr: 1e-5}',
    ),
    'composer',
  );
  assert.equal(truncated.warmup.steps, 1);
  assert.deepEqual(
    ruleIds(
      yaml(
        ...head,
        'max_duration: 200ba',
        'scheduler: {name: cosine_with_warmup, t_warmup: 100ba}',
        'optimizer: {name: decoupled_adamw, lr: 1e-5}',
      ),
    ),
    ['warmup-too-long'],
  );
});

test('llm-foundry: constant_with_warmup is constant; epochs need an assumed dataset size', () => {
  const text = yaml(
    ...head,
    'max_duration: 1ep',
    'scheduler: {name: constant_with_warmup, t_warmup: 10ba}',
    'optimizer: {name: decoupled_lionw, lr: 1e-5}',
  );
  const plan = planOf(text, 'composer');
  assert.deepEqual([plan.schedule.constantAfterWarmup, plan.length.assumed, plan.optimizer.family], [true, true, 'lion']);
  assert.deepEqual(ruleIds(text), ['constant-lr']);
});

test('OLMo-style configs (optimizer.learning_rate) are not Composer', async () => {
  const { dialectOf } = await import('../../dialects/analyze');
  assert.equal(
    dialectOf(
      yaml(
        'run_name: x',
        'optimizer: {name: adamw, learning_rate: 4.0e-4}',
        'scheduler: {name: cosine_with_warmup, t_warmup: 2000}',
        'max_duration: 739_328',
        'global_train_batch_size: 512',
        'device_train_microbatch_size: 8',
      ),
    ),
    'olmo',
  );
});

test('llm-foundry: max_duration in samples is drawn in batches of global_train_batch_size (mosaic-bert: 0.06dur warmup)', () => {
  // composer/optim/scheduler.py _convert_time: 0.06dur of 2867200sp = int(172032.0) samples = 16.8 batches of 10240.
  const text = yaml(
    'model: {name: hf_bert}',
    'train_loader: {name: text}',
    'global_train_batch_size: 10240',
    'max_duration: 2867200sp',
    'scheduler: {name: linear_decay_with_warmup, t_warmup: 0.06dur, alpha_f: 0.02}',
    'optimizer: {name: decoupled_adamw, lr: 5.0e-4}',
  );
  const plan = planOf(text, 'composer');
  assert.equal(plan.length.steps, 280);
  const lr = stepValuesOfAnalysis(analyze(text));
  assert.ok(lr, 'the curve is drawn');
  // batch k trains with alpha(k - 1); warmup: alpha(t) = t / 16.8 (in batches).
  assert.ok(Math.abs((lr[9] ?? NaN) - 5e-4 * (8 / 16.8)) < 1e-15);
  // decay: alpha = 1 - frac × 0.98, frac = (t - 16.8) / (280 - 16.8).
  assert.ok(Math.abs((lr[201] ?? NaN) - 5e-4 * (1 - ((200 - 16.8) / (280 - 16.8)) * 0.98)) < 1e-15);
  // Tokens per batch are not known: no curve rather than a guessed one.
  assert.equal(stepValuesOfAnalysis(analyze(text.replace('2867200sp', '2867200tok'))), null);
});
