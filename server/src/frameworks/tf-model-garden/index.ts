import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { tfModelGardenDialect } from './dialect';
import { tfModelGardenFamily } from './family';
import { tfModelGardenHorizon } from './horizon';
import { tfModelGardenSchedule } from './schedule';
import { tfModelGardenDefaults } from './defaults';
import { tfModelGardenVocabulary } from './vocabulary';

export const tfModelGardenFramework: FrameworkModule<'tf-model-garden', 'tf-model-garden'> = {
  id: 'tf-model-garden',
  name: tfModelGardenDialect.name,
  kind: 'training',
  dialect: tfModelGardenDialect,
  schedulers: {
    'tf-model-garden': {
      build: (plan) => tfModelGardenSchedule(scheduleInputOf(plan)),
      family: tfModelGardenFamily,
      horizon: tfModelGardenHorizon,
    },
  },
  defaults: tfModelGardenDefaults,
  vocabulary: tfModelGardenVocabulary,
};
