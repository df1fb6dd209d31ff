// Search-space names onto Adam roles, the optimizer, the training length and the schedule, across naming styles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { betaPair, roleOf } from '../../../server/src/plan/searchSpaceRoles';

test('names across styles map onto LR, beta_1, beta_2, epsilon, betas', () => {
  const cases: Record<string, string | null> = {
    lr: 'lr',
    learning_rate: 'lr',
    'optim.lr': 'lr',
    'optimizer.lr': 'lr',
    lr0: 'lr',
    learn_rate: 'lr',
    learningRate: 'lr',
    'optimizer.config.learning_rate': 'lr',
    'model.optimizer.lr': 'lr',
    LR: 'lr',
    'critic-LR': 'lr',
    base_lr: 'lr',
    adam_beta1: 'beta1',
    beta1: 'beta1',
    b1: 'beta1',
    'optimizer.adam_beta1': 'beta1',
    beta_1: 'beta1',
    adam_beta2: 'beta2',
    beta2: 'beta2',
    b2: 'beta2',
    'optim.beta_2': 'beta2',
    betas: 'betas',
    'optimizer.betas': 'betas',
    adam_betas: 'betas',
    adam_eps: 'epsilon',
    eps: 'epsilon',
    epsilon: 'epsilon',
    adam_epsilon: 'epsilon',
    'optimizer.eps': 'epsilon',
    optimizer: 'optimizer',
    'model.optimizer._target_': 'optimizer',
    'optim.name': 'optimizer',
    optim: 'optimizer',
    max_steps: 'length',
    'trainer.max_steps': 'length',
    epochs: 'length',
    'num-epochs': 'length',
    num_train_epochs: 'length',
    'trainer.max_epochs': 'length',
    lr_scheduler_type: 'schedule',
    'model.optim.sched.name': 'schedule',
    ANNEAL_LR: 'annealFlag',
    // Not the base LR, not Adam, not the training length.
    lrf: null,
    min_lr: null,
    warmup_bias_lr: null,
    warmup_steps: null,
    momentum: null,
    weight_decay: null,
    CLIP_EPS: null,
    num_steps: null,
    lr_decay: null,
    dropout: null,
    UPDATE_EPOCHS: null,
  };
  for (const [name, role] of Object.entries(cases)) assert.equal(roleOf(name), role, name);
});

test('betas written as lists or strings', () => {
  assert.deepEqual(betaPair([0.9, 0.98]), [0.9, 0.98]);
  assert.deepEqual(betaPair('(0.9,0.98)'), [0.9, 0.98]);
  assert.deepEqual(betaPair('[0.9, 0.999]'), [0.9, 0.999]);
  assert.equal(betaPair('auto'), null);
  assert.equal(betaPair([0.9]), null);
});
