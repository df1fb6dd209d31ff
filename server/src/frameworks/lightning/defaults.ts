import type { DefaultsTable } from '../framework';
import { LIGHTNING_DEFAULTS } from './dialect';

/** The defaults the lightning dialect applies, and where upstream they were read. */
export const lightningDefaults: DefaultsTable = {
  values: LIGHTNING_DEFAULTS,
  sources: [
    {
      repository: 'Lightning-AI/pytorch-lightning',
      path: 'src/lightning/pytorch/cli.py',
      what: 'LightningCLI optimizer and lr_scheduler arguments, stepped per epoch',
    },
    {
      repository: 'Lightning-AI/pytorch-lightning',
      path: 'src/lightning/pytorch/trainer/trainer.py',
      commit: '000699b5',
      what: 'max_epochs default and estimated_stepping_batches',
    },
    { repository: 'pytorch/pytorch', path: 'torch/optim/lr_scheduler.py', commit: '008f727e', what: 'the scheduler classes' },
  ],
};
