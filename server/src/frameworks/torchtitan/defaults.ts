import type { DefaultsTable } from '../framework';
import { TORCHTITAN_DEFAULTS } from './dialect';

/** The defaults the torchtitan dialect applies, and where upstream they were read. */
export const torchtitanDefaults: DefaultsTable = {
  values: TORCHTITAN_DEFAULTS,
  sources: [
    {
      repository: 'pytorch/torchtitan',
      path: 'torchtitan/config/job_config.py',
      commit: '238fa9953e4aec2a62582121564273d7cbb1e9f1',
      what: 'Optimizer, LRScheduler, Training dataclasses',
    },
    {
      repository: 'pytorch/torchtitan',
      path: 'torchtitan/components/lr_scheduler.py',
      commit: '238fa9953e4aec2a62582121564273d7cbb1e9f1',
      what: 'build_lr_schedulers: total_steps None means training.steps, decay_ratio None means decay after warmup',
    },
  ],
};
