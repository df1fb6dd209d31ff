import type { EditingVocabulary } from '../framework';
import { COMPOSER_SCHEDULER_NAMES } from './family';
import { COMPOSER_DEFAULTS as D } from './dialect';

/** Names and keys a composer config may write (for completion): what the dialect reads, with its defaults. */
export const composerVocabulary: EditingVocabulary = {
  schedulerKeys: ['scheduler.name'],
  schedulers: COMPOSER_SCHEDULER_NAMES,
  optimizerKeys: ['optimizer.name'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: [],
  keys: [
    { key: 'optimizer.name', default: D.optimizer, meaning: 'the optimizer' },
    { key: 'optimizer.lr', default: D.lr, meaning: 'the peak learning rate' },
    { key: 'optimizer.betas', default: D.betas, meaning: "Adam's (beta_1, beta_2)" },
    { key: 'optimizer.eps', default: D.eps, meaning: "Adam's epsilon" },
    { key: 'optimizer.weight_decay', default: D.weight_decay, meaning: 'weight decay' },
    { key: 'scheduler.name', meaning: 'the scheduler; none keeps the LR constant' },
    { key: 'scheduler.t_warmup', default: D.t_warmup, meaning: 'warmup, as a time string (100ba, 0.02dur)' },
    { key: 'scheduler.alpha_f', default: D.alpha_f, meaning: 'the final LR as a fraction of the peak' },
    { key: 'max_duration', meaning: 'training length, as a time string (4800ba, 1ep)' },
    { key: 'global_train_batch_size', meaning: 'samples per optimizer step' },
  ],
};
