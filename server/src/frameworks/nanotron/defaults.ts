import type { DefaultsTable } from '../framework';
import { NANOTRON_DEFAULTS } from './dialect';

/** The defaults the nanotron dialect applies, and where upstream they were read. */
export const nanotronDefaults: DefaultsTable = {
  values: NANOTRON_DEFAULTS,
  sources: [
    {
      repository: 'huggingface/nanotron',
      path: 'src/nanotron/config/config.py',
      commit: '2411b022a75fb7f7561a1bb4166706da5e1b76de',
      what: 'LRSchedulerArgs',
    },
  ],
};
