import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { composerDialect } from './dialect';
import { composerFamily } from './family';
import { composerSchedule } from './schedule';
import { composerDefaults } from './defaults';
import { composerVocabulary } from './vocabulary';

export const composerFramework: FrameworkModule<'composer', 'composer'> = {
  id: 'composer',
  name: composerDialect.name,
  kind: 'training',
  dialect: composerDialect,
  schedulers: {
    composer: { build: (plan) => composerSchedule(scheduleInputOf(plan)), family: composerFamily, horizon: () => null },
  },
  defaults: composerDefaults,
  vocabulary: composerVocabulary,
};
