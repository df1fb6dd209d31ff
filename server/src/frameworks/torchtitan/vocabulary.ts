import type { EditingVocabulary } from '../framework';
import { TORCHTITAN_DEFAULTS as D } from './dialect';
import { TORCHTITAN_DECAY_TYPES } from './schedule';

/** Names and keys a torchtitan TOML may write (for completion): what the dialect reads, with its defaults. */
export const torchtitanVocabulary: EditingVocabulary = {
  schedulerKeys: ['lr_scheduler.decay_type'],
  schedulers: TORCHTITAN_DECAY_TYPES,
  optimizerKeys: ['optimizer.name'],
  optimizers: ['AdamW', 'Adam'],
  keys: [
    { key: 'optimizer.name', default: D.optimizer, meaning: 'the optimizer (torch.optim class name)' },
    { key: 'optimizer.lr', default: D.lr, meaning: 'the peak learning rate' },
    { key: 'optimizer.beta1', default: D.beta1, meaning: 'Adam beta1' },
    { key: 'optimizer.beta2', default: D.beta2, meaning: 'Adam beta2' },
    { key: 'optimizer.eps', default: D.eps, meaning: 'Adam epsilon' },
    { key: 'optimizer.weight_decay', default: D.weight_decay, meaning: 'weight decay' },
    { key: 'lr_scheduler.warmup_steps', default: D.warmup_steps, meaning: 'linear warmup steps (the first update uses lr / warmup_steps)' },
    { key: 'lr_scheduler.total_steps', meaning: 'steps the schedule is laid out over (default: training.steps)' },
    { key: 'lr_scheduler.decay_ratio', meaning: 'fraction of the steps that decay at the end (default: all steps after warmup)' },
    { key: 'lr_scheduler.decay_type', default: D.decay_type, meaning: 'linear, sqrt or cosine decay' },
    { key: 'lr_scheduler.min_lr_factor', default: D.min_lr_factor, meaning: 'final LR as a fraction of lr' },
    { key: 'training.steps', default: D.steps, meaning: 'optimizer steps the run takes' },
  ],
};
