import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { ultralyticsDialect } from './dialect';
import { ultralyticsFamily } from './family';
import { ultralyticsSchedule } from './schedule';
import { ultralyticsDefaults } from './defaults';
import { ultralyticsVocabulary } from './vocabulary';

export const ultralyticsFramework: FrameworkModule<'ultralytics', 'ultralytics'> = {
  id: 'ultralytics',
  name: ultralyticsDialect.name,
  kind: 'training',
  dialect: ultralyticsDialect,
  schedulers: {
    ultralytics: { build: (plan) => ultralyticsSchedule(scheduleInputOf(plan)), family: ultralyticsFamily, horizon: () => null },
  },
  defaults: ultralyticsDefaults,
  vocabulary: ultralyticsVocabulary,
};
