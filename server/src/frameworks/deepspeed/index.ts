import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { torchHorizon } from '../torch/horizon';
import { deepspeedDialect } from './dialect';
import { deepspeedFamily } from './family';
import { deepspeedSchedule } from './schedule';
import { deepspeedDefaults } from './defaults';
import { deepspeedVocabulary } from './vocabulary';

export const deepspeedFramework: FrameworkModule<'deepspeed', 'deepspeed'> = {
  id: 'deepspeed',
  name: deepspeedDialect.name,
  kind: 'training',
  dialect: deepspeedDialect,
  schedulers: {
    deepspeed: { build: (plan) => deepspeedSchedule(scheduleInputOf(plan)), family: deepspeedFamily, horizon: torchHorizon },
  },
  defaults: deepspeedDefaults,
  vocabulary: deepspeedVocabulary,
};
