import type { EditingVocabulary } from '../framework';
import { TORCHTUNE_SCHEDULERS } from './schedule';
import { TORCH_OPTIMIZER_CLASSES, TORCH_SCHEDULER_CLASSES } from '../torch/names';
import { TORCHTUNE_DEFAULTS as D } from './dialect';

/** Names and keys a torchtune config may write (for completion): what the dialect reads, with its defaults. */
export const torchtuneVocabulary: EditingVocabulary = {
  schedulerKeys: ['lr_scheduler._component_'],
  schedulers: [...TORCHTUNE_SCHEDULERS, ...TORCH_SCHEDULER_CLASSES],
  optimizerKeys: ['optimizer._component_'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: TORCH_OPTIMIZER_CLASSES,
  keys: [
    { key: 'optimizer._component_', meaning: 'the optimizer class (dotted path)' },
    { key: 'optimizer.lr', meaning: 'the peak learning rate' },
    { key: 'optimizer.betas', meaning: "Adam's (beta_1, beta_2)" },
    { key: 'optimizer.eps', meaning: "Adam's epsilon" },
    { key: 'optimizer.weight_decay', meaning: 'weight decay' },
    { key: 'lr_scheduler._component_', default: D.scheduler, meaning: 'the scheduler (dotted path); none keeps the LR constant' },
    { key: 'lr_scheduler.num_warmup_steps', default: 0, meaning: 'warmup in optimizer steps' },
    { key: 'epochs', default: D.epochs, meaning: 'training length in epochs' },
    { key: 'max_steps_per_epoch', meaning: 'caps the optimizer steps of each epoch' },
    { key: 'num_steps', meaning: 'training length of RL recipes (PPO/GRPO)' },
  ],
};
