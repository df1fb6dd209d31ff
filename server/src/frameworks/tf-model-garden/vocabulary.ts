import type { EditingVocabulary } from '../framework';
import { TF_MODEL_GARDEN_DEFAULTS as D } from './dialect';

/** Names and keys a tf-model-garden config may write (for completion): what the dialect reads, with its defaults. */
export const tfModelGardenVocabulary: EditingVocabulary = {
  schedulerKeys: ['trainer.optimizer_config.learning_rate.type'],
  schedulers: [
    'constant',
    'cosine',
    'polynomial',
    'stepwise',
    'exponential',
    'power',
    'power_linear',
    'power_with_offset',
    'step_cosine_with_offset',
  ],
  optimizerKeys: ['trainer.optimizer_config.optimizer.type'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: [],
  keys: [
    {
      key: 'trainer.optimizer_config.learning_rate.type',
      default: D.learning_rate,
      meaning: 'the schedule; its parameters sit in the sibling key of that name',
    },
    { key: 'trainer.optimizer_config.warmup.type', default: D.warmup, meaning: 'the warmup (linear, polynomial); none without it' },
    { key: 'trainer.optimizer_config.optimizer.type', meaning: 'the optimizer; its parameters sit in the sibling key of that name' },
    { key: 'trainer.train_steps', meaning: 'training length in steps' },
    {
      key: 'trainer.optimizer_config.learning_rate.cosine.decay_steps',
      meaning: "the schedule's own horizon (cosine, polynomial): not tied to train_steps",
    },
    { key: 'trainer.optimizer_config.optimizer.adamw.beta_1', default: D.beta_1, meaning: "Adam's beta_1" },
    { key: 'trainer.optimizer_config.optimizer.adamw.beta_2', default: D.beta_2, meaning: "Adam's beta_2" },
    { key: 'trainer.optimizer_config.optimizer.adamw.epsilon', default: D.epsilon, meaning: "Adam's epsilon" },
  ],
};
