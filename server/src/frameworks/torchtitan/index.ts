import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { torchtitanDefaults } from './defaults';
import { torchtitanDialect } from './dialect';
import { torchtitanFamily } from './family';
import { torchtitanHorizon } from './horizon';
import { torchtitanSchedule } from './schedule';
import { torchtitanVocabulary } from './vocabulary';

export const torchtitanFramework: FrameworkModule<'torchtitan', 'torchtitan'> = {
  id: 'torchtitan',
  name: torchtitanDialect.name,
  kind: 'training',
  dialect: torchtitanDialect,
  schedulers: {
    torchtitan: {
      build: (plan) => torchtitanSchedule(scheduleInputOf(plan)),
      family: torchtitanFamily,
      horizon: torchtitanHorizon,
    },
  },
  defaults: torchtitanDefaults,
  vocabulary: torchtitanVocabulary,
};
