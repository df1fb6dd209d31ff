import type { EditingVocabulary } from '../framework';
import { LEVANTER_DEFAULTS as D } from './dialect';
import { LEVANTER_SCHEDULES } from './schedule';

/** Names and keys a levanter config may write (for completion): what the dialect reads, with its defaults. */
export const levanterVocabulary: EditingVocabulary = {
  schedulerKeys: ['optimizer.lr_schedule'],
  schedulers: LEVANTER_SCHEDULES,
  optimizerKeys: ['optimizer.type'],
  optimizers: ['adam', 'lion', 'muon', 'sophia-h'],
  keys: [
    { key: 'optimizer.type', default: D.type, meaning: 'the optimizer' },
    { key: 'optimizer.learning_rate', default: D.learning_rate, meaning: 'the peak learning rate' },
    { key: 'optimizer.lr_schedule', default: D.lr_schedule, meaning: 'constant, cosine, linear, inv_sqrt, inv (or an object with `type`)' },
    { key: 'optimizer.warmup', default: D.warmup, meaning: 'warmup: a fraction of the cycle if <= 1, else whole steps' },
    { key: 'optimizer.decay', meaning: 'decay length, same rule (default: the rest of the cycle)' },
    { key: 'optimizer.min_lr_ratio', default: D.min_lr_ratio, meaning: 'final LR as a fraction of learning_rate' },
    { key: 'optimizer.rewarmup', meaning: 'warmup of cycles 2..n, same rule' },
    { key: 'optimizer.cycles', meaning: 'number of cycles, or their boundaries' },
    { key: 'optimizer.cycle_length', meaning: 'cycle length (fraction or steps) or a list of lengths' },
    { key: 'trainer.num_train_steps', default: D.num_train_steps, meaning: 'run length in optimizer steps' },
  ],
};
