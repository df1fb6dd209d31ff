import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curveOfPlan } from '../../../server/src/analysis/curve';
import { scheduleFormula } from '../../../server/src/analysis/scheduleFormula';
import { scheduleFamilyOf } from '../../../server/src/plan/scheduleFamily';
import { planOf, yaml } from '../dialects/analyze';

function formula(text: string, dialect: string): string | null {
  const plan = planOf(text, dialect);
  return scheduleFormula(plan, scheduleFamilyOf(plan).kind, curveOfPlan(plan, { points: 50 })?.points ?? []);
}

const HF = ['output_dir: out', 'learning_rate: 2.0e-5', 'warmup_steps: 100', 'max_steps: 2000'];

test('cosine: the floor is where the decay ends (0 for HF cosine, min_lr_rate × peak with a floor), not the last step', () => {
  assert.equal(
    formula(yaml(...HF, 'lr_scheduler_type: cosine'), 'huggingface'),
    'linear warmup over 100 steps, then lr(t) = 0 + (2e-5 − 0) · ½ · (1 + cos(π · (t − 100) / 1900))',
  );
  assert.equal(
    formula(yaml(...HF, 'lr_scheduler_type: cosine_with_min_lr', 'lr_scheduler_kwargs: {min_lr_rate: 0.1}'), 'huggingface'),
    'linear warmup over 100 steps, then lr(t) = 2e-6 + (2e-5 − 2e-6) · ½ · (1 + cos(π · (t − 100) / 1900))',
  );
});

test('linear, constant and piecewise schedules in one line each', () => {
  assert.equal(
    formula(yaml(...HF, 'lr_scheduler_type: linear'), 'huggingface'),
    'linear warmup over 100 steps, then lr(t) = 2e-5 + (0 − 2e-5) · (t − 100) / 1900',
  );
  assert.equal(
    formula(yaml(...HF, 'lr_scheduler_type: constant_with_warmup'), 'huggingface'),
    'linear warmup over 100 steps, then lr(t) = 2e-5 for every step',
  );
  const lightning = yaml(
    'trainer: {max_epochs: 90}',
    'model: {class_path: m.M}',
    'optimizer: {class_path: torch.optim.SGD, init_args: {lr: 0.1}}',
    'lr_scheduler: {class_path: torch.optim.lr_scheduler.MultiStepLR, init_args: {milestones: [30, 60]}}',
  );
  assert.equal(formula(lightning, 'lightning'), 'lr(t) = 0.1 × the factor of each milestone passed, ending at 0.001');
});
