import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { gptNeoxDialect } from './dialect';
import { gptNeoxFamily } from './family';
import { gptNeoxHorizon } from './horizon';
import { gptNeoxSchedule } from './schedule';
import { gptNeoxDefaults } from './defaults';
import { gptNeoxVocabulary } from './vocabulary';

export const gptNeoxFramework: FrameworkModule<'gpt-neox', 'gpt-neox'> = {
  id: 'gpt-neox',
  name: gptNeoxDialect.name,
  kind: 'training',
  dialect: gptNeoxDialect,
  schedulers: {
    'gpt-neox': { build: (plan) => gptNeoxSchedule(scheduleInputOf(plan)), family: (name) => gptNeoxFamily(name), horizon: gptNeoxHorizon },
  },
  defaults: gptNeoxDefaults,
  vocabulary: gptNeoxVocabulary,
};
