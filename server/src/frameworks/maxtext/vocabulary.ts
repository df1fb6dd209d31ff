import type { EditingVocabulary } from '../framework';
import { MAXTEXT_DEFAULTS as D } from './dialect';
import { MAXTEXT_SCHEDULE_TYPES } from './schedule';

/** Names and keys a maxtext config may write (for completion): what the dialect reads, with its defaults. */
export const maxtextVocabulary: EditingVocabulary = {
  schedulerKeys: ['lr_schedule_type'],
  schedulers: MAXTEXT_SCHEDULE_TYPES,
  optimizerKeys: ['opt_type'],
  optimizers: ['adamw', 'adam_pax', 'sgd', 'muon'],
  keys: [
    { key: 'learning_rate', default: D.learning_rate, meaning: 'the peak learning rate' },
    { key: 'lr_schedule_type', default: D.lr_schedule_type, meaning: 'cosine or wsd' },
    { key: 'learning_rate_final_fraction', default: D.learning_rate_final_fraction, meaning: 'final LR as a fraction of learning_rate' },
    { key: 'cosine_learning_rate_final_fraction', meaning: 'the same, before 2026-01-13' },
    { key: 'warmup_steps_fraction', default: D.warmup_steps_fraction, meaning: 'warmup as a fraction of learning_rate_schedule_steps' },
    {
      key: 'wsd_decay_steps_fraction',
      default: D.wsd_decay_steps_fraction,
      meaning: 'WSD decay as a fraction of learning_rate_schedule_steps',
    },
    { key: 'wsd_decay_style', default: D.wsd_decay_style, meaning: 'linear or cosine' },
    {
      key: 'learning_rate_schedule_steps',
      default: D.learning_rate_schedule_steps,
      meaning: 'schedule length; -1 means steps (LR 0 after it)',
    },
    { key: 'steps', default: D.steps, meaning: 'run length; -1 means learning_rate_schedule_steps' },
    { key: 'opt_type', default: D.opt_type, meaning: 'the optimizer' },
    { key: 'adam_b1', default: D.adam_b1, meaning: 'Adam beta1' },
    { key: 'adam_b2', default: D.adam_b2, meaning: 'Adam beta2' },
    { key: 'adam_eps', default: D.adam_eps, meaning: 'Adam epsilon' },
  ],
};
