import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { MAXTEXT_DEFAULTS, maxtextDialect } from './dialect';
import { maxtextFamily } from './family';
import { maxtextHorizon } from './horizon';
import { maxtextSchedule } from './schedule';

export const maxtextFramework: FrameworkModule<'maxtext', 'maxtext'> = {
  id: 'maxtext',
  name: maxtextDialect.name,
  kind: 'training',
  dialect: maxtextDialect,
  schedulers: {
    maxtext: { build: (plan) => maxtextSchedule(scheduleInputOf(plan)), family: maxtextFamily, horizon: maxtextHorizon },
  },
  defaults: {
    values: MAXTEXT_DEFAULTS,
    sources: [
      { repository: 'AI-Hypercomputer/maxtext', path: 'src/maxtext/configs/base.yml', commit: 'e591f30cbbf217ed67ef71263ec0538239f9c3b8' },
      { repository: 'AI-Hypercomputer/maxtext', path: 'src/maxtext/configs/types.py', commit: 'e591f30cbbf217ed67ef71263ec0538239f9c3b8' },
    ],
  },
  vocabulary: null,
};
