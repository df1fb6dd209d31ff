import type { EditingVocabulary } from '../framework';
import { FAIRSEQ_DEFAULTS as D } from './dialect';

/** Names and keys a fairseq config may write (for completion): what the dialect reads, with its defaults. */
export const fairseqVocabulary: EditingVocabulary = {
  schedulerKeys: ['lr_scheduler._name'],
  schedulers: ['fixed', 'inverse_sqrt', 'polynomial_decay', 'cosine', 'tri_stage', 'step', 'reduce_lr_on_plateau', 'pass_through'],
  optimizerKeys: ['optimizer._name'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: [],
  keys: [
    { key: 'optimization.lr', default: D.lr, meaning: 'the learning rate (a list: one per epoch for fixed)' },
    { key: 'optimization.max_update', default: D.max_update, meaning: 'training length in updates; 0 means unlimited' },
    { key: 'optimization.max_epoch', default: D.max_epoch, meaning: 'training length in epochs; 0 means unlimited' },
    { key: 'lr_scheduler._name', default: D.lr_scheduler, meaning: 'the scheduler' },
    { key: 'lr_scheduler.warmup_updates', meaning: 'warmup in updates' },
    { key: 'lr_scheduler.warmup_init_lr', meaning: 'the LR at the start of warmup' },
    { key: 'optimizer._name', default: D.optimizer, meaning: 'the optimizer' },
    { key: 'optimizer.adam_betas', default: D.adam_betas, meaning: "Adam's (beta_1, beta_2)" },
    { key: 'optimizer.adam_eps', default: D.adam_eps, meaning: "Adam's epsilon" },
    { key: 'optimizer.weight_decay', default: D.weight_decay, meaning: 'weight decay' },
  ],
};
