import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlayHintsOf } from '../../../server/src/analysis/inlayHints';
import { analyze, yaml } from '../dialects/analyze';

/** Each hint as `line text ⟶ label`, where the line is the text before the hint on its line. */
function hints(text: string, fileName = 'config.yaml'): string[] {
  const analysis = analyze(text, fileName);
  assert.ok(analysis.documents.length > 0, 'the file must be recognized for this test to mean anything');
  return inlayHintsOf(analysis, text).map((hint) => {
    const lineStart = text.lastIndexOf('\n', hint.offset - 1) + 1;
    return `${text.slice(lineStart, hint.offset).trim()} ⟶ ${hint.label}`;
  });
}

test('a warmup ratio shows the steps it comes to', () => {
  const text = yaml('learning_rate: 2.0e-5', 'lr_scheduler_type: cosine', 'warmup_ratio: 0.03', 'max_steps: 2000');
  assert.deepEqual(hints(text), ['warmup_ratio: 0.03 ⟶ = 60 steps']);
});

test('an epoch count shows the steps it comes to, saying when steps per epoch are assumed', () => {
  const assumed = yaml('learning_rate: 2.0e-5', 'lr_scheduler_type: linear', 'num_train_epochs: 3');
  assert.deepEqual(hints(assumed), ['num_train_epochs: 3 ⟶ ≈ 3,000 steps (1,000/epoch assumed)']);
  const given = yaml('# lr-lens: steps-per-epoch=400', 'learning_rate: 2.0e-5', 'lr_scheduler_type: linear', 'num_train_epochs: 2');
  assert.deepEqual(hints(given), ['num_train_epochs: 2 ⟶ = 800 steps (400/epoch)']);
});

test('a warmup ratio under an assumed length says so', () => {
  const text = yaml('learning_rate: 2.0e-5', 'lr_scheduler_type: cosine', 'warmup_ratio: 0.1', 'num_train_epochs: 1');
  assert.deepEqual(hints(text), [
    'warmup_ratio: 0.1 ⟶ = 100 steps (assumed length)',
    'num_train_epochs: 1 ⟶ ≈ 1,000 steps (1,000/epoch assumed)',
  ]);
});

test('a milestone list shows the LR after each milestone, SequentialLR children counted from their start', () => {
  const text = yaml(
    'trainer:',
    '  max_epochs: 90',
    'model:',
    '  class_path: my.Model',
    'optimizer:',
    '  class_path: torch.optim.SGD',
    '  init_args:',
    '    lr: 0.1',
    'lr_scheduler:',
    '  class_path: torch.optim.lr_scheduler.SequentialLR',
    '  init_args:',
    '    schedulers:',
    '      - class_path: torch.optim.lr_scheduler.LinearLR',
    '        init_args: {start_factor: 0.1, total_iters: 5}',
    '      - class_path: torch.optim.lr_scheduler.MultiStepLR',
    '        init_args:',
    '          milestones: [25, 55, 75]',
    '          gamma: 0.1',
    '    milestones: [5]',
  );
  assert.deepEqual(hints(text), ['milestones: [25, 55, 75] ⟶ → 0.01 → 0.001 → 1e-4', 'milestones: [5] ⟶ → 0.1']);
});

test("a list that is not the schedule's milestones gets no hint", () => {
  const text = yaml(
    'trainer:',
    '  max_epochs: 90',
    'model:',
    '  class_path: my.Model',
    '  init_args:',
    '    milestones: [1, 2, 3]',
    'optimizer:',
    '  class_path: torch.optim.SGD',
    '  init_args:',
    '    lr: 0.1',
    'lr_scheduler:',
    '  class_path: torch.optim.lr_scheduler.CosineAnnealingLR',
    '  init_args:',
    '    T_max: 90',
  );
  assert.deepEqual(hints(text), []);
});

test("a sweep's trial budget shows which Adam hyperparameters it can afford", () => {
  const sweep = (runCap: number) =>
    yaml(
      'method: random',
      `run_cap: ${runCap}`,
      'parameters:',
      '  learning_rate:',
      '    distribution: log_uniform_values',
      '    min: 1.0e-5',
      '    max: 1.0e-3',
      '  optimizer:',
      '    value: adamw',
    );
  assert.deepEqual(hints(sweep(8), 'sweep.yaml'), ['run_cap: 8 ⟶ tunes the learning rate']);
  assert.deepEqual(hints(sweep(20), 'sweep.yaml'), ['run_cap: 20 ⟶ tunes the learning rate, beta_1']);
  assert.deepEqual(hints(sweep(30), 'sweep.yaml'), ['run_cap: 30 ⟶ tunes the learning rate, beta_1, epsilon']);
  assert.deepEqual(hints(sweep(60), 'sweep.yaml'), ['run_cap: 60 ⟶ tunes the learning rate, beta_1, epsilon, beta_2']);
});

test('files that are not training configs get no hints', () => {
  const text = yaml('name: CI', 'on: [push]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - run: echo 0.03');
  const analysis = analyze(text, '.github/workflows/ci.yml');
  assert.equal(analysis.documents.length, 0);
  assert.deepEqual(inlayHintsOf(analysis, text), []);
});

test('Composer time strings: max_duration in epochs (after scale_schedule_ratio), samples; t_warmup in dur and ep', () => {
  const hparams = (...more: string[]) =>
    yaml(
      'train_dataset: {imagenet: {crop_size: 176}}',
      'model: {resnet: {model_name: resnet50}}',
      'optimizer: {decoupled_sgdw: {lr: 2.048}}',
      'max_duration: 90ep',
      ...more,
      'train_batch_size: 2048',
    );
  // Composer truncates 90ep × 0.36 to 32ep; t_warmup is not scaled; a list item's t_warmup has no plan source.
  assert.deepEqual(hints(hparams('scale_schedule_ratio: 0.36', 'schedulers:', '  - cosine_decay_with_warmup: {t_warmup: 8ep}')), [
    'max_duration: 90ep ⟶ × 0.36 = 32ep ≈ 32,000 steps (1,000/epoch assumed)',
    '- cosine_decay_with_warmup: {t_warmup: 8ep ⟶ ≈ 8,000 steps (1,000/epoch assumed)',
  ]);
  assert.deepEqual(hints(hparams('schedulers:', '  cosine_decay_with_warmup:', '    t_warmup: 0.1dur')), [
    'max_duration: 90ep ⟶ ≈ 90,000 steps (1,000/epoch assumed)',
    't_warmup: 0.1dur ⟶ = 9,000 steps (assumed length)',
  ]);
  // The newer format: samples over the global batch size; batches are steps already (no hint).
  const foundry = yaml(
    'global_train_batch_size: 4096',
    'max_duration: 286720000sp',
    'model: {name: bert}',
    'train_loader: {name: text}',
    'optimizer: {name: decoupled_adamw, lr: 5.0e-4}',
    'scheduler: {name: linear_decay_with_warmup, t_warmup: 0.06dur, alpha_f: 0.02}',
  );
  assert.deepEqual(hints(foundry), [
    'max_duration: 286720000sp ⟶ = 70,000 steps',
    'scheduler: {name: linear_decay_with_warmup, t_warmup: 0.06dur ⟶ = 4,200 steps',
  ]);
  assert.deepEqual(hints(foundry.replace('286720000sp', '3600ba').replace('0.06dur', '80ba')), []);
});
