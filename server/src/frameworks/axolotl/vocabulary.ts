import type { EditingVocabulary } from '../framework';
import { HUGGING_FACE_SCHEDULERS } from '../huggingface/schedule';
import { AXOLOTL_DEFAULTS as D } from './dialect';

/** Names and keys a axolotl config may write (for completion): what the dialect reads, with its defaults. */
export const axolotlVocabulary: EditingVocabulary = {
  schedulerKeys: ['lr_scheduler'],
  schedulers: HUGGING_FACE_SCHEDULERS,
  optimizerKeys: ['optimizer'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: [D.optimizer],
  keys: [
    { key: 'learning_rate', meaning: 'the peak learning rate' },
    { key: 'lr_scheduler', default: D.lr_scheduler, meaning: "the scheduler name (the Hugging Face Trainer's)" },
    { key: 'lr_scheduler_kwargs', meaning: 'extra arguments of the scheduler' },
    { key: 'optimizer', default: D.optimizer, meaning: 'the optimizer name' },
    { key: 'adam_beta1', default: D.adam_beta1, meaning: "Adam's beta_1" },
    { key: 'adam_beta2', default: D.adam_beta2, meaning: "Adam's beta_2" },
    { key: 'adam_epsilon', default: D.adam_epsilon, meaning: "Adam's epsilon (adam_eps is not read)" },
    { key: 'weight_decay', default: D.weight_decay, meaning: 'weight decay' },
    { key: 'warmup_steps', meaning: 'warmup in optimizer steps' },
    { key: 'warmup_ratio', meaning: 'warmup as a fraction of the training steps' },
    { key: 'num_epochs', default: D.num_epochs, meaning: 'training length in epochs' },
    { key: 'max_steps', meaning: 'training length in optimizer steps; wins over num_epochs' },
    { key: 'cosine_min_lr_ratio', meaning: 'floor of the cosine, as a fraction of the learning rate' },
    { key: 'cosine_constant_lr_ratio', meaning: 'fraction of training held at the peak before the cosine' },
  ],
};
