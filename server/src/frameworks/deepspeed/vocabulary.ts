import type { EditingVocabulary } from '../framework';
import { TORCH_SCHEDULER_CLASSES } from '../torch/names';
import { DEEPSPEED_SCHEDULERS } from './family';
import { DEEPSPEED_DEFAULTS as D } from './dialect';

/** Names and keys a deepspeed config may write (for completion): what the dialect reads, with its defaults. */
export const deepspeedVocabulary: EditingVocabulary = {
  schedulerKeys: ['scheduler.type'],
  schedulers: [...DEEPSPEED_SCHEDULERS, ...TORCH_SCHEDULER_CLASSES],
  optimizerKeys: ['optimizer.type'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: [],
  keys: [
    { key: 'optimizer.type', meaning: 'the optimizer' },
    { key: 'optimizer.params.lr', meaning: 'the peak learning rate' },
    { key: 'optimizer.params.betas', default: D.betas, meaning: "Adam's (beta_1, beta_2)" },
    { key: 'optimizer.params.eps', default: D.eps, meaning: "Adam's epsilon" },
    { key: 'optimizer.params.weight_decay', default: D.weight_decay, meaning: 'weight decay' },
    { key: 'scheduler.type', meaning: 'the scheduler; none leaves the schedule to the training script' },
    { key: 'scheduler.params.total_num_steps', meaning: 'training length in steps (WarmupDecayLR, WarmupCosineLR)' },
    { key: 'scheduler.params.warmup_num_steps', default: D.warmup_num_steps, meaning: 'warmup in steps' },
    { key: 'scheduler.params.warmup_min_lr', default: D.warmup_min_lr, meaning: 'the LR at the start of warmup' },
    { key: 'scheduler.params.warmup_max_lr', meaning: 'the LR at the end of warmup' },
    { key: 'scheduler.params.warmup_type', default: D.warmup_type, meaning: 'log or linear warmup' },
  ],
};
