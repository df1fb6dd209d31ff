// litgpt recipes: recognition (no false claims), pretrain vs finetune, defaults, the values each command rejects,
// the rules and the one fix litgpt can express. Figures derived from Lightning-AI/litgpt
// @26857050fe3ff627cd714fe92f5838f51a3d5efa (litgpt/args.py, pretrain.py, finetune/lora.py).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeConfig, applyEdits, onInternalError } from '../../../../server/src/index';
import { scheduleOfPlan } from '../../../../server/src/schedules';
import { analyze, dialectOf, planOf, ruleIds, yaml } from '../../dialects/analyze';
import { assertLr } from '../../schedules/expectLr';

onInternalError((error) => {
  throw error;
});

const PI = Math.PI;
const optimizer = ['optimizer:', '  class_path: torch.optim.AdamW', '  init_args:', '    lr: 0.0003'];

test('finetune recipe: checkpoint_dir and epochs; LambdaLR warmup, cosine to 0 over epochs × steps per epoch', () => {
  const text = yaml(
    'checkpoint_dir: checkpoints/m',
    'devices: 1',
    'train:',
    '  global_batch_size: 16',
    '  lr_warmup_steps: 10',
    '  epochs: 3',
    '  min_lr: 6.0e-05',
    ...optimizer,
  );
  const plan = planOf(text, 'litgpt', 'lora.yaml', { stepsPerEpoch: 100 });
  assert.deepEqual(
    [
      plan.schedule.framework,
      plan.schedule.name,
      plan.schedule.params,
      plan.warmup.steps,
      plan.length.steps,
      plan.length.assumed,
      plan.baseLr,
    ],
    ['litgpt', 'finetune', { warmup_steps: 10, lr_max_steps: 300 }, 10, 300, false, 3e-4],
  );
  assert.ok(plan.assumptions.some((a) => /finetune recipe/.test(a)));
  assert.ok(plan.assumptions.some((a) => /min_lr is not read by finetune/.test(a)));
  const curve = scheduleOfPlan(plan);
  assertLr(curve?.lrAt(5) ?? NaN, 3e-4 * (5 / 10));
  assertLr(curve?.lrAt(155) ?? NaN, 3e-4 * 0.5 * (1 + Math.cos((PI * 145) / 290)));
  assert.deepEqual(ruleIds(text), []);
});

test('pretrain recipe: model_name and max_tokens; updates from tokens, warmup × GA micro-batches', () => {
  // ws = 2 devices: GA = (64 // 2) // 4 = 8; max_iters = (1e9 // 2) // (4 × 1024) = 122070; updates = 15258.
  const text = yaml(
    'model_name: pythia-160m',
    'devices: 2',
    'train:',
    '  global_batch_size: 64',
    '  micro_batch_size: 4',
    '  lr_warmup_steps: 100',
    '  max_tokens: 1000000000',
    '  max_seq_length: 1024',
    '  min_lr: 3.0e-05',
    '  max_norm: 1.0',
    ...optimizer,
  );
  const plan = planOf(text, 'litgpt');
  assert.deepEqual(
    [plan.schedule.name, plan.schedule.params, plan.warmup.steps, plan.length.steps, plan.length.assumed],
    ['pretrain', { warmup_iters: 800, max_iters: 122070, grad_accum: 8, min_lr: 3e-5 }, 100, 15258, false],
  );
  const curve = scheduleOfPlan(plan);
  // update 0: it 7 → 3e-4·7/800; update 15257: it 122063.
  assertLr(curve?.lrAt(0) ?? NaN, (3e-4 * 7) / 800);
  assertLr(curve?.lrAt(15257) ?? NaN, 3e-5 + 0.5 * (1.0 + Math.cos(PI * ((122063 - 800) / (122070 - 800)))) * (3e-4 - 3e-5));
  assert.deepEqual(ruleIds(text), []);
});

test('pretrain: max_steps is not read by its loop; devices auto and a missing sequence length are said', () => {
  const text = yaml(
    'model_name: my-model',
    'devices: auto',
    'train:',
    '  global_batch_size: 8',
    '  max_tokens: 1000000',
    '  max_steps: 5',
    ...optimizer,
  );
  const plan = planOf(text, 'litgpt');
  assert.equal(plan.schedule.name, 'pretrain');
  assert.equal(plan.length.assumed, true);
  // 1 device, GA = 8 // 4 = 2; max_iters = 1e6 // (4 × 2048) = 122; 61 updates (not 5).
  assert.equal(plan.length.steps, 61);
  assert.ok(plan.assumptions.some((a) => /max_steps is not read/.test(a)));
  assert.ok(plan.assumptions.some((a) => /devices: auto/.test(a)));
  assert.ok(plan.assumptions.some((a) => /sequence length 2048/.test(a)));
  // A model litgpt/config.py gives block_size 512: max_iters = 1e6 // (4 × 512) = 488; 244 updates, not assumed.
  const pythia = planOf(text.replace('my-model', 'pythia-14m'), 'litgpt');
  assert.deepEqual([pythia.length.steps, pythia.length.assumed], [244, false]);
});

test('optimizer written as a name: torch defaults (AdamW lr 1e-3), said as assumed', () => {
  const plan = planOf(yaml('checkpoint_dir: c', 'optimizer: AdamW', 'train:', '  global_batch_size: 16', '  epochs: 1'), 'litgpt');
  assert.deepEqual([plan.optimizer.name, plan.baseLr, plan.warmup.steps], ['AdamW', 1e-3, 100]);
  assert.ok(plan.assumptions.some((a) => /learning rate 0.001/.test(a)));
});

test('values each command rejects are invalid-value, with no plan', () => {
  const finetuneZero = yaml('checkpoint_dir: c', 'train:', '  global_batch_size: 16', '  lr_warmup_steps: 0', '  epochs: 1', ...optimizer);
  assert.equal(dialectOf(finetuneZero), 'litgpt');
  assert.deepEqual(ruleIds(finetuneZero), ['invalid-value']);
  const pretrainEpochs = yaml('model_name: m', 'train:', '  global_batch_size: 16', '  max_tokens: 1000000', '  epochs: 2', ...optimizer);
  assert.deepEqual(ruleIds(pretrainEpochs), ['invalid-value']);
  const both = yaml(
    'model_name: m',
    'train:',
    '  global_batch_size: 16',
    '  max_tokens: 1000000',
    '  lr_warmup_fraction: 0.1',
    ...optimizer,
  );
  const finding = analyze(both).findings[0];
  assert.match(finding?.message ?? '', /lr_warmup_steps defaults to 2000/);
  assert.equal(analyze(both).documents[0]?.plan, undefined);
  // With lr_warmup_steps: null the fraction applies (taken of the whole run here, said so).
  // (8 // 4 devices) // micro_batch_size 4 = 0: litgpt's assertion.
  const tooSmall = yaml(
    'checkpoint_dir: c',
    'devices: 4',
    'train:',
    '  global_batch_size: 8',
    '  micro_batch_size: 4',
    '  epochs: 1',
    ...optimizer,
  );
  assert.deepEqual(ruleIds(tooSmall), ['invalid-value']);
  const fraction = planOf(both.replace('  lr_warmup_fraction: 0.1', '  lr_warmup_fraction: 0.1\n  lr_warmup_steps: null'), 'litgpt');
  assert.equal(fraction.warmup.ratio, 0.1);
});

test('constant-lr when pretrain min_lr reaches the LR; the fix lowers train.min_lr (no linear spelling)', () => {
  const text = yaml(
    'model_name: m',
    'train:',
    '  global_batch_size: 16',
    '  max_tokens: 100000000',
    '  max_seq_length: 512',
    '  min_lr: 0.0003',
    ...optimizer,
  );
  const analysis = analyze(text);
  const finding = analysis.findings.find((f) => f.ruleId === 'constant-lr');
  assert.ok(finding, JSON.stringify(analysis.findings.map((f) => f.ruleId)));
  assert.deepEqual(
    finding.fixes.map((f) => f.title),
    ['Use cosine decay'],
  );
  const fixed = applyEdits(text, finding.fixes[0]?.edits ?? []);
  assert.equal(fixed, text.replace('  min_lr: 0.0003', '  min_lr: 0.0'));
  assert.deepEqual(ruleIds(fixed), []);
});

test('warmup longer than a finetune run is flagged', () => {
  const text = yaml(
    'checkpoint_dir: c',
    'data:',
    '  class_path: litgpt.data.Alpaca2k',
    'train:',
    '  lr_warmup_steps: 300',
    '  epochs: 1',
    '  max_steps: 150',
    ...optimizer,
  );
  const plan = planOf(text, 'litgpt');
  assert.deepEqual([plan.schedule.name, plan.warmup.steps, plan.length.steps], ['finetune', 300, 150]);
  assert.deepEqual(ruleIds(text), ['warmup-too-long']);
});

test('no false claims: Lightning CLI stays lightning; a Hydra train.yaml with `train: true` is not litgpt', () => {
  const cli = yaml(
    'trainer:',
    '  max_epochs: 3',
    'model:',
    '  class_path: my.Model',
    'optimizer:',
    '  class_path: torch.optim.AdamW',
    '  init_args: {lr: 0.001}',
  );
  assert.equal(dialectOf(cli), 'lightning');
  const hydraTrain = yaml(
    '# @package _global_',
    'defaults:',
    '  - _self_',
    '  - model: mnist',
    'task_name: train',
    'train: True',
    'test: True',
  );
  assert.notEqual(dialectOf(hydraTrain), 'litgpt');
  const other = yaml('train:', '  batch_size: 32', '  epochs: 10', 'model: {name: resnet}');
  assert.notEqual(dialectOf(other), 'litgpt');
  // Generic neighbours of litgpt's keys (devices, precision, out_dir, a batch size and epochs) are not a recipe ...
  const generic = yaml('devices: 2', 'precision: bf16-mixed', 'out_dir: out', 'train:', '  global_batch_size: 32', '  epochs: 10');
  assert.equal(dialectOf(generic), null);
  // ... until a key only litgpt's commands take joins them.
  assert.equal(dialectOf(generic.replace('train:', 'checkpoint_dir: c\ntrain:\n  lr_warmup_steps: 10')), 'litgpt');
});

// Real recipes (test/unit/frameworks/litgpt/configs, SOURCES.tsv: Lightning-AI/litgpt config_hub @26857050, Apache-2.0).
const CONFIGS = join(__dirname, 'configs');
const read = (name: string) => {
  assert.ok(readFileSync(join(CONFIGS, 'SOURCES.tsv'), 'utf8').includes(`${name}\t`), `${name} in SOURCES.tsv`);
  const path = join(CONFIGS, name);
  return analyzeConfig(readFileSync(path, 'utf8'), path, {});
};

test('real config pretrain/microllama.yaml: 30517578 updates, 2000 warmup updates, cosine to 4e-5', () => {
  // devices auto → 1: GA = (48 // 1) // 12 = 4; max_iters = 3e12 // (12 × 2048) = 122070312; updates 30517578;
  // Wi = 2000 × 4 = 8000. lr(0) = 4e-4·3/8000; lr(2000) at it 8003; the last update at it 122070311.
  const analysis = read('pretrain_microllama.yaml');
  const plan = analysis.documents[0]?.plan;
  assert.equal(analysis.documents[0]?.dialect.id, 'litgpt');
  assert.ok(plan);
  assert.deepEqual(
    [plan.schedule.name, plan.baseLr, plan.warmup.steps, plan.length.steps, plan.length.assumed],
    ['pretrain', 4e-4, 2000, 30517578, false],
  );
  const curve = scheduleOfPlan(plan);
  const g = (it: number) => 4e-5 + 0.5 * (1.0 + Math.cos(PI * ((it - 8000) / (122070312 - 8000)))) * (4e-4 - 4e-5);
  assertLr(curve?.lrAt(0) ?? NaN, (4e-4 * 3) / 8000);
  assertLr(curve?.lrAt(1999) ?? NaN, (4e-4 * 7999) / 8000);
  assertLr(curve?.lrAt(2000) ?? NaN, g(8003));
  assertLr(curve?.lrAt(30517577) ?? NaN, g(122070311));
  assert.deepEqual(analysis.findings, []);
});

test('real config finetune/llama-3.1-8b/full.yaml: W 25, one epoch of the assumed 1000 updates', () => {
  const analysis = read('finetune_llama-3.1-8b_full.yaml');
  const plan = analysis.documents[0]?.plan;
  assert.ok(plan);
  assert.deepEqual(
    [plan.schedule.name, plan.baseLr, plan.warmup.steps, plan.length.steps, plan.length.assumed],
    ['finetune', 2e-4, 25, 1000, true],
  );
  const curve = scheduleOfPlan(plan);
  assertLr(curve?.lrAt(24) ?? NaN, 2e-4 * (24 / 25));
  assertLr(curve?.lrAt(25) ?? NaN, 2e-4);
  assertLr(curve?.lrAt(26) ?? NaN, 2e-4 * ((1 + Math.cos(PI / 975)) / 2));
  assert.ok(Math.abs((curve?.lrAt(512) ?? NaN) - 2e-4 * 0.5 * (1 + Math.cos((PI * 487) / 975))) < 1e-15);
  assert.deepEqual(analysis.findings, []);
});

test('real config finetune/gemma-2b/qlora.yaml: W 200, two epochs; with 50 steps per epoch the warmup is too long', () => {
  const analysis = read('finetune_gemma-2b_qlora.yaml');
  const plan = analysis.documents[0]?.plan;
  assert.ok(plan);
  assert.deepEqual([plan.schedule.name, plan.warmup.steps, plan.length.steps], ['finetune', 200, 2000]);
  assert.deepEqual(analysis.findings, []);
  const path = join(CONFIGS, 'finetune_gemma-2b_qlora.yaml');
  const short = analyzeConfig(readFileSync(path, 'utf8'), path, { stepsPerEpoch: 50 });
  assert.deepEqual(
    short.findings.map((f) => f.ruleId),
    ['warmup-too-long'],
  );
});

test('finetune rejects max_norm and tie_embeddings (validate_args); a recipe nothing names is judged on neither command', () => {
  const withNorm = yaml('checkpoint_dir: c', 'train:', '  global_batch_size: 16', '  epochs: 1', '  max_norm: 1.0', ...optimizer);
  assert.deepEqual(ruleIds(withNorm), ['invalid-value']);
  assert.deepEqual(ruleIds(withNorm.replace('  max_norm: 1.0', '  max_norm:')), []);
  // No command-naming key: finetune assumed, said so, and nothing reported as rejected.
  const unnamed = yaml('out_dir: out', 'train:', '  global_batch_size: 16', '  lr_warmup_steps: 10', '  max_norm: 1.0', ...optimizer);
  const plan = planOf(unnamed, 'litgpt');
  assert.ok(plan.assumptions.some((a) => /finetune assumed/.test(a)));
  assert.deepEqual(ruleIds(unnamed), []);
});
