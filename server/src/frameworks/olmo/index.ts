import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { olmoDialect } from './dialect';
import { olmoFamily } from './family';
import { olmoHorizon } from './horizon';
import { olmoSchedule } from './schedule';
import { olmoDefaults } from './defaults';
import { olmoVocabulary } from './vocabulary';

export const olmoFramework: FrameworkModule<'olmo', 'olmo'> = {
  id: 'olmo',
  name: olmoDialect.name,
  kind: 'training',
  dialect: olmoDialect,
  schedulers: {
    olmo: { build: (plan) => olmoSchedule(scheduleInputOf(plan)), family: (name) => olmoFamily(name), horizon: olmoHorizon },
  },
  defaults: olmoDefaults,
  vocabulary: olmoVocabulary,
};
