import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { maxtextDialect } from './dialect';
import { maxtextFamily } from './family';
import { maxtextHorizon } from './horizon';
import { maxtextSchedule } from './schedule';
import { maxtextDefaults } from './defaults';
import { maxtextVocabulary } from './vocabulary';

export const maxtextFramework: FrameworkModule<'maxtext', 'maxtext'> = {
  id: 'maxtext',
  name: maxtextDialect.name,
  kind: 'training',
  dialect: maxtextDialect,
  schedulers: {
    maxtext: { build: (plan) => maxtextSchedule(scheduleInputOf(plan)), family: maxtextFamily, horizon: maxtextHorizon },
  },
  defaults: maxtextDefaults,
  vocabulary: maxtextVocabulary,
};
