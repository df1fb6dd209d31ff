import type { DefaultsTable } from '../framework';
import { FAIRSEQ_DEFAULTS } from './dialect';

/** The defaults the fairseq dialect applies, and where upstream they were read. */
export const fairseqDefaults: DefaultsTable = {
  values: FAIRSEQ_DEFAULTS,
  sources: [
    { repository: 'facebookresearch/fairseq', path: 'fairseq/dataclass/configs.py', commit: '3d262bb2569', what: 'optimization defaults' },
    { repository: 'facebookresearch/fairseq', path: 'fairseq/optim/adam.py', commit: '3d262bb2569', what: 'Adam defaults' },
    { repository: 'facebookresearch/fairseq', path: 'fairseq/optim/lr_scheduler/', commit: '3d262bb2569', what: 'the schedulers' },
  ],
};
