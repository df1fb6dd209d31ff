import type { EditingVocabulary } from '../framework';
import { OPENNMT_DEFAULTS as D } from './dialect';

/** Names and keys a opennmt config may write (for completion): what the dialect reads, with its defaults. */
export const openNmtVocabulary: EditingVocabulary = {
  schedulerKeys: ['decay_method'],
  schedulers: ['none', 'noam', 'noamwd', 'rsqrt'],
  optimizerKeys: ['optim'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: [D.optim],
  keys: [
    { key: 'optim', default: D.optim, meaning: 'the optimizer' },
    { key: 'learning_rate', default: D.learning_rate, meaning: 'the learning rate (a scale factor with noam, noamwd, rsqrt)' },
    { key: 'decay_method', default: D.decay_method, meaning: 'the schedule; none is exponential step decay' },
    { key: 'warmup_steps', default: D.warmup_steps, meaning: 'warmup in steps' },
    { key: 'train_steps', default: D.train_steps, meaning: 'training length in steps' },
    { key: 'start_decay_steps', default: D.start_decay_steps, meaning: 'the step the step decay starts' },
    { key: 'decay_steps', default: D.decay_steps, meaning: 'steps between decays' },
    { key: 'learning_rate_decay', default: D.learning_rate_decay, meaning: 'the factor at each decay' },
    { key: 'adam_beta1', default: D.adam_beta1, meaning: "Adam's beta_1" },
    { key: 'adam_beta2', default: D.adam_beta2, meaning: "Adam's beta_2" },
    { key: 'weight_decay', meaning: 'weight decay' },
  ],
};
