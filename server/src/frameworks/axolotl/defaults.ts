import type { DefaultsTable } from '../framework';
import { AXOLOTL_DEFAULTS } from './dialect';

/** The defaults the axolotl dialect applies, and where upstream they were read. */
export const axolotlDefaults: DefaultsTable = {
  values: AXOLOTL_DEFAULTS,
  sources: [
    {
      repository: 'axolotl-ai-cloud/axolotl',
      path: 'src/axolotl/utils/schemas/training.py',
      commit: '067b021c',
      what: 'config fields and defaults',
    },
    { repository: 'axolotl-ai-cloud/axolotl', path: 'src/axolotl/core/builders/base.py', commit: '067b021c', what: 'default warmup' },
    {
      repository: 'axolotl-ai-cloud/axolotl',
      path: 'src/axolotl/utils/schedulers.py',
      commit: '067b021c',
      what: 'the cosine schedules with a floor',
    },
  ],
};
