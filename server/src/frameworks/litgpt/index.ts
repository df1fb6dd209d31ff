import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { litgptDefaults } from './defaults';
import { litgptDialect } from './dialect';
import { litgptFamily } from './family';
import { litgptSchedule } from './schedule';
import { litgptVocabulary } from './vocabulary';

export const litgptFramework: FrameworkModule<'litgpt', 'litgpt'> = {
  id: 'litgpt',
  name: litgptDialect.name,
  kind: 'training',
  dialect: litgptDialect,
  schedulers: {
    litgpt: { build: (plan) => litgptSchedule(scheduleInputOf(plan)), family: litgptFamily, horizon: () => null },
  },
  defaults: litgptDefaults,
  vocabulary: litgptVocabulary,
};
