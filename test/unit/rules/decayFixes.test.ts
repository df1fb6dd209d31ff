// The decay fixes the schedule rules share (rules/decayFixes.ts) on less common layouts, and the family of a
// warmup + decay SequentialLR. The rules' own cases are in their tables (<rule>.test.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeConfig, applyEdits, onInternalError, type Finding, type Fix, type RuleId } from '../../../server/src/index';
import { scheduleFamilyOf } from '../../../server/src/plan/scheduleFamily';
import type { TrainingPlan } from '../../../server/src/plan/trainingPlan';

onInternalError((error) => {
  throw error;
});

const lines = (...all: string[]) => `${all.join('\n')}\n`;

/** The one finding of a rule, asserting the dialect that recognized the file. */
function findingOf(text: string, dialect: string, ruleId: RuleId): Finding {
  const analysis = analyzeConfig(text, 'c.yaml');
  assert.equal(analysis.documents[0]?.dialect.id, dialect);
  const found = analysis.findings.filter((f) => f.ruleId === ruleId);
  assert.equal(found.length, 1, JSON.stringify(analysis.findings.map((f) => f.ruleId)));
  const [finding] = found;
  assert.ok(finding);
  return finding;
}

function firstFix(finding: Finding): Fix {
  const [fix] = finding.fixes;
  assert.ok(fix, `no fix on ${finding.ruleId}`);
  return fix;
}

/** A fixed file: recognized again, with no findings left. */
function assertClean(text: string, dialect: string): void {
  const analysis = analyzeConfig(text, 'c.yaml');
  assert.equal(analysis.documents[0]?.dialect.id, dialect);
  assert.deepEqual(
    analysis.findings.map((f) => f.message),
    [],
  );
}

describe('decay fixes on less common layouts', () => {
  test('NeMo CosineAnnealing with min_lr at the LR: the cosine fix lowers min_lr', () => {
    const text = lines(
      'trainer:',
      '  max_steps: 1000',
      'model:',
      '  optim:',
      '    name: adamw',
      '    lr: 1e-4',
      '    sched:',
      '      name: CosineAnnealing',
      '      warmup_ratio: 0.05',
      '      min_lr: 1e-4',
      'exp_manager: {}',
    );
    const fixed = applyEdits(text, firstFix(findingOf(text, 'nemo', 'constant-lr')).edits);
    assert.equal(fixed, text.replace('min_lr: 1e-4', 'min_lr: 0.0'));
    assertClean(fixed, 'nemo');
  });

  test('terratorch task-level scheduler: scheduler name and hyperparameters set side by side', () => {
    const text = lines(
      'trainer:',
      '  max_epochs: 20',
      'model:',
      '  class_path: terratorch.tasks.SemanticSegmentationTask',
      '  init_args:',
      '    optimizer: AdamW',
      '    lr: 1.0e-4',
      '    scheduler: ReduceLROnPlateau',
      '    scheduler_hparams:',
      '      monitor: val/loss',
      'data:',
      '  class_path: my.Data',
    );
    const fixed = applyEdits(text, firstFix(findingOf(text, 'lightning', 'validation-driven-schedule')).edits);
    assert.ok(fixed.includes('    scheduler: CosineAnnealingLR\n    scheduler_hparams:\n      T_max: 20\n'), fixed);
  });

  test('litgpt: only the cosine floor is lowered (no linear spelling)', () => {
    const text = lines(
      'optimizer:',
      '  class_path: torch.optim.AdamW',
      '  init_args:',
      '    lr: 0.0002',
      'model_name: pythia-14m',
      'train:',
      '  max_steps: 1000',
      '  lr_warmup_steps: 50',
      '  min_lr: 0.0002',
      '  global_batch_size: 16',
    );
    const finding = findingOf(text, 'litgpt', 'constant-lr');
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ['Use cosine decay'],
    );
    assert.equal(applyEdits(text, firstFix(finding).edits), text.replace('  min_lr: 0.0002', '  min_lr: 0.0'));
  });

  test('NeMo: the decay fix on a hold schedule writes the run length into sched.max_steps', () => {
    const text = lines(
      'trainer:',
      '  max_steps: 30000',
      'model:',
      '  optim:',
      '    name: adamw',
      '    lr: 3e-4',
      '    sched:',
      '      name: WarmupHoldPolicy',
      '      warmup_steps: 500',
      '      max_steps: 20000',
      'exp_manager: {}',
    );
    const fixed = applyEdits(text, firstFix(findingOf(text, 'nemo', 'constant-lr')).edits);
    assert.ok(fixed.includes('      name: CosineAnnealing\n      warmup_steps: 500\n      max_steps: 30000\n      min_lr: 0.0\n'), fixed);
    assertClean(fixed, 'nemo');
  });

  test('a decay fix that writes an assumed run length says so in its title and leaves the value in the file', () => {
    const text = lines(
      'trainer:',
      '  max_steps: 5000',
      'model:',
      '  class_path: my.Model',
      'optimizer:',
      '  class_path: torch.optim.AdamW',
      '  init_args:',
      '    lr: 0.001',
    );
    const cosine = firstFix(findingOf(text, 'lightning', 'constant-lr'));
    assert.equal(
      cosine.title,
      "Use cosine decay (assumes a run of 5 epochs (trainer.max_steps: 5000 ÷ 1000 steps per epoch): change it to the run's length)",
    );
    assert.ok(applyEdits(text, cosine.edits).endsWith('  init_args:\n    T_max: 5\n'));
    // With the steps per epoch given, nothing is assumed and the title is plain.
    const known = `# lr-lens: steps-per-epoch=500\n${text}`;
    const plain = firstFix(findingOf(known, 'lightning', 'constant-lr'));
    assert.equal(plain.title, 'Use cosine decay');
    assert.ok(applyEdits(known, plain.edits).endsWith('    T_max: 10\n'));
  });

  test('the SequentialLR horizon fix rewrites the schedule to cover the run', () => {
    const text = lines(
      'trainer:',
      '  max_epochs: 50',
      'model:',
      '  class_path: my.Model',
      'optimizer:',
      '  class_path: torch.optim.AdamW',
      '  init_args:',
      '    lr: 0.001',
      'lr_scheduler:',
      '  class_path: torch.optim.lr_scheduler.SequentialLR',
      '  init_args:',
      '    schedulers:',
      '      - class_path: torch.optim.lr_scheduler.LinearLR',
      '        init_args: {start_factor: 0.01, total_iters: 5}',
      '      - class_path: torch.optim.lr_scheduler.CosineAnnealingLR',
      '        init_args: {T_max: 50}',
      '    milestones: [5]',
    );
    const fixed = applyEdits(text, firstFix(findingOf(text, 'lightning', 'schedule-horizon')).edits);
    assert.ok(fixed.includes('T_max: 45'), fixed);
    assertClean(fixed, 'lightning');
  });
});

test('the family of a warmup + decay SequentialLR is its decay', () => {
  const plan = {
    schedule: {
      framework: 'pytorch',
      name: 'SequentialLR',
      params: {
        schedulers: [
          { class_path: 'torch.optim.lr_scheduler.LinearLR', init_args: { start_factor: 0.01, total_iters: 5 } },
          { class_path: 'torch.optim.lr_scheduler.CosineAnnealingLR', init_args: { T_max: 95 } },
        ],
        milestones: [5],
      },
      explicit: true,
      constantAfterWarmup: false,
      validationDriven: false,
    },
  } as unknown as TrainingPlan;
  assert.equal(scheduleFamilyOf(plan).kind, 'cosine');
});
