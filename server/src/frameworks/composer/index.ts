import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { composerDialect } from './dialect';
import { composerFamily } from './family';
import { composerSchedule } from './schedule';

export const composerFramework: FrameworkModule<'composer', 'composer'> = {
  id: 'composer',
  name: composerDialect.name,
  kind: 'training',
  dialect: composerDialect,
  schedulers: {
    composer: { build: (plan) => composerSchedule(scheduleInputOf(plan)), family: composerFamily, horizon: () => null },
  },
  defaults: null,
  vocabulary: null,
};
