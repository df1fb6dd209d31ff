import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { opennmtDialect } from './dialect';
import { openNmtFamily } from './family';
import { openNmtSchedule } from './schedule';
import { openNmtDefaults } from './defaults';
import { openNmtVocabulary } from './vocabulary';

export const openNmtFramework: FrameworkModule<'opennmt', 'opennmt'> = {
  id: 'opennmt',
  name: opennmtDialect.name,
  kind: 'training',
  dialect: opennmtDialect,
  schedulers: {
    opennmt: { build: (plan) => openNmtSchedule(scheduleInputOf(plan)), family: openNmtFamily, horizon: () => null },
  },
  defaults: openNmtDefaults,
  vocabulary: openNmtVocabulary,
};
