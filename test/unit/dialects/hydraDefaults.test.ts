// Hydra `defaults:` lists followed into sibling config-group files through an injected reader (no disk access
// in the core). Files here are inline strings in a map standing in for the workspace.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse, planOf, yaml } from './analyse';

const workspace: Record<string, string> = {
  '/ws/conf/optimizer/adam.yaml': yaml('_name: adam', "adam_betas: '(0.9, 0.98)'", 'adam_eps: 1e-06'),
  '/ws/conf/lr_scheduler/cosine.yaml': yaml('_name: cosine', 'warmup_updates: 500'),
  '/ws/conf/lr_scheduler/fixed.yaml': yaml('_name: fixed'),
  '/ws/conf/model/optim/adamw.yaml': yaml('# @package model.optim', 'name: adamw', 'lr: 1e-3', 'sched: {name: CosineAnnealing, warmup_steps: 100, min_lr: 1e-6}'),
};
const readFile = (path: string) => workspace[path.replace(/\\/g, '/')];

const fairseq = (...defaults: string[]) =>
  yaml('defaults:', ...defaults.map((d) => `  - ${d}`), 'common: {}', 'task: {_name: audio_pretraining}', 'criterion: {_name: wav2vec}', 'optimization: {max_update: 1000, lr: [0.0005]}');

test('fairseq: optimizer and scheduler come from the group files the defaults list names', () => {
  const plan = planOf(fairseq('optimizer: adam', 'lr_scheduler: cosine'), 'fairseq', '/ws/conf/config.yaml', { readFile });
  assert.deepEqual([plan.optimizer.beta2, plan.optimizer.epsilon, plan.schedule.name, plan.warmup.steps], [0.98, 1e-6, 'cosine', 500]);
  assert.ok(plan.assumptions.some((a) => a.includes('lr_scheduler/cosine.yaml')));
});

test('a finding about a composed value is placed on the defaults item that pulled it in', () => {
  const text = fairseq('optimizer: adam', 'lr_scheduler: cosine');
  const analysis = analyse(text, '/ws/conf/config.yaml', { readFile });
  const warmup = analysis.findings.find((f) => f.ruleId === 'warmup-too-long');
  assert.ok(warmup, 'warmup 500 of 1000 updates should be flagged');
  assert.equal(text.slice(warmup.span.start, warmup.span.end), 'cosine');
});

test('without a reader, or with a missing file, composed values stay unknown (no false finding)', () => {
  const text = fairseq('optimizer: adam', 'lr_scheduler: cosine');
  // The choice still names the scheduler (fairseq group options are scheduler names); its settings are unknown.
  const plan = planOf(text, 'fairseq', '/ws/conf/config.yaml');
  assert.deepEqual([plan.schedule.name, plan.schedule.constantAfterWarmup, plan.optimizer.beta2], ['cosine', false, 0.999]);
  assert.deepEqual(analyse(text, '/ws/conf/config.yaml').findings, []);
  assert.deepEqual(analyse(fairseq('lr_scheduler: missing'), '/ws/conf/config.yaml', { readFile }).findings.map((f) => f.ruleId), []);
});

test('own values win over groups listed before _self_; groups after _self_ win', () => {
  const own = yaml('name: run', 'model:', '  train_ds: {}', '  optim:', '    name: sgd', '    lr: 0.1', 'trainer: {max_steps: 1000}', 'exp_manager: {}');
  const before = `defaults:\n  - model/optim: adamw\n  - _self_\n${own}`;
  const after = `defaults:\n  - _self_\n  - model/optim: adamw\n${own}`;
  assert.deepEqual([planOf(before, 'nemo', '/ws/conf/c.yaml', { readFile }).optimizer.name, planOf(before, 'nemo', '/ws/conf/c.yaml', { readFile }).schedule.name], ['sgd', 'CosineAnnealing']);
  const plan = planOf(after, 'nemo', '/ws/conf/c.yaml', { readFile });
  assert.deepEqual([plan.optimizer.name, plan.baseLr, plan.warmup.steps], ['adamw', 1e-3, 100]);
});
