import type { DefaultsTable } from '../framework';
import { ULTRALYTICS_DEFAULTS } from './dialect';

/** The defaults the ultralytics dialect applies, and where upstream they were read. */
export const ultralyticsDefaults: DefaultsTable = {
  values: ULTRALYTICS_DEFAULTS,
  sources: [
    {
      repository: 'ultralytics/ultralytics',
      path: 'ultralytics/cfg/default.yaml',
      commit: '00033e8f',
      what: 'training arguments and their defaults',
    },
    {
      repository: 'ultralytics/ultralytics',
      path: 'ultralytics/engine/trainer.py',
      commit: '00016300',
      what: '_setup_scheduler, warmup and build_optimizer',
    },
  ],
};
