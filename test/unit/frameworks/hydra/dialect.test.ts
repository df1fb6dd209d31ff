// Plain Hydra `_target_` projects: the lightning-hydra-template layout (real files under ./configs, SOURCES.tsv:
// ashleve/lightning-hydra-template @bddbc24b82ab6ccfa6243e815a49dc5bfe8d4144, MIT) composed through `defaults:`,
// group files alone, constant-lr from the composed config, torch and transformers schedulers, no false claims.
// Reference values: torch CosineAnnealingLR per epoch η·(1 + cos(π e / T_max))/2 (pytorch/pytorch
// torch/optim/lr_scheduler.py @008f727e); transformers get_cosine_schedule_with_warmup
// (huggingface/transformers src/transformers/optimization.py @005edacb).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeConfig, applyEdits, onInternalError, type ConfigAnalysis } from '../../../../server/src/index';
import { scheduleOfPlan } from '../../../../server/src/schedules';
import { dialectOf, yaml } from '../../dialects/analyze';
import { assertLr } from '../../schedules/expectLr';

onInternalError((error) => {
  throw error;
});

const PI = Math.PI;
const TEMPLATE = join(__dirname, 'configs', 'lightning-hydra-template');
const readDisk = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** Analyze text at `path` with a workspace of in-memory files (path → text). */
function analyzeIn(files: Record<string, string>, path: string): ConfigAnalysis {
  const text = files[path];
  assert.ok(text !== undefined, path);
  return analyzeConfig(text, path, { readFile: (p) => files[p] });
}

const ruleIdsOf = (analysis: ConfigAnalysis) => analysis.findings.map((f) => f.ruleId);

test('the template composed from train.yaml: Adam 1e-3, ReduceLROnPlateau per epoch over trainer max_epochs 10', () => {
  const path = join(TEMPLATE, 'train.yaml');
  const analysis = analyzeConfig(readFileSync(path, 'utf8'), path, { readFile: readDisk });
  const document = analysis.documents[0];
  assert.equal(document?.dialect.id, 'hydra');
  const plan = document?.plan;
  assert.ok(plan);
  assert.deepEqual(
    [
      plan.optimizer.name,
      plan.baseLr,
      plan.schedule.name,
      plan.schedule.validationDriven,
      plan.length.steps,
      plan.length.unit,
      plan.length.assumed,
    ],
    ['Adam', 1e-3, 'ReduceLROnPlateau', true, 10, 'epoch', false],
  );
  assert.deepEqual(plan.schedule.params, { mode: 'min', factor: 0.1, patience: 10 });
  assert.ok(plan.assumptions.some((a) => /model\/mnist\.yaml/.test(a) && /trainer\/default\.yaml/.test(a)));
  assert.deepEqual(ruleIdsOf(analysis), ['validation-driven-schedule']);
  // The optimizer is the model group's: the fix belongs in model/mnist.yaml, not in train.yaml.
  assert.deepEqual(analysis.findings[0]?.fixes, []);
});

test('model/mnist.yaml alone: its curve over an assumed length; the fix replaces the scheduler block', () => {
  const path = join(TEMPLATE, 'model', 'mnist.yaml');
  const text = readFileSync(path, 'utf8');
  const analysis = analyzeConfig(text, path, {});
  const plan = analysis.documents[0]?.plan;
  assert.ok(plan);
  assert.deepEqual([plan.length.steps, plan.length.unit, plan.length.assumed], [100, 'epoch', true]);
  const finding = analysis.findings.find((f) => f.ruleId === 'validation-driven-schedule');
  assert.ok(finding);
  assert.match(finding.fixes[0]?.title ?? '', /assumes a run of 100 epochs/);
  const fixed = applyEdits(text, finding.fixes[0]?.edits ?? []);
  assert.ok(
    fixed.includes('scheduler:\n  _target_: torch.optim.lr_scheduler.CosineAnnealingLR\n  _partial_: true\n  T_max: 100\n\nnet:\n'),
    fixed,
  );
  assert.equal(fixed.split('\n').slice(0, 9).join('\n'), text.split('\n').slice(0, 9).join('\n'));
  assert.deepEqual(ruleIdsOf(analyzeConfig(fixed, path, {})), []);
});

const trainYaml = yaml('# @package _global_', 'defaults:', '  - _self_', '  - model: net', '  - trainer: default', 'seed: 1');
const trainer = yaml('_target_: lightning.pytorch.trainer.Trainer', 'min_epochs: 1', 'max_epochs: 30');

test('composed config with no scheduler anywhere: constant-lr that says it comes from the composed config', () => {
  const files = {
    '/ws/configs/train.yaml': trainYaml,
    '/ws/configs/model/net.yaml': yaml(
      '_target_: src.models.Net',
      'optimizer:',
      '  _target_: torch.optim.AdamW',
      '  _partial_: true',
      '  lr: 5.0e-4',
    ),
    '/ws/configs/trainer/default.yaml': trainer,
  };
  const analysis = analyzeIn(files, '/ws/configs/train.yaml');
  assert.equal(analysis.documents[0]?.dialect.id, 'hydra');
  assert.deepEqual(ruleIdsOf(analysis), ['constant-lr']);
  const finding = analysis.findings[0];
  assert.match(finding?.message ?? '', /composed config/);
  assert.match(finding?.message ?? '', /code outside the config[^.]*could still add a scheduler/);
  assert.equal(analysis.documents[0]?.plan?.baseLr, 5e-4);
  // The model group alone (no trainer, no scheduler key) says nothing: its scheduler may be another group's.
  const alone = analyzeIn(files, '/ws/configs/model/net.yaml');
  assert.equal(alone.documents[0]?.dialect.id, 'hydra');
  assert.deepEqual(alone.findings, []);
});

test('`scheduler: null` in the model group: constant-lr; the fix writes a cosine over the composed max_epochs', () => {
  const model = yaml(
    '_target_: src.models.Net',
    'optimizer:',
    '  _target_: torch.optim.AdamW',
    '  _partial_: true',
    '  lr: 5.0e-4',
    'scheduler: null',
    'compile: false',
  );
  const analysis = analyzeConfig(model, '/ws/configs/model/net.yaml', {});
  assert.deepEqual(ruleIdsOf(analysis), ['constant-lr']);
  const fix = analysis.findings[0]?.fixes[0];
  assert.ok(fix);
  const fixed = applyEdits(model, fix.edits);
  assert.ok(fixed.includes('scheduler:\n  _target_: torch.optim.lr_scheduler.CosineAnnealingLR\n  _partial_: true\n  T_max: '), fixed);
  assert.ok(fixed.endsWith('compile: false\n'), fixed);
});

test('CosineAnnealingLR per epoch: exact torch values; T_max shorter than max_epochs is a schedule-horizon', () => {
  const model = (tMax: number) =>
    yaml(
      '_target_: src.models.Net',
      'optimizer:',
      '  _target_: torch.optim.AdamW',
      '  _partial_: true',
      '  lr: 1.0e-3',
      'scheduler:',
      '  _target_: torch.optim.lr_scheduler.CosineAnnealingLR',
      '  _partial_: true',
      `  T_max: ${tMax}`,
      '  eta_min: 1.0e-5',
    );
  const files = {
    '/ws/configs/train.yaml': trainYaml,
    '/ws/configs/model/net.yaml': model(30),
    '/ws/configs/trainer/default.yaml': trainer,
  };
  const analysis = analyzeIn(files, '/ws/configs/train.yaml');
  const plan = analysis.documents[0]?.plan;
  assert.ok(plan);
  assert.deepEqual([plan.schedule.name, plan.length.steps, plan.length.unit], ['CosineAnnealingLR', 30, 'epoch']);
  const curve = scheduleOfPlan(plan);
  assertLr(curve?.lrAt(0) ?? NaN, 1e-3);
  assertLr(curve?.lrAt(15) ?? NaN, 1e-5 + ((1e-3 - 1e-5) * (1 + Math.cos(PI / 2))) / 2);
  assertLr(curve?.lrAt(29) ?? NaN, 1e-5 + ((1e-3 - 1e-5) * (1 + Math.cos((PI * 29) / 30))) / 2);
  assert.deepEqual(ruleIdsOf(analysis), []);
  const short = analyzeIn({ ...files, '/ws/configs/model/net.yaml': model(20) }, '/ws/configs/train.yaml');
  assert.deepEqual(ruleIdsOf(short), ['schedule-horizon']);
});

test('transformers get_cosine_schedule_with_warmup: stepped per optimizer step with its own warmup', () => {
  const text = yaml(
    'trainer:',
    '  _target_: lightning.pytorch.Trainer',
    '  max_steps: 1000',
    'model:',
    '  optimizer:',
    '    _target_: torch.optim.AdamW',
    '    _partial_: true',
    '    lr: 2.0e-4',
    '  scheduler:',
    '    _target_: transformers.get_cosine_schedule_with_warmup',
    '    _partial_: true',
    '    num_warmup_steps: 100',
    '    num_training_steps: 1000',
  );
  const analysis = analyzeConfig(text, '/ws/run.yaml', {});
  const plan = analysis.documents[0]?.plan;
  assert.ok(plan);
  assert.deepEqual(
    [plan.dialect, plan.schedule.framework, plan.schedule.name, plan.warmup.steps, plan.length.steps, plan.length.unit],
    ['hydra', 'huggingface', 'cosine', 100, 1000, 'step'],
  );
  const curve = scheduleOfPlan(plan);
  assertLr(curve?.lrAt(50) ?? NaN, 2e-4 * (50 / 100));
  // progress (550 − 100)/(1000 − 100) = 0.5: 0.5·(1 + cos(π·2·0.5·0.5)) = 0.5
  assertLr(curve?.lrAt(550) ?? NaN, 2e-4 * Math.max(0, 0.5 * (1 + Math.cos(PI * 2 * 0.5 * 0.5))));
  assert.deepEqual(ruleIdsOf(analysis), []);
});

test('group files: an optimizer alone is recognized without a plan or findings; a scheduler alone spans its T_max', () => {
  const optimizer = analyzeConfig(yaml('_target_: torch.optim.AdamW', 'lr: 0.001'), '/ws/configs/optimizer/adamw.yaml', {});
  assert.equal(optimizer.documents[0]?.dialect.id, 'hydra');
  assert.equal(optimizer.documents[0]?.plan, undefined);
  assert.deepEqual(optimizer.findings, []);
  const scheduler = analyzeConfig(
    yaml('_target_: torch.optim.lr_scheduler.CosineAnnealingLR', 'T_max: 200'),
    '/ws/configs/scheduler/cos.yaml',
    {},
  );
  const plan = scheduler.documents[0]?.plan;
  assert.ok(plan);
  assert.deepEqual([plan.length.steps, plan.length.assumed], [200, true]);
  assert.ok(plan.assumptions.some((a) => /another config group/.test(a)));
  assert.deepEqual(scheduler.findings, []);
});

test('no false claims: torchtune, NeMo, Hydra sweeps, LightningCLI and `_target_` files without optimizer keep their dialects', () => {
  assert.equal(
    dialectOf(
      yaml(
        'model:',
        '  _component_: torchtune.models.llama3_2.llama3_2_1b',
        'optimizer:',
        '  _component_: torch.optim.AdamW',
        '  lr: 2e-5',
      ),
    ),
    'torchtune',
  );
  assert.equal(
    dialectOf(yaml('name: x', 'model:', '  optim: {name: adamw, lr: 0.001}', 'trainer: {max_steps: 100}', 'exp_manager: {}')),
    'nemo',
  );
  assert.equal(
    dialectOf(yaml('defaults:', '  - override /hydra/sweeper: optuna', 'hydra:', '  sweeper:', '    n_trials: 20')),
    'hydra-sweep',
  );
  assert.equal(
    dialectOf(
      yaml(
        'trainer:',
        '  max_epochs: 3',
        'model:',
        '  class_path: my.Model',
        'optimizer:',
        '  class_path: torch.optim.AdamW',
        '  init_args: {lr: 0.001}',
      ),
    ),
    'lightning',
  );
  assert.equal(dialectOf(yaml('_target_: src.data.mnist_datamodule.MNISTDataModule', 'batch_size: 128')), null);
  // An eval config composing the same groups trains nothing (the template's configs/eval.yaml).
  const files = {
    '/ws/configs/eval.yaml': yaml('defaults:', '  - _self_', '  - model: net', 'task_name: "eval"', 'ckpt_path: ???'),
    '/ws/configs/model/net.yaml': yaml('optimizer: {_target_: torch.optim.Adam, _partial_: true, lr: 1.0e-3}', 'scheduler: null'),
  };
  assert.equal(analyzeIn(files, '/ws/configs/eval.yaml').documents.length, 0);
  assert.equal(
    analyzeIn({ ...files, '/ws/configs/eval.yaml': files['/ws/configs/eval.yaml'].replace('"eval"', '"train"') }, '/ws/configs/eval.yaml')
      .documents[0]?.dialect.id,
    'hydra',
  );
  // The template's own eval.yaml, composed on disk: recognized by nobody.
  const evalPath = join(TEMPLATE, 'eval.yaml');
  assert.equal(analyzeConfig(readFileSync(evalPath, 'utf8'), evalPath, { readFile: readDisk }).documents.length, 0);
  const trainerOnly = join(TEMPLATE, 'trainer', 'default.yaml');
  assert.equal(analyzeConfig(readFileSync(trainerOnly, 'utf8'), trainerOnly, {}).documents.length, 0);
});

test('SequentialLR with `_target_` children (LinearLR warmup, then cosine): torch per-epoch values', () => {
  const text = yaml(
    'trainer:',
    '  max_epochs: 20',
    'model:',
    '  optimizer: {_target_: torch.optim.AdamW, _partial_: true, lr: 1.0e-3}',
    '  scheduler:',
    '    _target_: torch.optim.lr_scheduler.SequentialLR',
    '    _partial_: true',
    '    schedulers:',
    '      - {_target_: torch.optim.lr_scheduler.LinearLR, start_factor: 0.1, total_iters: 5}',
    '      - {_target_: torch.optim.lr_scheduler.CosineAnnealingLR, T_max: 15}',
    '    milestones: [5]',
  );
  const analysis = analyzeConfig(text, '/ws/run.yaml', {});
  const plan = analysis.documents[0]?.plan;
  assert.ok(plan);
  const curve = scheduleOfPlan(plan);
  // LinearLR (chainable): 1e-3·0.1, then ×(1 + 0.9 / (5·0.1 + 0·0.9)) = 2.8e-4; epoch 5: the cosine's closed form η.
  assertLr(curve?.lrAt(0) ?? NaN, 1e-4);
  assertLr(curve?.lrAt(1) ?? NaN, 1e-4 * (1 + 0.9 / 0.5));
  assertLr(curve?.lrAt(5) ?? NaN, 1e-3);
  assert.deepEqual(ruleIdsOf(analysis), []);
});

test('schedulers LR Lens cannot evaluate and detectron2 LazyConfig dumps: no plan, no claim on the other framework', () => {
  const custom = yaml(
    'optimizer: {_target_: torch.optim.AdamW, _partial_: true, lr: 1.0e-3}',
    'scheduler: {_target_: src.utils.WarmupCosine, _partial_: true, warmup: 5}',
    'trainer: {max_epochs: 10}',
  );
  const analysis = analyzeConfig(custom, '/ws/run.yaml', {});
  assert.equal(analysis.documents[0]?.dialect.id, 'hydra');
  assert.equal(analysis.documents[0]?.plan, undefined);
  assert.deepEqual(analysis.findings, []);
  const lazy = yaml(
    'optimizer: {_target_: torch.optim.SGD, lr: 0.02, momentum: 0.9, params: {_target_: detectron2.solver.get_default_optimizer_params}}',
    'lr_multiplier: {_target_: detectron2.solver.WarmupParamScheduler, warmup_length: 0.001}',
    'train: {max_iter: 90000}',
  );
  assert.notEqual(dialectOf(lazy), 'hydra');
});

test('transformers.get_scheduler by name; a trainer.max_steps other than num_training_steps is said, the curve keeps the factory T', () => {
  const text = yaml(
    'trainer: {max_steps: 1200}',
    'optimizer: {_target_: torch.optim.AdamW, _partial_: true, lr: 1.0e-4}',
    'scheduler: {_target_: transformers.get_scheduler, _partial_: true, name: linear, num_warmup_steps: 0, num_training_steps: 1000}',
  );
  const plan = analyzeConfig(text, '/ws/run.yaml', {}).documents[0]?.plan;
  assert.ok(plan);
  assert.deepEqual([plan.schedule.framework, plan.schedule.name, plan.length.steps], ['huggingface', 'linear', 1000]);
  assert.ok(plan.assumptions.some((a) => /trainer.max_steps is 1200/.test(a)));
  // linear: η·(T − k)/(T − W) = 1e-4·(1000 − 250)/1000
  assertLr(scheduleOfPlan(plan)?.lrAt(250) ?? NaN, 1e-4 * (750 / 1000));
});

test('a constant transformers factory: constant-lr, fixed to the cosine factory with the same warmup over the run', () => {
  const text = yaml(
    'trainer: {max_steps: 1000}',
    'optimizer: {_target_: torch.optim.AdamW, _partial_: true, lr: 1.0e-4}',
    'scheduler:',
    '  _target_: transformers.get_constant_schedule_with_warmup',
    '  _partial_: true',
    '  num_warmup_steps: 50',
  );
  const analysis = analyzeConfig(text, '/ws/run.yaml', {});
  assert.deepEqual(ruleIdsOf(analysis), ['constant-lr']);
  const fix = analysis.findings[0]?.fixes[0];
  assert.ok(fix);
  const fixed = applyEdits(text, fix.edits);
  assert.ok(
    fixed.endsWith(
      'scheduler:\n  _target_: transformers.get_cosine_schedule_with_warmup\n  _partial_: true\n  num_warmup_steps: 50\n  num_training_steps: 1000\n',
    ),
    fixed,
  );
  assert.deepEqual(ruleIdsOf(analyzeConfig(fixed, '/ws/run.yaml', {})), []);
});
