import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { nanotronDialect } from './dialect';
import { nanotronFamily } from './family';
import { nanotronHorizon } from './horizon';
import { nanotronSchedule } from './schedule';
import { nanotronDefaults } from './defaults';
import { nanotronVocabulary } from './vocabulary';

export const nanotronFramework: FrameworkModule<'nanotron', 'nanotron'> = {
  id: 'nanotron',
  name: nanotronDialect.name,
  kind: 'training',
  dialect: nanotronDialect,
  schedulers: {
    nanotron: {
      build: (plan) => nanotronSchedule(scheduleInputOf(plan)),
      family: (name) => nanotronFamily(name),
      horizon: nanotronHorizon,
    },
  },
  defaults: nanotronDefaults,
  vocabulary: nanotronVocabulary,
};
