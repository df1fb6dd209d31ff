import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { levanterDialect } from './dialect';
import { levanterFamily } from './family';
import { levanterSchedule } from './schedule';
import { levanterDefaults } from './defaults';
import { levanterVocabulary } from './vocabulary';

export const levanterFramework: FrameworkModule<'levanter', 'levanter'> = {
  id: 'levanter',
  name: levanterDialect.name,
  kind: 'training',
  dialect: levanterDialect,
  schedulers: {
    levanter: { build: (plan) => levanterSchedule(scheduleInputOf(plan)), family: levanterFamily, horizon: () => null },
  },
  defaults: levanterDefaults,
  vocabulary: levanterVocabulary,
};
