import type { DefaultsTable } from '../framework';
import { DEEPSPEED_DEFAULTS } from './dialect';

/** The defaults the deepspeed dialect applies, and where upstream they were read. */
export const deepspeedDefaults: DefaultsTable = {
  values: DEEPSPEED_DEFAULTS,
  sources: [
    {
      repository: 'deepspeedai/DeepSpeed',
      path: 'deepspeed/runtime/lr_schedules.py',
      commit: 'edaa7221267',
      what: 'the schedulers and their defaults',
    },
    {
      repository: 'deepspeedai/DeepSpeed',
      path: 'deepspeed/runtime/engine.py',
      commit: 'edaa7221267',
      what: 'scheduler construction and stepping',
    },
    {
      repository: 'pytorch/pytorch',
      path: 'torch/optim/lr_scheduler.py',
      commit: '008f727e',
      what: 'torch scheduler classes a config may name',
    },
  ],
};
