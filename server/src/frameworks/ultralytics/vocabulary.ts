import type { EditingVocabulary } from '../framework';
import { ULTRALYTICS_DEFAULTS as D } from './dialect';

/** Names and keys a ultralytics config may write (for completion): what the dialect reads, with its defaults. */
export const ultralyticsVocabulary: EditingVocabulary = {
  /** No key names the schedule: `cos_lr` picks cosine over the linear default. */
  schedulerKeys: [],
  schedulers: ['linear', 'cosine'],
  optimizerKeys: ['optimizer'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: [D.optimizer],
  keys: [
    { key: 'lr0', default: D.lr0, meaning: 'the initial (peak) learning rate' },
    { key: 'lrf', default: D.lrf, meaning: 'the final learning rate as a fraction of lr0' },
    { key: 'cos_lr', default: D.cos_lr, meaning: 'cosine decay instead of linear' },
    { key: 'epochs', default: D.epochs, meaning: 'training length in epochs' },
    { key: 'warmup_epochs', default: D.warmup_epochs, meaning: 'warmup in epochs (may be fractional)' },
    { key: 'warmup_momentum', default: D.warmup_momentum, meaning: 'momentum at the start of warmup' },
    { key: 'warmup_bias_lr', default: D.warmup_bias_lr, meaning: 'the bias learning rate at the start of warmup' },
    { key: 'optimizer', default: D.optimizer, meaning: 'the optimizer; auto picks one and ignores lr0 and momentum' },
    { key: 'momentum', default: D.momentum, meaning: 'SGD momentum / Adam beta_1' },
    { key: 'weight_decay', default: D.weight_decay, meaning: 'weight decay' },
  ],
};
