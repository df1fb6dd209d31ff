import type { DefaultsTable } from '../framework';
import { DETECTRON2_DEFAULTS } from './dialect';

/** The defaults the detectron2 dialect applies, and where upstream they were read. */
export const detectron2Defaults: DefaultsTable = {
  values: DETECTRON2_DEFAULTS,
  sources: [
    { repository: 'facebookresearch/detectron2', path: 'detectron2/config/defaults.py', commit: '02b5c4e295e9', what: 'SOLVER defaults' },
    {
      repository: 'facebookresearch/detectron2',
      path: 'detectron2/solver/build.py',
      commit: '02b5c4e295e9',
      what: 'build_lr_scheduler, build_optimizer',
    },
    {
      repository: 'facebookresearch/fvcore',
      path: 'fvcore/common/param_scheduler.py',
      commit: '3378afe0d71d',
      what: 'the parameter schedulers',
    },
  ],
};
