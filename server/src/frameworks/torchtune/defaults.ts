import type { DefaultsTable } from '../framework';
import { TORCHTUNE_DEFAULTS } from './dialect';

/** The defaults the torchtune dialect applies, and where upstream they were read. */
export const torchtuneDefaults: DefaultsTable = {
  values: TORCHTUNE_DEFAULTS,
  sources: [
    {
      repository: 'pytorch/torchtune',
      path: 'torchtune/training/lr_schedulers.py',
      commit: '56bfafa9',
      what: 'get_cosine_schedule_with_warmup',
    },
    {
      repository: 'pytorch/torchtune',
      path: 'recipes/full_finetune_single_device.py',
      commit: '01067f61',
      what: '_setup_lr_scheduler and the run length',
    },
    {
      repository: 'pytorch/pytorch',
      path: 'torch/optim/lr_scheduler.py',
      commit: '008f727e',
      what: 'torch scheduler classes a recipe may name',
    },
  ],
};
