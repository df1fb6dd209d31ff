import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { torchHorizon } from '../torch/horizon';
import { nemoDialect } from './dialect';
import { nemoFamily } from './family';
import { nemoSchedule } from './schedule';
import { nemoDefaults } from './defaults';
import { nemoVocabulary } from './vocabulary';

export const nemoFramework: FrameworkModule<'nemo', 'nemo'> = {
  id: 'nemo',
  name: nemoDialect.name,
  kind: 'training',
  dialect: nemoDialect,
  schedulers: {
    nemo: { build: (plan) => nemoSchedule(scheduleInputOf(plan)), family: nemoFamily, horizon: torchHorizon },
  },
  defaults: nemoDefaults,
  vocabulary: nemoVocabulary,
};
