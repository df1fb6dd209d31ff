import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planOf, ruleIds, yaml } from '../../dialects/analyze';

const wrap = (optim: string[], trainer = ['trainer:', '  max_steps: 10000']) =>
  yaml('name: run', 'model:', '  train_ds: {}', '  optim:', ...optim.map((l) => `    ${l}`), ...trainer, 'exp_manager: {}');

test('NeMo: CosineAnnealing with warmup_ratio, trainer.max_steps copied into params, betas list and string weight decay', () => {
  const plan = planOf(
    wrap([
      'name: adamw',
      'lr: 1e-3',
      'betas: [0.9, 0.98]',
      'weight_decay: 1e-3',
      'sched:',
      '  name: CosineAnnealing',
      '  warmup_ratio: 0.05',
      '  min_lr: 1e-6',
    ]),
    'nemo',
  );
  assert.deepEqual([plan.schedule.framework, plan.schedule.name, plan.schedule.params.max_steps], ['nemo', 'CosineAnnealing', 10000]);
  assert.deepEqual([plan.warmup.steps, plan.warmup.ratio, plan.length.steps], [500, 0.05, 10000]);
  assert.deepEqual([plan.optimizer.beta2, plan.optimizer.weightDecay, plan.baseLr], [0.98, 1e-3, 1e-3]);
});

test('NeMo without sched is constant; WarmupHoldPolicy holds after warmup', () => {
  assert.deepEqual(ruleIds(wrap(['name: adam', 'lr: 0.001'])), ['constant-lr']);
  assert.equal(
    planOf(wrap(['name: adam', 'lr: 0.001', 'sched: {name: WarmupHoldPolicy, warmup_steps: 100}']), 'nemo').schedule.constantAfterWarmup,
    true,
  );
});

test('NeMo: max_epochs length is epochs × steps per epoch (directive), Noam lr is a scale with a stated assumption', () => {
  const text = `# lr-lens: steps-per-epoch=200\n${wrap(['name: adamw', 'lr: 2.0', 'sched: {name: NoamAnnealing, d_model: 512, warmup_steps: 100}'], ['trainer:', '  max_epochs: 10', '  max_steps: -1'])}`;
  const plan = planOf(text, 'nemo');
  assert.deepEqual([plan.length.steps, plan.length.assumed, plan.baseLr], [2000, false, 2]);
  assert.ok(plan.assumptions.some((a) => a.includes('scale factor')));
  // Noam is a workable family but not a recommended default: a hint, nothing more.
  assert.deepEqual(ruleIds(text), ['schedule-family']);
});

test('NeMo: _target_ optimizer and novograd defaults', () => {
  assert.equal(planOf(wrap(['_target_: torch.optim.AdamW', 'lr: 1e-4']), 'nemo').optimizer.name, 'AdamW');
  assert.equal(planOf(wrap(['name: novograd', 'lr: 0.05']), 'nemo').optimizer.family, 'other');
});
