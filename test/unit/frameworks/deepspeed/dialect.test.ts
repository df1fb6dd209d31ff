import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, dialectOf, planOf, ruleIds } from '../../dialects/analyze';

const json = (o: unknown) => JSON.stringify(o, null, 2);

test('DeepSpeed: WarmupDecayLR decays to total_num_steps; peak is warmup_max_lr; 11e-3 style numbers', () => {
  const plan = planOf(
    json({
      train_batch_size: 32,
      fp16: { enabled: true },
      optimizer: { type: 'AdamW', params: { lr: 11e-3, betas: [0.8, 0.999], eps: 1e-8 } },
      scheduler: {
        type: 'WarmupDecayLR',
        params: { warmup_min_lr: 0, warmup_max_lr: 0.001, warmup_num_steps: 100, total_num_steps: 1000 },
      },
    }),
    'deepspeed',
    'ds_config.json',
  );
  assert.deepEqual(
    [plan.schedule.framework, plan.schedule.name, plan.baseLr, plan.warmup.steps, plan.length.steps, plan.optimizer.beta1],
    ['deepspeed', 'WarmupDecayLR', 0.001, 100, 1000, 0.8],
  );
  assert.equal(plan.schedule.params.total_num_steps, 1000);
});

test('DeepSpeed: WarmupLR holds the LR after warmup (constant-lr); warmup_num_steps defaults to 1000', () => {
  const text = json({
    train_batch_size: 16,
    optimizer: { type: 'Adam', params: { lr: 0.001 } },
    scheduler: { type: 'WarmupLR', params: { warmup_max_lr: 0.001 } },
  });
  assert.equal(planOf(text, 'deepspeed', 'ds.json').warmup.steps, 1000);
  assert.deepEqual(ruleIds(text, 'ds.json'), ['constant-lr']);
});

test('DeepSpeed without a scheduler block does not claim a constant LR; all-"auto" values give no plan and no findings', () => {
  const noScheduler = json({ train_batch_size: 32, optimizer: { type: 'Adam', params: { lr: 2e-5 } }, fp16: { enabled: true } });
  assert.equal(planOf(noScheduler, 'deepspeed', 'ds.json').schedule.constantAfterWarmup, false);
  assert.deepEqual(ruleIds(noScheduler, 'ds.json'), []);
  const auto = json({
    bf16: { enabled: 'auto' },
    optimizer: { type: 'AdamW', params: { lr: 'auto', betas: 'auto' } },
    scheduler: { type: 'WarmupDecayLR', params: { total_num_steps: 'auto', warmup_max_lr: 'auto' } },
    zero_optimization: { stage: 3 },
  });
  assert.equal(dialectOf(auto, 'ds.json'), 'deepspeed');
  assert.deepEqual(ruleIds(auto, 'ds.json'), []);
});

test('GPT-NeoX configs that embed DeepSpeed keys are not DeepSpeed configs', () => {
  assert.equal(
    dialectOf(
      json({
        num_layers: 12,
        hidden_size: 768,
        seq_length: 2048,
        train_micro_batch_size_per_gpu: 4,
        zero_optimization: { stage: 1 },
        optimizer: { type: 'Adam', params: { lr: 6e-4 } },
        lr_decay_style: 'cosine',
        train_iters: 320000,
      }),
      'neox.yml',
    ),
    'gpt-neox',
  );
});

test('DeepSpeed: scheduler.params keys the scheduler class does not take are a start-up TypeError, placed on the key', () => {
  const config = (scheduler: string) =>
    `{"train_batch_size": 32, "optimizer": {"type": "AdamW", "params": {"lr": 3e-4}}, "scheduler": ${scheduler}}`;
  const typo = config('{"type": "WarmupDecayLR", "params": {"total_num_steps": 1000, "warmup_num_step": 100}}');
  const analysis = analyze(typo, 'ds_config.json');
  const finding = analysis.findings.find((f) => f.ruleId === 'invalid-value');
  assert.ok(finding);
  assert.ok(finding.message.includes('Did you mean `warmup_num_steps`?'), finding.message);
  assert.equal(typo.slice(finding.span.start, finding.span.end), '"warmup_num_step"');
  assert.equal(analysis.documents[0]?.plan, undefined);
  // The same keys, right: drawn, no finding; a torch scheduler's arguments are torch's business (not checked here).
  const right = config('{"type": "WarmupDecayLR", "params": {"total_num_steps": 1000, "warmup_num_steps": 100}}');
  assert.deepEqual(ruleIds(right, 'ds_config.json'), []);
  const torch = config('{"type": "StepLR", "params": {"step_size": 100, "gamma": 0.5}}');
  assert.ok(!ruleIds(torch, 'ds_config.json').includes('invalid-value'));
  const oneCycle = config('{"type": "OneCycle", "params": {"cycle_min_lr": 1e-5, "cycle_max_lr": 1e-3, "cycle_momentum": false}}');
  assert.equal(dialectOf(oneCycle, 'ds_config.json'), 'deepspeed');
  assert.ok(!ruleIds(oneCycle, 'ds_config.json').includes('invalid-value'));
});
