import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeConfig } from '../../../server/src/analysis/analyzeConfig';
import { applyEdits } from '../../../server/src/fixes/yamlEdits';
import { scheduleFamilyOf } from '../../../server/src/plan/scheduleFamily';
import type { TrainingPlan } from '../../../server/src/plan/trainingPlan';

const findingsOf = (text: string, fileName = 'c.yaml') => analyzeConfig(text, fileName).findings;
const ids = (text: string, fileName?: string) => findingsOf(text, fileName).map((f) => f.ruleId);

const lightning = (scheduler: string, epochs = 50) =>
  `trainer:\n  max_epochs: ${epochs}\nmodel:\n  class_path: my.Model\noptimizer:\n  class_path: torch.optim.AdamW\n  init_args:\n    lr: 0.001\nlr_scheduler:\n${scheduler}`;

describe('schedule-horizon', () => {
  test('Lightning cosine T_max shorter than max_epochs: the LR climbs back; the fix sets T_max in place', () => {
    const text = lightning('  class_path: torch.optim.lr_scheduler.CosineAnnealingLR\n  init_args:\n    T_max: 12  # epochs\n');
    const [finding] = findingsOf(text);
    assert.equal(finding?.ruleId, 'schedule-horizon');
    assert.match(finding!.message, /`T_max` is 12 epochs but the run is 50 epochs.*climbs back/);
    assert.equal(text.slice(finding!.span.start, finding!.span.end), '12');
    const match = finding!.fixes[0]!;
    assert.equal(match.title, "Match the schedule to the run's length (50 epochs)");
    assert.equal(match.isPreferred, true);
    assert.equal(applyEdits(text, match.edits), text.replace('T_max: 12', 'T_max: 50'));
    assert.deepEqual(finding!.fixes.map((f) => f.isPreferred), [true, false, false]);
  });

  test('within 2% (or one step) is not a finding; a longer horizon is ("never finishes")', () => {
    assert.deepEqual(ids(lightning('  class_path: torch.optim.lr_scheduler.CosineAnnealingLR\n  init_args:\n    T_max: 49\n')), []);
    const [longer] = findingsOf(lightning('  class_path: torch.optim.lr_scheduler.CosineAnnealingLR\n  init_args:\n    T_max: 80\n'));
    assert.match(longer!.message, /never finishes its decay/);
  });

  test('fairseq polynomial_decay total_num_update disagreeing with max_update', () => {
    const text = 'task:\n  _name: translation\noptimizer:\n  _name: adam\noptimization:\n  max_update: 20000\n  lr: [0.0005]\nlr_scheduler:\n  _name: polynomial_decay\n  total_num_update: 8000\n';
    const finding = findingsOf(text).find((f) => f.ruleId === 'schedule-horizon');
    assert.ok(finding);
    assert.equal(applyEdits(text, finding.fixes[0]!.edits), text.replace('total_num_update: 8000', 'total_num_update: 20000'));
  });

  test('TF Model Garden cosine decay_steps disagreeing with train_steps', () => {
    const text = 'runtime:\n  distribution_strategy: mirrored\ntask:\n  model: {}\ntrainer:\n  train_steps: 10000\n  optimizer_config:\n    learning_rate:\n      type: cosine\n      cosine:\n        initial_learning_rate: 0.1\n        decay_steps: 4000\n';
    const finding = findingsOf(text).find((f) => f.ruleId === 'schedule-horizon');
    assert.ok(finding, JSON.stringify(ids(text)));
    assert.equal(applyEdits(text, finding.fixes[0]!.edits), text.replace('decay_steps: 4000', 'decay_steps: 10000'));
  });

  test('an assumed run length is never judged', () => {
    const text = '{\n  "train_batch_size": 8,\n  "optimizer": {"type": "AdamW", "params": {"lr": 1e-4}},\n  "scheduler": {"type": "CosineAnnealingLR", "params": {"T_max": 10}}\n}\n';
    const plan = analyzeConfig(text, 'ds_config.json').documents[0]?.plan;
    assert.equal(plan?.length.assumed, true);
    assert.equal(plan?.schedule.params.T_max, 10);
    assert.ok(!ids(text, 'ds_config.json').includes('schedule-horizon'));
  });
});

describe('schedule-family and piecewise-schedule', () => {
  test('inverse square root is a hint with no fix (fix-all must not rewrite a deliberate choice)', () => {
    const [finding] = findingsOf('output_dir: o\nlearning_rate: 1e-4\nlr_scheduler_type: inverse_sqrt\nwarmup_steps: 10\nmax_steps: 100\n');
    assert.equal(finding?.ruleId, 'schedule-family');
    assert.equal(finding!.severity, 'hint');
    assert.match(finding!.message, /inverse square root/);
    assert.deepEqual(finding!.fixes, []);
  });

  test('recommended families and constant schedules get no family hint', () => {
    for (const name of ['linear', 'cosine', 'cosine_with_min_lr']) {
      const text = `output_dir: o\nlearning_rate: 1e-4\nlr_scheduler_type: ${name}\n${name === 'cosine_with_min_lr' ? 'lr_scheduler_kwargs: {min_lr_rate: 0.1}\n' : ''}max_steps: 100\n`;
      assert.deepEqual(ids(text), [], name);
    }
    assert.deepEqual(ids('output_dir: o\nlearning_rate: 1e-4\nlr_scheduler_type: constant\nmax_steps: 100\n'), ['constant-lr']);
  });

  test('MultiStepLR milestones are piecewise; StepLR is a regular step decay (a hint, not piecewise)', () => {
    assert.deepEqual(ids(lightning('  class_path: torch.optim.lr_scheduler.MultiStepLR\n  init_args:\n    milestones: [10, 30]\n')), ['piecewise-schedule']);
    assert.deepEqual(ids(lightning('  class_path: torch.optim.lr_scheduler.StepLR\n  init_args:\n    step_size: 10\n')), ['schedule-family']);
  });

  test('a milestone schedule that never fires is constant-lr, not piecewise', () => {
    assert.deepEqual(ids('MODEL: {}\nSOLVER:\n  BASE_LR: 0.01\n  STEPS: (300,)\n  MAX_ITER: 200\n'), ['constant-lr']);
  });

  test('the family of a warmup + decay SequentialLR is its decay', () => {
    const plan = {
      schedule: {
        framework: 'pytorch',
        name: 'SequentialLR',
        params: { schedulers: [{ class_path: 'torch.optim.lr_scheduler.LinearLR', init_args: { start_factor: 0.01, total_iters: 5 } }, { class_path: 'torch.optim.lr_scheduler.CosineAnnealingLR', init_args: { T_max: 95 } }], milestones: [5] },
        explicit: true,
        constantAfterWarmup: false,
        validationDriven: false,
      },
    } as unknown as TrainingPlan;
    assert.equal(scheduleFamilyOf(plan).kind, 'cosine');
  });
});

describe('decay fixes on less common layouts', () => {
  test('NeMo CosineAnnealing with min_lr at the LR: the cosine fix lowers min_lr', () => {
    const text = 'trainer:\n  max_steps: 1000\nmodel:\n  optim:\n    name: adamw\n    lr: 1e-4\n    sched:\n      name: CosineAnnealing\n      warmup_ratio: 0.05\n      min_lr: 1e-4\nexp_manager: {}\n';
    const finding = findingsOf(text).find((f) => f.ruleId === 'constant-lr')!;
    const fixed = applyEdits(text, finding.fixes[0]!.edits);
    assert.ok(fixed.includes('      name: CosineAnnealing\n      warmup_ratio: 0.05\n      min_lr: 0.0\n'), fixed);
    assert.deepEqual(ids(fixed), []);
  });

  test('terratorch task-level scheduler: scheduler name and hyperparameters set side by side', () => {
    const text = 'trainer:\n  max_epochs: 20\nmodel:\n  class_path: terratorch.tasks.SemanticSegmentationTask\n  init_args:\n    optimizer: AdamW\n    lr: 1.0e-4\n    scheduler: ReduceLROnPlateau\n    scheduler_hparams:\n      monitor: val/loss\ndata:\n  class_path: my.Data\n';
    const finding = findingsOf(text).find((f) => f.ruleId === 'validation-driven-schedule')!;
    const fixed = applyEdits(text, finding.fixes[0]!.edits);
    assert.ok(fixed.includes('    scheduler: CosineAnnealingLR\n    scheduler_hparams:\n      T_max: 20\n'), fixed);
  });

  test('litgpt: only the cosine floor is lowered (no linear spelling)', () => {
    const text = 'optimizer:\n  class_path: torch.optim.AdamW\n  init_args:\n    lr: 0.0002\ntrain:\n  max_steps: 1000\n  lr_warmup_steps: 50\n  min_lr: 0.0002\n  global_batch_size: 16\n';
    const finding = findingsOf(text).find((f) => f.ruleId === 'constant-lr');
    assert.ok(finding, JSON.stringify(ids(text)));
    assert.deepEqual(finding.fixes.map((f) => f.title), ['Use cosine decay']);
    assert.ok(applyEdits(text, finding.fixes[0]!.edits).includes('  min_lr: 0.0\n'));
  });
});

test('schedule-horizon: NeMo sched.max_steps configured beside a different trainer.max_steps', () => {
  const text = 'trainer:\n  max_steps: 30000\nmodel:\n  optim:\n    name: adamw\n    lr: 3e-4\n    sched:\n      name: CosineAnnealing\n      warmup_steps: 500\n      max_steps: 20000\nexp_manager: {}\n';
  const finding = findingsOf(text).find((f) => f.ruleId === 'schedule-horizon');
  assert.ok(finding, JSON.stringify(ids(text)));
  assert.match(finding.message, /`max_steps` is 20000 steps but the run is 30000 steps/);
  assert.equal(applyEdits(text, finding.fixes[0]!.edits), text.replace('max_steps: 20000', 'max_steps: 30000'));
  assert.deepEqual(ids(text.replace('max_steps: 20000', 'max_steps: 30000')), []);
});

test('NeMo: the decay fixes on a horizon finding write the run length into sched.max_steps', () => {
  const text = 'trainer:\n  max_steps: 30000\nmodel:\n  optim:\n    name: adamw\n    lr: 3e-4\n    sched:\n      name: WarmupHoldPolicy\n      warmup_steps: 500\n      max_steps: 20000\nexp_manager: {}\n';
  const finding = findingsOf(text).find((f) => f.ruleId === 'constant-lr')!;
  const fixed = applyEdits(text, finding.fixes[0]!.edits);
  assert.ok(fixed.includes('      name: CosineAnnealing\n      warmup_steps: 500\n      max_steps: 30000\n      min_lr: 0.0\n'), fixed);
  assert.deepEqual(ids(fixed), []);
});

test('a decay fix that writes an assumed run length says so in its title and leaves the value in the file', () => {
  const text = 'trainer:\n  max_steps: 5000\nmodel:\n  class_path: my.Model\noptimizer:\n  class_path: torch.optim.AdamW\n  init_args:\n    lr: 0.001\n';
  const finding = findingsOf(text).find((f) => f.ruleId === 'constant-lr')!;
  const cosine = finding.fixes[0]!;
  assert.equal(cosine.title, "Use cosine decay (assumes a run of 5 epochs (trainer.max_steps: 5000 ÷ 1000 steps per epoch): change it to the run's length)");
  assert.ok(applyEdits(text, cosine.edits).endsWith('  init_args:\n    T_max: 5\n'));
  // With the steps per epoch given, nothing is assumed and the title is plain.
  const known = findingsOf(`# lr-lens: steps-per-epoch=500\n${text}`).find((f) => f.ruleId === 'constant-lr')!;
  assert.equal(known.fixes[0]!.title, 'Use cosine decay');
  assert.ok(applyEdits(`# lr-lens: steps-per-epoch=500\n${text}`, known.fixes[0]!.edits).endsWith('    T_max: 10\n'));
});

test('schedule-horizon: the decay child of a warmup SequentialLR should cover the run after the warmup', () => {
  const seq = (tMax: number) =>
    lightning(`  class_path: torch.optim.lr_scheduler.SequentialLR\n  init_args:\n    schedulers:\n      - class_path: torch.optim.lr_scheduler.LinearLR\n        init_args: {start_factor: 0.01, total_iters: 5}\n      - class_path: torch.optim.lr_scheduler.CosineAnnealingLR\n        init_args: {T_max: ${tMax}}\n    milestones: [5]\n`);
  assert.deepEqual(ids(seq(45)), []);
  const finding = findingsOf(seq(50)).find((f) => f.ruleId === 'schedule-horizon');
  assert.ok(finding);
  assert.match(finding.message, /`T_max` is 50 epochs but the run is 45 epochs/);
  const fixed = applyEdits(seq(50), finding.fixes[0]!.edits);
  assert.equal(finding.fixes[0]!.title, 'Use cosine decay');
  assert.ok(fixed.includes('T_max: 45'), fixed);
  assert.deepEqual(ids(fixed), []);
});
