import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { timmDialect } from './dialect';
import { timmFamily } from './family';
import { timmSchedule } from './schedule';
import { timmDefaults } from './defaults';
import { timmVocabulary } from './vocabulary';

export const timmFramework: FrameworkModule<'timm', 'timm'> = {
  id: 'timm',
  name: timmDialect.name,
  kind: 'training',
  dialect: timmDialect,
  schedulers: {
    timm: { build: (plan) => timmSchedule(scheduleInputOf(plan)), family: timmFamily, horizon: () => null },
  },
  defaults: timmDefaults,
  vocabulary: timmVocabulary,
};
