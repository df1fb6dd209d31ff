import type { DefaultsTable } from '../framework';
import { LEVANTER_DEFAULTS } from './dialect';

/** The defaults the levanter dialect applies, and where upstream they were read. */
export const levanterDefaults: DefaultsTable = {
  values: LEVANTER_DEFAULTS,
  sources: [
    { repository: 'stanford-crfm/levanter', path: 'src/levanter/optim/config.py', commit: '9263f81e8b453241332c2c0b2d2001bfb2d2241c' },
    {
      repository: 'stanford-crfm/levanter',
      path: 'src/levanter/trainer.py',
      commit: '9263f81e8b453241332c2c0b2d2001bfb2d2241c',
      what: 'num_train_steps',
    },
  ],
};
