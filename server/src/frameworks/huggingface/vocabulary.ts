import type { EditingVocabulary } from '../framework';
import { HUGGING_FACE_SCHEDULERS } from './schedule';
import { HUGGING_FACE_DEFAULTS as D } from './dialect';

/** Names and keys a huggingface config may write (for completion): what the dialect reads, with its defaults. */
export const huggingFaceVocabulary: EditingVocabulary = {
  schedulerKeys: ['lr_scheduler_type'],
  schedulers: HUGGING_FACE_SCHEDULERS,
  optimizerKeys: ['optim'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: [D.optim],
  keys: [
    { key: 'learning_rate', default: D.learning_rate, meaning: 'the peak learning rate' },
    { key: 'lr_scheduler_type', default: D.lr_scheduler_type, meaning: 'the scheduler name' },
    { key: 'lr_scheduler_kwargs', meaning: 'extra arguments of the scheduler function (a mapping, or a JSON string of one)' },
    { key: 'warmup_ratio', default: 0, meaning: 'warmup as a fraction of the training steps' },
    { key: 'warmup_steps', default: 0, meaning: 'warmup in optimizer steps (wins over warmup_ratio in transformers v4)' },
    { key: 'num_train_epochs', default: D.num_train_epochs, meaning: 'training length in epochs, used when max_steps is not set' },
    { key: 'max_steps', default: D.max_steps, meaning: 'training length in optimizer steps; -1 means use num_train_epochs' },
    { key: 'optim', default: D.optim, meaning: 'the optimizer name' },
    { key: 'adam_beta1', default: D.adam_beta1, meaning: "Adam's beta_1" },
    { key: 'adam_beta2', default: D.adam_beta2, meaning: "Adam's beta_2" },
    { key: 'adam_epsilon', default: D.adam_epsilon, meaning: "Adam's epsilon" },
    { key: 'weight_decay', default: D.weight_decay, meaning: 'weight decay' },
  ],
  // transformers' get_cosine_with_min_lr_schedule_with_warmup raises ValueError without exactly one of min_lr / min_lr_rate.
  schedulerNeeds: {
    cosine_with_min_lr: 'lr_scheduler_kwargs: {min_lr_rate: 0.1}',
    cosine_warmup_with_min_lr: 'lr_scheduler_kwargs: {min_lr_rate: 0.1}',
  },
};
