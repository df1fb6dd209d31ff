import type { DefaultsTable } from '../framework';
import { OLMO_DEFAULTS } from './dialect';

/** The defaults the olmo dialect applies, and where upstream they were read. */
export const olmoDefaults: DefaultsTable = {
  values: OLMO_DEFAULTS,
  sources: [
    { repository: 'allenai/OLMo', path: 'olmo/config.py', commit: '59a53e3f68e546330ca5a99ec626e58f9ab96494' },
    {
      repository: 'allenai/OLMo',
      path: 'olmo/train.py',
      commit: '59a53e3f68e546330ca5a99ec626e58f9ab96494',
      what: 'stop_at = max_steps + 10',
    },
  ],
};
