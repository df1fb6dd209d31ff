import type { EditingVocabulary } from '../framework';
import { TORCH_OPTIMIZER_CLASSES, TORCH_SCHEDULER_CLASSES } from '../torch/names';
import { HYDRA_DEFAULTS as D } from './dialect';

/**
 * Names and keys a Hydra `_target_` config may write (for completion), in the lightning-hydra-template layout: torch
 * classes by class name (a `_target_` wants `torch.optim.<name>` / `torch.optim.lr_scheduler.<name>`).
 */
export const hydraVocabulary: EditingVocabulary = {
  schedulerKeys: ['scheduler._target_', 'model.scheduler._target_'],
  schedulers: TORCH_SCHEDULER_CLASSES,
  optimizerKeys: ['optimizer._target_', 'model.optimizer._target_'],
  optimizers: TORCH_OPTIMIZER_CLASSES,
  keys: [
    { key: 'model.optimizer._target_', meaning: 'the optimizer class (with `_partial_: true`)' },
    { key: 'model.optimizer.lr', default: D.lr, meaning: 'the learning rate (torch default for Adam/AdamW)' },
    {
      key: 'model.scheduler._target_',
      default: D.scheduler,
      meaning: 'the scheduler class (with `_partial_: true`); null keeps the LR constant',
    },
    { key: 'trainer.max_epochs', default: D.max_epochs, meaning: 'run length in epochs (the scheduler is stepped once per epoch)' },
    { key: 'trainer.max_steps', meaning: 'run length in optimizer steps' },
  ],
};
