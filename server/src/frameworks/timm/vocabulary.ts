import type { EditingVocabulary } from '../framework';
import { TIMM_SCHEDULERS } from './schedule';
import { TIMM_DEFAULTS as D } from './dialect';

/** Names and keys a timm config may write (for completion): what the dialect reads, with its defaults. */
export const timmVocabulary: EditingVocabulary = {
  schedulerKeys: ['sched'],
  schedulers: TIMM_SCHEDULERS,
  optimizerKeys: ['opt'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: [D.opt],
  keys: [
    { key: 'opt', default: D.opt, meaning: 'the optimizer' },
    { key: 'sched', default: D.sched, meaning: 'the scheduler' },
    { key: 'lr', meaning: 'the peak learning rate; null derives it from lr_base and the batch size' },
    { key: 'lr_base', default: D.lr_base, meaning: 'the LR at lr_base_size samples per batch' },
    { key: 'epochs', default: D.epochs, meaning: 'training length in epochs' },
    { key: 'warmup_epochs', default: D.warmup_epochs, meaning: 'warmup in epochs' },
    { key: 'warmup_lr', default: D.warmup_lr, meaning: 'the LR at the start of warmup' },
    { key: 'min_lr', default: D.min_lr, meaning: 'the floor of the schedule' },
    { key: 'cooldown_epochs', default: D.cooldown_epochs, meaning: 'epochs at min_lr after the schedule' },
    { key: 'decay_rate', default: D.decay_rate, meaning: 'step/multistep factor; poly power' },
    { key: 'opt_eps', meaning: "the optimizer's epsilon" },
    { key: 'opt_betas', meaning: "the optimizer's betas" },
    { key: 'momentum', default: D.momentum, meaning: 'SGD momentum' },
    { key: 'weight_decay', default: D.weight_decay, meaning: 'weight decay' },
    { key: 'sched_on_updates', default: false, meaning: 'step the scheduler per update instead of per epoch' },
  ],
};
