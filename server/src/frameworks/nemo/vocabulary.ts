import type { EditingVocabulary } from '../framework';
import { TORCH_SCHEDULER_CLASSES } from '../torch/names';
import { NEMO_SCHEDULERS } from './family';
import { NEMO_DEFAULTS as D } from './dialect';

/** Names and keys a nemo config may write (for completion): what the dialect reads, with its defaults. */
export const nemoVocabulary: EditingVocabulary = {
  schedulerKeys: ['model.optim.sched.name'],
  schedulers: [...NEMO_SCHEDULERS, ...TORCH_SCHEDULER_CLASSES],
  optimizerKeys: ['model.optim.name'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: [],
  keys: [
    { key: 'model.optim.name', meaning: 'the optimizer name' },
    { key: 'model.optim.lr', meaning: 'the peak learning rate (a scale factor with Noam schedules)' },
    { key: 'model.optim.betas', meaning: "Adam's (beta_1, beta_2)" },
    { key: 'model.optim.weight_decay', default: D.weight_decay, meaning: 'weight decay' },
    { key: 'model.optim.sched.name', default: D.sched, meaning: 'the scheduler; none keeps the LR constant' },
    { key: 'model.optim.sched.warmup_steps', meaning: 'warmup in optimizer steps' },
    { key: 'model.optim.sched.warmup_ratio', meaning: 'warmup as a fraction of max_steps' },
    { key: 'model.optim.sched.min_lr', meaning: 'the floor of the schedule' },
    { key: 'trainer.max_steps', meaning: 'training length in optimizer steps; overrides sched.max_steps' },
    { key: 'trainer.max_epochs', meaning: 'training length in epochs' },
  ],
};
