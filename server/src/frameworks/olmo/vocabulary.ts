import type { EditingVocabulary } from '../framework';
import { OLMO_DEFAULTS as D } from './dialect';
import { OLMO_SCHEDULERS } from './schedule';

/** Names and keys a olmo config may write (for completion): what the dialect reads, with its defaults. */
export const olmoVocabulary: EditingVocabulary = {
  schedulerKeys: ['scheduler.name'],
  schedulers: OLMO_SCHEDULERS,
  optimizerKeys: ['optimizer.name'],
  optimizers: ['adamw', 'lionw'],
  keys: [
    { key: 'optimizer.name', default: D.optimizer, meaning: 'the optimizer' },
    { key: 'optimizer.learning_rate', default: D.learning_rate, meaning: 'the peak learning rate' },
    { key: 'optimizer.betas', default: D.betas, meaning: 'Adam/Lion betas' },
    { key: 'optimizer.eps', default: D.eps, meaning: 'epsilon' },
    { key: 'optimizer.weight_decay', default: D.weight_decay, meaning: 'weight decay' },
    { key: 'scheduler.name', default: D.scheduler, meaning: 'the scheduler' },
    { key: 'scheduler.units', default: D.units, meaning: 'steps or tokens: the unit of t_warmup and t_max' },
    { key: 'scheduler.t_warmup', default: D.t_warmup, meaning: 'warmup length (truncated to an integer)' },
    { key: 'scheduler.t_max', meaning: 'decay horizon (default: max_duration)' },
    { key: 'scheduler.alpha_f', default: D.alpha_f, meaning: 'final LR as a fraction of learning_rate' },
    { key: 'scheduler.warmup_min_lr', meaning: 'the LR warmup starts from (default: 0.1 × learning_rate)' },
    { key: 'max_duration', default: D.max_duration, meaning: 'run length: steps, `…T` tokens or `…ep` epochs' },
    { key: 'stop_at', meaning: 'the step the run stops at (default: max_steps + 10)' },
    { key: 'global_train_batch_size', default: D.global_train_batch_size, meaning: 'sequences per optimizer step' },
  ],
};
