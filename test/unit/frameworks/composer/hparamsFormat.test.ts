// Composer's older hparams YAML (yahp era, Composer <= 0.11): registry names as one-key mappings, `schedulers`,
// `scale_schedule_ratio`. Expected values worked out by hand from mosaicml/composer composer/trainer/trainer.py
// (`_scale_max_duration_by_ssr`) and composer/optim/scheduler.py (`_convert_time`) at v0.11.0: max_duration is
// scaled and truncated in its unit, `dur` follows the scaled max_duration, the schedulers' ep/ba times are scaled,
// t_warmup is not. Batch k trains with base * alpha(max(k - 1, 0)).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeConfig } from '../../../../server/src/analysis/analyzeConfig';
import { applyEdits } from '../../../../server/src/fixes/yamlEdits';
import { composerSchedule } from '../../../../server/src/frameworks/composer/schedule';
import { scheduleInputOf } from '../../../../server/src/frameworks/scheduleInput';
import type { TrainingPlan } from '../../../../server/src/plan/trainingPlan';
import { assertSteps } from '../../schedules/expectLr';
import { dialectOf, planOf, ruleIds, yaml } from '../../dialects/analyze';

const scheduleOf = (plan: TrainingPlan) => composerSchedule(scheduleInputOf(plan));

const mild = [
  '# lr-lens: steps-per-epoch=100',
  'algorithms:',
  '  channels_last: {}',
  'model:',
  '  resnet: {model_name: resnet50}',
  'optimizer:',
  '  decoupled_sgdw: {lr: 2.048, momentum: 0.875, weight_decay: 0.0005}',
  'max_duration: 90ep',
  'scale_schedule_ratio: 0.36',
  'schedulers:',
  '  cosine_decay_with_warmup: {alpha_f: 0.0, t_max: 1dur, t_warmup: 8ep}',
  'train_batch_size: 2048',
];

test('resnet50 mild: 90ep x 0.36 is 32ep (truncated); warmup 8ep is not scaled; t_max 1dur is the scaled run', () => {
  const plan = planOf(yaml(...mild), 'composer');
  // 32ep x 100 batches = 3200 batches; warmup 8ep x 100 = 800 batches (scaled it would be 288).
  assert.deepEqual([plan.baseLr, plan.length.steps, plan.length.epochs, plan.warmup.steps], [2.048, 3200, 32, 800]);
  const named = [plan.optimizer.name, plan.optimizer.weightDecay, plan.schedule.name];
  assert.deepEqual(named, ['decoupled_sgdw', 0.0005, 'cosine_decay_with_warmup']);
  const said = plan.assumptions.join(' ');
  assert.ok(said.includes('scale_schedule_ratio 0.36 scales max_duration 90ep to 32ep'), said);
  assert.ok(said.includes('warmup (t_warmup) is not scaled'), said);
  // alpha(400) = 400/800 = .5; alpha(800) = 1; t_max = int(1 x 100 x 32) = 3200 (no second scaling):
  // alpha(2000) = cos anneal of (2000 - 800) / (3200 - 800) = .5 -> .5; alpha(3200) = 0.
  assertSteps(scheduleOf(plan), { 0: 0, 1: 0, 401: 1.024, 801: 2.048, 2001: 1.024, 3201: 0 });
  // The ratio shortens the run but not the warmup: 800 of 3200 batches (25%) warm up.
  assert.deepEqual(ruleIds(yaml(...mild)), ['warmup-too-long']);
});

test('a schedulers list (Composer 0.7 yamls): multistep milestones are scaled, warmup is not', () => {
  const text = yaml(
    '# lr-lens: steps-per-epoch=10',
    'optimizer:',
    '  decoupled_sgdw: {lr: 1.2, momentum: 0.9}',
    'schedulers:',
    '  - multistep_with_warmup:',
    '      t_warmup: "5ep"',
    '      milestones: ["80ep", "120ep"]',
    '      gamma: 0.1',
    'model:',
    '  resnet_cifar: {model_name: resnet_56}',
    'max_duration: 160ep',
    'scale_schedule_ratio: 0.5',
  );
  const plan = planOf(text, 'composer');
  // 160ep x .5 = 80ep -> 800 batches; warmup 5ep = 50 batches; milestones int(800 x .5) = 400 and int(1200 x .5) = 600.
  assert.deepEqual([plan.length.steps, plan.warmup.steps, plan.schedule.name], [800, 50, 'multistep_with_warmup']);
  assertSteps(scheduleOf(plan), { 26: 0.6, 51: 1.2, 400: 1.2, 401: 0.12, 600: 0.12, 601: 0.012 });
});

test('max_duration in batches is scaled in batches; the optimizers key of Composer 0.8 to 0.11 is read', () => {
  const text = yaml(
    'optimizers:',
    '  adamw: {lr: 6.0e-4, betas: [0.9, 0.98], eps: 1.0e-6, weight_decay: 0.0}',
    'schedulers:',
    '  - cosine_decay_with_warmup: {t_warmup: 100ba}',
    'max_duration: 1000ba',
    'scale_schedule_ratio: 0.36',
    'train_batch_size: 512',
  );
  const plan = planOf(text, 'composer');
  // int(1000 x .36) = 360 batches; warmup 100ba kept.
  assert.deepEqual([plan.length.steps, plan.warmup.steps, plan.baseLr], [360, 100, 6e-4]);
  assert.deepEqual([plan.optimizer.family, plan.optimizer.beta2, plan.optimizer.epsilon], ['adam', 0.98, 1e-6]);
  // alpha(50) = .5; alpha(230): frac (230 - 100) / (360 - 100) = .5 -> .5.
  assertSteps(scheduleOf(plan), { 51: 3e-4, 231: 3e-4 });
});

test('several schedulers: the last one sets the learning rate, and the plan says so', () => {
  const text = yaml(
    'optimizer:',
    '  sgd: {lr: 0.1}',
    'schedulers:',
    '  - constant_with_warmup: {t_warmup: 10ba}',
    '  - linear_decay: {alpha_f: 0.5}',
    'max_duration: 100ba',
    'train_batch_size: 64',
  );
  const plan = planOf(text, 'composer');
  assert.equal(plan.schedule.name, 'linear_decay');
  assert.ok(plan.assumptions.some((a) => a.includes('the last (linear_decay) sets the learning rate')));
  // alpha(50) = 1 + .5 x (.5 - 1) = .75.
  assertSteps(scheduleOf(plan), { 51: 0.075 });
});

test('no schedulers: constant LR, and the fix writes schedulers in this format, comments kept', () => {
  const text = yaml(
    '# ResNet recipe',
    'optimizer:',
    '  decoupled_sgdw:',
    '    lr: 2.048  # tuned',
    'max_duration: 90ep',
    'train_dataset:',
    '  imagenet: {crop_size: 176}',
  );
  assert.equal(dialectOf(text), 'composer');
  const analysis = analyzeConfig(text, 'recipes/resnet50.yaml');
  const finding = analysis.findings.find((f) => f.ruleId === 'constant-lr');
  assert.ok(finding, `constant-lr expected; got ${analysis.findings.map((f) => f.ruleId).join(', ')}`);
  const fix = finding.fixes.find((f) => f.title.startsWith('Use cosine decay'));
  assert.ok(fix, `a cosine fix (have ${finding.fixes.map((f) => f.title).join(', ')})`);
  assert.equal(
    applyEdits(text, fix.edits),
    yaml(
      '# ResNet recipe',
      'optimizer:',
      '  decoupled_sgdw:',
      '    lr: 2.048  # tuned',
      'schedulers:',
      '  cosine_decay_with_warmup:',
      '    t_warmup: 0ba',
      '    alpha_f: 0.0',
      'max_duration: 90ep',
      'train_dataset:',
      '  imagenet: {crop_size: 176}',
    ),
  );
});

test('a constant_with_warmup list item: constant LR; the fix keeps its warmup and writes the mapping form', () => {
  const text = yaml(
    'optimizer:',
    '  adamw: {lr: 1.0e-4}  # from the paper',
    'schedulers:',
    '  - constant_with_warmup: {t_warmup: 2ep}',
    'max_duration: 20ep',
    'model:',
    '  bert: {use_pretrained: true}',
  );
  const analysis = analyzeConfig(text, 'bert.yaml');
  const finding = analysis.findings.find((f) => f.ruleId === 'constant-lr');
  assert.ok(finding, `constant-lr expected; got ${analysis.findings.map((f) => f.ruleId).join(', ')}`);
  const fix = finding.fixes.find((f) => f.title.startsWith('Use linear decay'));
  assert.ok(fix, `a linear fix (have ${finding.fixes.map((f) => f.title).join(', ')})`);
  const after = applyEdits(text, fix.edits);
  assert.ok(after.startsWith('optimizer:\n  adamw: {lr: 1.0e-4}  # from the paper\nschedulers:\n'), after);
  assert.match(after, /schedulers:\n {2}linear_decay_with_warmup:\n {4}t_warmup: 2ep\n {4}alpha_f: 0\.0\nmax_duration: 20ep\n/);
  assert.deepEqual(ruleIds(after, 'bert.yaml'), []);
});

test('scale_schedule_ratio without schedulers is an error in Composer', () => {
  const text = yaml('optimizer:', '  sgd: {lr: 0.1}', 'max_duration: 10ep', 'scale_schedule_ratio: 0.5', 'train_batch_size: 128');
  assert.equal(dialectOf(text), 'composer');
  assert.deepEqual(ruleIds(text), ['invalid-value']);
});

test('a ratio that truncates max_duration to 0 is an error in Composer: 1ep x 0.36 is int(0.36) = 0ep', () => {
  const base = ['optimizer:', '  sgd: {lr: 0.1}', 'schedulers:', '  cosine_decay: {}', 'scale_schedule_ratio: 0.36'];
  const text = yaml(...base, 'max_duration: 1ep');
  assert.equal(dialectOf(text), 'composer');
  assert.deepEqual(ruleIds(text), ['invalid-value']);
  const fine = yaml(...base, 'max_duration: 3ep');
  assert.deepEqual([planOf(fine, 'composer').length.epochs, ruleIds(fine)], [1, []]);
});

test('not claimed: an optimizer mapping and max_duration with no other mark of the format; the newer format is unchanged', () => {
  assert.equal(dialectOf(yaml('optimizer:', '  sgd: {lr: 0.1}', 'max_duration: 10ep')), null);
  const unknownOptimizer = yaml(
    'optimizer:',
    '  my_opt: {lr: 0.1}',
    'schedulers:',
    '  cosine_decay: {}',
    'max_duration: 10ep',
    'algorithms: {}',
  );
  assert.equal(dialectOf(unknownOptimizer), null);
  const newerText = yaml(
    'model: {name: mpt_causal_lm}',
    'max_duration: 4800ba',
    'optimizer: {name: decoupled_adamw, lr: 6.0e-4}',
    'scheduler: {name: cosine_with_warmup, t_warmup: 100ba}',
  );
  const newer = planOf(newerText, 'composer');
  assert.deepEqual([newer.schedule.name, newer.length.steps, newer.warmup.steps], ['cosine_with_warmup', 4800, 100]);
});
