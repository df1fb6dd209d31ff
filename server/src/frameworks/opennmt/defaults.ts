import type { DefaultsTable } from '../framework';
import { OPENNMT_DEFAULTS } from './dialect';

/** The defaults the opennmt dialect applies, and where upstream they were read. */
export const openNmtDefaults: DefaultsTable = {
  values: OPENNMT_DEFAULTS,
  sources: [
    { repository: 'OpenNMT/OpenNMT-py', path: 'onmt/opts.py', commit: '97111d97551c', what: 'option defaults' },
    {
      repository: 'OpenNMT/OpenNMT-py',
      path: 'onmt/utils/optimizers.py',
      commit: '97111d97551c',
      what: 'make_learning_rate_decay_fn and the decay functions',
    },
  ],
};
