// NeMo configs whose optimizer and scheduler are `_target_` objects: NeMo 2.0's `optim` (MegatronOptimizerModule with
// a Megatron OptimizerConfig and a scheduler wrapper) and speechlm2's `model.optimizer` / `model.lr_scheduler`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stepValuesOfAnalysis } from '../../../../server/src/analysis/curve';
import { analyze, dialectOf, planOf, ruleIds, yaml } from '../../dialects/analyze';

const nemo2 = (scheduler: string[], trainerSteps = 1000) =>
  yaml(
    'name: megatron_audio_gpt_peft',
    'optim:',
    '  _target_: nemo.lightning.MegatronOptimizerModule',
    '  config:',
    '    _target_: megatron.core.optimizer.OptimizerConfig',
    '    optimizer: adam',
    '    lr: 1e-4',
    '    clip_grad: 1.0',
    ...scheduler.map((l) => `  ${l}`),
    'trainer:',
    '  max_epochs: -1',
    `  max_steps: ${trainerSteps}`,
  );

const close = (actual: number | undefined, expected: number) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${actual} vs ${expected}`);

test('NeMo 2.0 optim: CosineAnnealingScheduler with constant_steps is NeMo CosineAnnealing (warmup from 0, min_lr tail)', () => {
  const text = nemo2([
    'lr_scheduler:',
    '  _target_: nemo.lightning.pytorch.optim.CosineAnnealingScheduler',
    '  max_steps: ${trainer.max_steps}',
    '  warmup_steps: 100',
    '  constant_steps: 200',
    '  min_lr: 1e-5',
  ]);
  assert.equal(dialectOf(text), 'nemo');
  const plan = planOf(text, 'nemo');
  assert.deepEqual(
    [plan.schedule.name, plan.schedule.params.max_steps, plan.warmup.steps, plan.length.steps, plan.optimizer.name],
    ['CosineAnnealing', 1000, 100, 1000, 'adam'],
  );
  assert.deepEqual([plan.optimizer.weightDecay, plan.optimizer.beta2], [0.01, 0.999]);
  const lr = stepValuesOfAnalysis(analyze(text));
  assert.ok(lr);
  // warmup 100, decay over 1000 - (200 + 100) = 700 steps, then min_lr.
  close(lr[50], 1e-4 * 0.5);
  close(lr[100], 1e-4);
  close(lr[450], 1e-5 + 0.5 * 9e-5);
  close(lr[900], 1e-5);
  assert.deepEqual(ruleIds(text), []);
});

test("NeMo 2.0 optim: the wrapper's own defaults (warmup 750, constant_steps 80000, min_lr 6e-5) stand in for missing keys", () => {
  const scheduler = ['lr_scheduler:', '  _target_: nemo.lightning.pytorch.optim.CosineAnnealingScheduler', '  max_steps: 100000'];
  const plan = planOf(nemo2(scheduler, 100000), 'nemo');
  assert.deepEqual(
    [plan.warmup.steps, plan.schedule.params.constant_steps, plan.schedule.params.min_lr, plan.schedule.params.max_steps],
    [750, 80000, 6e-5, 100000],
  );
  // No scheduler: MegatronOptimizerModule keeps the LR constant.
  assert.deepEqual(ruleIds(nemo2([])), ['constant-lr']);
  // A wrapper whose defaults are not encoded is recognized, not drawn, and not called constant.
  const other = nemo2(['lr_scheduler:', '  _target_: nemo.lightning.pytorch.optim.WarmupHoldPolicyScheduler', '  warmup_steps: 10']);
  assert.equal(dialectOf(other), 'nemo');
  assert.equal(stepValuesOfAnalysis(analyze(other)), null);
  assert.deepEqual(ruleIds(other), []);
});

const speechlm2 = (scheduler: string[]) =>
  yaml(
    'model:',
    '  pretrained_llm: TinyLlama/TinyLlama_v1.1',
    '  optimizer:',
    '    _target_: torch.optim.AdamW',
    '    lr: 3e-4',
    '    betas: [0.9, 0.98]',
    ...scheduler.map((l) => `  ${l}`),
    'trainer:',
    '  max_steps: 2000',
    'exp_manager:',
    '  exp_dir: null',
  );

test('NeMo speechlm2: model.optimizer / model.lr_scheduler with _target_, stepped every step to the max_steps it is given', () => {
  const text = speechlm2([
    'lr_scheduler:',
    '  _target_: nemo.core.optim.lr_scheduler.CosineAnnealing',
    '  warmup_steps: 0',
    '  min_lr: 1e-6',
    '  max_steps: ${trainer.max_steps}',
  ]);
  assert.equal(dialectOf(text), 'nemo');
  const plan = planOf(text, 'nemo');
  assert.deepEqual(
    [plan.schedule.name, plan.schedule.params.max_steps, plan.length.steps, plan.optimizer.name],
    ['CosineAnnealing', 2000, 2000, 'AdamW'],
  );
  assert.deepEqual([plan.optimizer.beta2, plan.optimizer.weightDecay], [0.98, 0.01]);
  const lr = stepValuesOfAnalysis(analyze(text));
  assert.ok(lr);
  close(lr[0], 3e-4);
  close(lr[1000], 1e-6 + (3e-4 - 1e-6) * 0.5);
  assert.deepEqual(ruleIds(text), []);
  // Without model.lr_scheduler configure_optimizers returns the optimizer alone: constant LR, and no edit is offered
  // (the fix writes model.optim.sched, which this layout does not read).
  const constant = speechlm2([]);
  assert.equal(dialectOf(constant), 'nemo');
  assert.deepEqual(ruleIds(constant), ['constant-lr']);
  const finding = analyze(constant).findings.find((f) => f.ruleId === 'constant-lr');
  assert.deepEqual(finding?.fixes ?? [], []);
});

test('a Lightning-Hydra model with optimizer and scheduler _target_s (no NeMo scheduler, no exp_manager) is not NeMo', () => {
  const text = yaml(
    'model:',
    '  _target_: src.models.mnist_module.MNISTLitModule',
    '  optimizer: {_target_: torch.optim.Adam, _partial_: true, lr: 0.001}',
    '  lr_scheduler: {_target_: torch.optim.lr_scheduler.ReduceLROnPlateau, _partial_: true}',
    'trainer: {max_epochs: 10}',
  );
  assert.notEqual(dialectOf(text), 'nemo');
});
