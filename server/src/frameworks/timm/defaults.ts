import type { DefaultsTable } from '../framework';
import { TIMM_DEFAULTS } from './dialect';

/** The defaults the timm dialect applies, and where upstream they were read. */
export const timmDefaults: DefaultsTable = {
  values: TIMM_DEFAULTS,
  sources: [
    { repository: 'huggingface/pytorch-image-models', path: 'train.py', commit: 'aa4b5850', what: 'argparse defaults' },
    {
      repository: 'huggingface/pytorch-image-models',
      path: 'timm/scheduler/scheduler_factory.py',
      commit: 'aa4b5850',
      what: 'scheduler arguments',
    },
    {
      repository: 'huggingface/pytorch-image-models',
      path: 'timm/scheduler/scheduler.py',
      commit: 'aa4b5850',
      what: 'warmup and stepping',
    },
  ],
};
