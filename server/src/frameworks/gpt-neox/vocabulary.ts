import type { EditingVocabulary } from '../framework';
import { GPT_NEOX_DEFAULTS as D } from './dialect';
import { GPT_NEOX_DECAY_STYLES } from './schedule';

/** Names and keys a gpt-neox config may write (for completion): what the dialect reads, with its defaults. */
export const gptNeoxVocabulary: EditingVocabulary = {
  schedulerKeys: ['lr_decay_style'],
  schedulers: GPT_NEOX_DECAY_STYLES,
  optimizerKeys: ['optimizer.type'],
  optimizers: ['Adam', 'AdamW', 'Lion', 'SGD'],
  keys: [
    {
      key: 'optimizer.type',
      default: D.optimizer_type,
      meaning: 'the optimizer (`Adam`, `Lion`, `OneBitAdam` hands the schedule to DeepSpeed)',
    },
    { key: 'optimizer.params.lr', default: D.lr, meaning: 'the peak learning rate' },
    { key: 'optimizer.params.betas', meaning: 'Adam betas' },
    { key: 'optimizer.params.eps', default: D.eps, meaning: 'Adam epsilon' },
    { key: 'lr_decay_style', default: D.lr_decay_style, meaning: 'constant, linear, cosine or exponential (exact lowercase)' },
    { key: 'lr_decay_iters', meaning: 'the decay horizon in iterations (default: train_iters)' },
    { key: 'lr_decay_fraction', meaning: 'the horizon as a fraction of train_iters' },
    { key: 'train_iters', meaning: 'run length in optimizer steps' },
    { key: 'warmup', default: D.warmup, meaning: 'warmup as a fraction of the decay horizon, never a step count' },
    { key: 'min_lr', default: D.min_lr, meaning: 'the floor every decay style is clamped to' },
  ],
};
