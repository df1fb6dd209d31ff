import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, dialectOf, planOf, ruleIds, yaml } from '../../dialects/analyze';

const head = ['seed_everything: 0', 'trainer:', '  max_epochs: 50', 'model:', '  class_path: my.Task'];

test('Lightning CLI: short and long class names give the same plan; the scheduler is stepped per epoch', () => {
  for (const [opt, sched] of [
    ['AdamW', 'CosineAnnealingLR'],
    ['torch.optim.AdamW', 'torch.optim.lr_scheduler.CosineAnnealingLR'],
  ]) {
    const plan = planOf(
      yaml(
        ...head,
        'optimizer:',
        `  class_path: ${opt}`,
        '  init_args:',
        '    lr: 1e-4',
        '    betas: [0.9, 0.95]',
        'lr_scheduler:',
        `  class_path: ${sched}`,
        '  init_args:',
        '    T_max: 50',
        '    eta_min: 1e-6',
      ),
      'lightning',
    );
    assert.deepEqual([plan.optimizer.name, plan.optimizer.beta2, plan.baseLr], ['AdamW', 0.95, 1e-4]);
    assert.deepEqual(
      [plan.schedule.framework, plan.schedule.name, plan.schedule.params],
      ['pytorch', 'CosineAnnealingLR', { T_max: 50, eta_min: 1e-6 }],
    );
    assert.deepEqual([plan.length.steps, plan.length.unit, plan.warmup.steps], [50, 'epoch', 0]);
  }
});

test('Lightning CLI without lr_scheduler is constant; ReduceLROnPlateau is validation-driven', () => {
  const constant = yaml(...head, 'optimizer:', '  class_path: torch.optim.Adam', '  init_args: {lr: 0.001}');
  const plan = planOf(constant, 'lightning');
  assert.deepEqual([plan.schedule.explicit, plan.schedule.constantAfterWarmup], [false, true]);
  assert.deepEqual(ruleIds(constant), ['constant-lr']);
  const plateau = yaml(
    ...head,
    'optimizer:',
    '  class_path: Adam',
    '  init_args: {lr: 0.001}',
    'lr_scheduler:',
    '  class_path: ReduceLROnPlateau',
    '  init_args: {monitor: val/loss}',
  );
  assert.deepEqual(ruleIds(plateau), ['validation-driven-schedule']);
});

test('Lightning: max_epochs defaults to 1000 when neither limit is given', () => {
  const plan = planOf(
    yaml(
      'trainer: {}',
      'model:',
      '  class_path: m.M',
      'optimizer:',
      '  class_path: SGD',
      '  init_args: {lr: 0.1}',
      'lr_scheduler:',
      '  class_path: StepLR',
      '  init_args: {step_size: 30}',
    ),
    'lightning',
  );
  assert.deepEqual([plan.length.steps, plan.length.unit, plan.optimizer.family], [1000, 'epoch', 'sgd']);
});

test('terratorch task-level optimizer and scheduler', () => {
  const plan = planOf(
    yaml(
      ...head.slice(0, 3),
      'model:',
      '  class_path: terratorch.tasks.SemanticSegmentationTask',
      '  init_args:',
      '    optimizer: AdamW',
      '    lr: 1e-4',
      '    scheduler: CosineAnnealingLR',
      '    scheduler_hparams: {T_max: 50}',
    ),
    'lightning',
  );
  assert.deepEqual(
    [plan.optimizer.name, plan.baseLr, plan.schedule.name, plan.schedule.params.T_max],
    ['AdamW', 1e-4, 'CosineAnnealingLR', 50],
  );
});

test('Lightning CLI: an optimizer and scheduler injected into the model as class_path + init_args are read, not rejected', () => {
  const injected = (...scheduler: string[]) =>
    yaml(
      'trainer:',
      '  max_epochs: 30',
      'model:',
      '  class_path: mypkg.LitModel',
      '  init_args:',
      '    optimizer:',
      '      class_path: torch.optim.AdamW',
      '      init_args:',
      '        lr: 0.0003',
      '        weight_decay: 0.05',
      ...scheduler.map((l) => `    ${l}`),
    );
  const text = injected('scheduler:', '  class_path: torch.optim.lr_scheduler.CosineAnnealingLR', '  init_args:', '    T_max: 30');
  assert.deepEqual(ruleIds(text), []);
  const plan = planOf(text, 'lightning');
  assert.deepEqual(
    [plan.optimizer.name, plan.baseLr, plan.optimizer.weightDecay, plan.schedule.name, plan.schedule.params.T_max, plan.length.unit],
    ['AdamW', 3e-4, 0.05, 'CosineAnnealingLR', 30, 'epoch'],
  );
  // A constant injected scheduler is constant-lr, with no edit (the module's code steps it, not a CLI block).
  const constant = injected('scheduler:', '  class_path: torch.optim.lr_scheduler.ConstantLR', '  init_args:', '    factor: 1.0');
  assert.deepEqual(ruleIds(constant), ['constant-lr']);
  assert.deepEqual(analyze(constant).findings[0]?.fixes ?? null, []);
  // No injected scheduler: the module's default is in its code, so the file claims no schedule (and no constant LR).
  const none = injected();
  assert.equal(dialectOf(none), 'lightning');
  assert.deepEqual(ruleIds(none), []);
  assert.equal(analyze(none).documents[0]?.plan, undefined);
});
