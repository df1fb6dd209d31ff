import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dialectOf, planOf, ruleIds, yaml } from '../../dialects/analyze';

const head = [
  '# @package _group_',
  'common: {fp16: true}',
  'task: {_name: audio_pretraining}',
  'dataset: {max_tokens: 1400000}',
  'criterion: {_name: wav2vec}',
  'model: {_name: wav2vec2}',
];

test('fairseq: lr list, tuple-string betas, polynomial_decay to max_update', () => {
  const plan = planOf(
    yaml(
      ...head,
      'optimization:',
      '  max_update: 300000',
      '  lr: [0.0004]',
      'optimizer:',
      '  _name: adam',
      '  adam_betas: (0.9,0.98)',
      '  adam_eps: 2e-06',
      'lr_scheduler:',
      '  _name: polynomial_decay',
      '  warmup_updates: 24000',
    ),
    'fairseq',
  );
  assert.deepEqual([plan.baseLr, plan.optimizer.beta1, plan.optimizer.beta2, plan.optimizer.epsilon], [0.0004, 0.9, 0.98, 2e-6]);
  assert.deepEqual(
    [plan.schedule.framework, plan.schedule.name, plan.schedule.params.max_update, plan.schedule.params.lr],
    ['fairseq', 'polynomial_decay', 300000, [0.0004]],
  );
  assert.deepEqual([plan.warmup.steps, plan.length.steps], [24000, 300000]);
});

test('fairseq: tri_stage warmup from phase_ratio; inverse_sqrt default warmup 4000; list-form betas', () => {
  const tri = planOf(
    yaml(
      ...head,
      'optimization: {max_update: 20000, lr: [0.00005]}',
      'optimizer: {_name: adam, adam_betas: [0.9, 0.98]}',
      'lr_scheduler: {_name: tri_stage, phase_ratio: [0.1, 0.4, 0.5], final_lr_scale: 0.05}',
    ),
    'fairseq',
  );
  assert.deepEqual([tri.warmup.steps, tri.optimizer.beta2, tri.schedule.params.phase_ratio], [2000, 0.98, [0.1, 0.4, 0.5]]);
  const isqrt = planOf(
    yaml(...head, 'optimization: {max_update: 100000, lr: [0.0005]}', 'optimizer: {_name: adam}', 'lr_scheduler: {_name: inverse_sqrt}'),
    'fairseq',
  );
  assert.equal(isqrt.warmup.steps, 4000);
});

test('fairseq: fixed is constant; composite groups use their own lr and scheduler', () => {
  const fixed = yaml(...head, 'optimization: {max_update: 1000, lr: [0.0004]}', 'optimizer: {_name: adam}', 'lr_scheduler: {_name: fixed}');
  assert.deepEqual(ruleIds(fixed), ['constant-lr']);
  const composite = planOf(
    yaml(
      ...head,
      'optimization: {max_update: 375300, lr: [0.001]}',
      'optimizer:',
      '  _name: composite',
      '  groups:',
      '    default:',
      '      lr_float: 1e-3',
      '      optimizer: {_name: adam, adam_betas: [0.9,0.95]}',
      '      lr_scheduler: {_name: cosine, warmup_updates: 30000}',
      'lr_scheduler: pass_through',
    ),
    'fairseq',
  );
  assert.deepEqual(
    [composite.baseLr, composite.schedule.name, composite.warmup.steps, composite.optimizer.beta2],
    [1e-3, 'cosine', 30000, 0.95],
  );
});

test('fairseq: unreadable adam_betas is an invalid-value finding; a bare defaults list is recognized without a plan', () => {
  assert.deepEqual(
    ruleIds(
      yaml(
        ...head,
        'optimization: {max_update: 1000, lr: [0.001]}',
        'optimizer: {_name: adam, adam_betas: "(0.9, high)"}',
        'lr_scheduler: {_name: cosine}',
      ),
    ),
    ['invalid-value'],
  );
  const defaults = yaml('defaults:', '  - task: null', '  - criterion: cross_entropy', '  - optimizer: null', '  - lr_scheduler: fixed');
  assert.equal(dialectOf(defaults), 'fairseq');
  assert.deepEqual(ruleIds(defaults), []);
});
