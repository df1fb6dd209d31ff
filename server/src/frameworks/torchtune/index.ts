import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { torchHorizon } from '../torch/horizon';
import { torchtuneDialect } from './dialect';
import { torchtuneFamily } from './family';
import { torchtuneSchedule } from './schedule';
import { torchtuneDefaults } from './defaults';
import { torchtuneVocabulary } from './vocabulary';

export const torchtuneFramework: FrameworkModule<'torchtune', 'torchtune'> = {
  id: 'torchtune',
  name: torchtuneDialect.name,
  kind: 'training',
  dialect: torchtuneDialect,
  schedulers: {
    torchtune: { build: (plan) => torchtuneSchedule(scheduleInputOf(plan)), family: torchtuneFamily, horizon: torchHorizon },
  },
  defaults: torchtuneDefaults,
  vocabulary: torchtuneVocabulary,
};
