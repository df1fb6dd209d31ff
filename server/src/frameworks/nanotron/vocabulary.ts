import type { EditingVocabulary } from '../framework';
import { NANOTRON_DEFAULTS as D } from './dialect';
import { NANOTRON_DECAY_STYLES } from './schedule';

/** Names and keys a nanotron config may write (for completion): what the dialect reads, with its defaults. */
export const nanotronVocabulary: EditingVocabulary = {
  schedulerKeys: ['optimizer.learning_rate_scheduler.lr_decay_style'],
  schedulers: NANOTRON_DECAY_STYLES,
  optimizerKeys: ['optimizer.optimizer_factory.name'],
  optimizers: ['adamW', 'sgd'],
  keys: [
    { key: 'optimizer.learning_rate_scheduler.learning_rate', meaning: 'the peak learning rate (required)' },
    { key: 'optimizer.learning_rate_scheduler.lr_warmup_steps', default: D.lr_warmup_steps, meaning: 'warmup in optimizer steps' },
    { key: 'optimizer.learning_rate_scheduler.lr_warmup_style', meaning: 'linear or constant (required)' },
    { key: 'optimizer.learning_rate_scheduler.lr_decay_style', default: D.lr_decay_style, meaning: 'linear, cosine or 1-sqrt' },
    { key: 'optimizer.learning_rate_scheduler.lr_decay_steps', meaning: 'decay length (default: train_steps - lr_warmup_steps)' },
    { key: 'optimizer.learning_rate_scheduler.lr_decay_starting_step', meaning: 'step the decay starts at (default: lr_warmup_steps)' },
    { key: 'optimizer.learning_rate_scheduler.min_decay_lr', meaning: 'the LR after decay (default: learning_rate, i.e. no decay)' },
    { key: 'optimizer.optimizer_factory.name', default: D.optimizer, meaning: 'the optimizer' },
    { key: 'tokens.train_steps', meaning: 'run length in optimizer steps (required)' },
  ],
};
