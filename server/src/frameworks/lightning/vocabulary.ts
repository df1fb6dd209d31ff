import type { EditingVocabulary } from '../framework';
import { TORCH_OPTIMIZER_CLASSES, TORCH_SCHEDULER_CLASSES } from '../torch/names';
import { LIGHTNING_DEFAULTS as D } from './dialect';

/** Names and keys a lightning config may write (for completion): what the dialect reads, with its defaults. */
export const lightningVocabulary: EditingVocabulary = {
  schedulerKeys: ['lr_scheduler.class_path', 'model.init_args.scheduler'],
  schedulers: TORCH_SCHEDULER_CLASSES,
  optimizerKeys: ['optimizer.class_path', 'model.init_args.optimizer'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: TORCH_OPTIMIZER_CLASSES,
  keys: [
    { key: 'optimizer.class_path', meaning: 'the optimizer class' },
    { key: 'optimizer.init_args.lr', default: D.lr, meaning: 'the peak learning rate' },
    { key: 'optimizer.init_args.betas', meaning: "Adam's (beta_1, beta_2)" },
    { key: 'optimizer.init_args.eps', meaning: "Adam's epsilon" },
    { key: 'optimizer.init_args.weight_decay', meaning: 'weight decay' },
    { key: 'lr_scheduler.class_path', default: D.scheduler, meaning: 'the scheduler class; none keeps the LR constant' },
    { key: 'trainer.max_epochs', default: D.max_epochs, meaning: 'training length in epochs' },
    { key: 'trainer.max_steps', meaning: 'training length in optimizer steps' },
  ],
};
