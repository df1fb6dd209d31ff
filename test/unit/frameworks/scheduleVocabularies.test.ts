// Every scheduler vocabulary of the framework registry (SCHEDULE_BUILDERS) builds a schedule from an example plan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCHEDULE_BUILDERS, scheduleOfPlan } from '../../../server/src/schedules';
import type { TrainingPlan } from '../../../server/src/plan/trainingPlan';
import { TrainingPlanSchema } from '../../../server/src/plan/trainingPlan';

function plan(framework: string, name: string, params: Record<string, unknown>, extra: Partial<TrainingPlan['length']> = {}): TrainingPlan {
  return TrainingPlanSchema.parse({
    dialect: framework === 'pytorch' ? 'lightning' : framework,
    documentIndex: 0,
    optimizer: { name: 'adamw', family: 'adam' },
    baseLr: 0.1,
    schedule: { framework, name, params, explicit: true, constantAfterWarmup: false, validationDriven: false },
    warmup: { steps: 10 },
    length: { steps: 100, unit: 'step', assumed: false, basis: 'test', ...extra },
    sources: {},
    assumptions: [],
  });
}

const EXAMPLES: [string, string, Record<string, unknown>, Partial<TrainingPlan['length']>?][] = [
  ['pytorch', 'CosineAnnealingLR', { T_max: 100 }],
  ['huggingface', 'cosine', {}],
  ['torchtune', 'get_cosine_schedule_with_warmup', { num_warmup_steps: 10 }],
  ['axolotl', 'cosine', { cosine_min_lr_ratio: 0.1 }],
  ['timm', 'cosine', { epochs: 100, warmup_epochs: 5 }, { unit: 'epoch' }],
  ['ultralytics', 'linear', { epochs: 10 }, { stepsPerEpoch: 10 }],
  ['composer', 'cosine_with_warmup', { t_warmup: '10ba' }],
  ['nemo', 'CosineAnnealing', { warmup_steps: 10 }],
  ['fairseq', 'inverse_sqrt', { lr: [0.1], warmup_updates: 10 }],
  ['detectron2', 'WarmupCosineLR', { 'SOLVER.MAX_ITER': 100, 'SOLVER.WARMUP_ITERS': 10 }],
  ['deepspeed', 'WarmupDecayLR', { total_num_steps: 100, warmup_num_steps: 10, warmup_max_lr: 0.1 }],
  ['opennmt', 'noam', { hidden_size: 512, warmup_steps: 10 }],
  ['tf-model-garden', 'cosine', { initial_learning_rate: 0.1, decay_steps: 100 }],
  ['gpt-neox', 'cosine', { train_iters: 100, warmup: 0.1, min_lr: 0.01 }],
  ['olmo', 'cosine_with_warmup', { t_warmup: 10, max_steps: 90 }],
  ['nanotron', 'cosine', { lr_warmup_steps: 10, lr_warmup_style: 'linear', min_decay_lr: 0.01 }],
  ['levanter', 'cosine', { warmup: 0.1 }],
  ['maxtext', 'wsd', { warmup_steps_fraction: 0.1 }],
  ['torchtitan', 'cosine', { decay_type: 'cosine', warmup_steps: 10, min_lr_factor: 0.1 }],
  ['litgpt', 'finetune', { warmup_steps: 10, lr_max_steps: 100 }],
];

test('every framework key of the contract is registered and draws a curve', () => {
  assert.deepEqual(new Set(Object.keys(SCHEDULE_BUILDERS)), new Set(EXAMPLES.map(([framework]) => framework)));
  for (const [framework, name, params, length] of EXAMPLES) {
    const schedule = scheduleOfPlan(plan(framework, name, params, length));
    assert.ok(schedule, `${framework} ${name}`);
    assert.equal(schedule.totalSteps, 100);
    for (const t of [0, 50, 99])
      assert.ok(Number.isFinite(schedule.lrAt(t)) && schedule.lrAt(t) >= 0, `${framework} ${name} at ${t}: ${schedule.lrAt(t)}`);
  }
});

test('an unknown vocabulary is an internal error, unknown names are not drawn', () => {
  assert.throws(() => scheduleOfPlan(plan('keras', 'cosine', {})), /no scheduler vocabulary 'keras'/);
  assert.equal(scheduleOfPlan(plan('pytorch', 'LambdaLR', {})), null);
});

test('the plan accepts an epoch time axis', () => {
  assert.equal(plan('timm', 'cosine', {}, { unit: 'epoch' }).length.unit, 'epoch');
});
