// Values as users write them (issue item 3): each spelling must reach the plan as the framework reads it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, planOf, ruleIds, yaml } from './analyze';

const tune = (lr: string) =>
  yaml('model:', '  _component_: torchtune.models.x', 'num_steps: 10', 'optimizer:', '  _component_: torch.optim.AdamW', `  lr: ${lr}`);

test("learning rates: 3e-4, '1e-4', !!float 2e-5, 1.e-4 and 6.0e-4 all read as numbers", () => {
  assert.equal(planOf(tune('3e-4'), 'torchtune').baseLr, 3e-4);
  assert.equal(planOf(tune("'1e-4'"), 'torchtune').baseLr, 1e-4);
  assert.equal(planOf(tune('!!float 2e-5'), 'torchtune').baseLr, 2e-5);
  assert.equal(planOf(tune('1.e-4'), 'torchtune').baseLr, 1e-4);
  assert.equal(planOf(tune('"6.0e-4"'), 'torchtune').baseLr, 6e-4);
});

test("tuples written as strings: adam_betas '(0.9, 0.98)' and STEPS (210000, 250000); lists [0.0005]", () => {
  const fairseq = planOf(
    yaml(
      'common: {}',
      'task: {_name: t}',
      'criterion: {_name: c}',
      'optimization: {max_update: 100, lr: [0.0005]}',
      "optimizer: {_name: adam, adam_betas: '(0.9, 0.98)'}",
      'lr_scheduler: {_name: cosine}',
    ),
    'fairseq',
  );
  assert.deepEqual([fairseq.baseLr, fairseq.optimizer.beta1, fairseq.optimizer.beta2], [0.0005, 0.9, 0.98]);
  const d2 = planOf(yaml('MODEL: {}', 'SOLVER:', '  STEPS: (110000, 150000)', '  MAX_ITER: 170000'), 'detectron2');
  assert.deepEqual(d2.schedule.params.STEPS, [110000, 150000]);
});

test('underscore integers (YAML 1.1) and Composer time strings', () => {
  const plan = planOf(
    yaml(
      'variables: {}',
      'max_duration: 1_000ba',
      'optimizer: {name: decoupled_adamw, lr: 1e-4}',
      'scheduler: {name: cosine_with_warmup, t_warmup: 10ba}',
    ),
    'composer',
  );
  assert.equal(plan.length.steps, 1000);
  assert.equal(plan.schedule.params.t_warmup, '10ba');
  const steps = planOf(
    yaml('model:', '  _component_: torchtune.models.x', 'num_steps: 2_000', 'optimizer:', '  _component_: torch.optim.AdamW', '  lr: 1e-5'),
    'torchtune',
  );
  assert.equal(steps.length.steps, 2000);
});

test('betas as a block list and a flow list agree', () => {
  const block = planOf(
    yaml(
      'trainer: {max_epochs: 1}',
      'model:',
      '  class_path: m.M',
      'optimizer:',
      '  class_path: AdamW',
      '  init_args:',
      '    lr: 0.001',
      '    betas:',
      '      - 0.9',
      '      - 0.95',
    ),
    'lightning',
  );
  const flow = planOf(
    yaml(
      'trainer: {max_epochs: 1}',
      'model:',
      '  class_path: m.M',
      'optimizer:',
      '  class_path: AdamW',
      '  init_args: {lr: 0.001, betas: [0.9, 0.95]}',
    ),
    'lightning',
  );
  assert.deepEqual([block.optimizer.beta1, block.optimizer.beta2], [flow.optimizer.beta1, flow.optimizer.beta2]);
});

test('a beta outside [0, 1) is an invalid-value finding, not a plan', () => {
  const text = yaml(
    'model:',
    '  _component_: torchtune.models.x',
    'num_steps: 10',
    'optimizer:',
    '  _component_: torch.optim.AdamW',
    '  lr: 1e-5',
    '  betas: [0.9, 1.5]',
  );
  assert.deepEqual(ruleIds(text), ['invalid-value']);
  assert.equal(analyze(text).documents[0]?.plan, undefined);
});

test('NeMo ExponentialLR is stepped once per epoch', () => {
  const plan = planOf(
    yaml(
      'name: x',
      'model:',
      '  optim:',
      '    name: adam',
      '    lr: 2e-4',
      '    sched: {name: ExponentialLR, gamma: 0.998}',
      'trainer: {max_epochs: 30}',
      'exp_manager: {}',
    ),
    'nemo',
  );
  assert.deepEqual([plan.length.steps, plan.length.unit], [30, 'epoch']);
});
