import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { LEVANTER_DEFAULTS, levanterDialect } from './dialect';
import { levanterFamily } from './family';
import { levanterSchedule } from './schedule';

export const levanterFramework: FrameworkModule<'levanter', 'levanter'> = {
  id: 'levanter',
  name: levanterDialect.name,
  kind: 'training',
  dialect: levanterDialect,
  schedulers: {
    levanter: { build: (plan) => levanterSchedule(scheduleInputOf(plan)), family: levanterFamily, horizon: () => null },
  },
  defaults: {
    values: LEVANTER_DEFAULTS,
    sources: [
      { repository: 'stanford-crfm/levanter', path: 'src/levanter/optim/config.py', commit: '9263f81e8b453241332c2c0b2d2001bfb2d2241c' },
      { repository: 'stanford-crfm/levanter', path: 'src/levanter/trainer.py', commit: '9263f81e8b453241332c2c0b2d2001bfb2d2241c', what: 'num_train_steps' },
    ],
  },
  vocabulary: null,
};
