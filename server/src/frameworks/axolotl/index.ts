import type { FrameworkModule } from '../framework';
import { huggingFaceFamily } from '../huggingface/family';
import { scheduleInputOf } from '../scheduleInput';
import { axolotlDialect } from './dialect';
import { axolotlSchedule } from './schedule';
import { axolotlDefaults } from './defaults';
import { axolotlVocabulary } from './vocabulary';

export const axolotlFramework: FrameworkModule<'axolotl', 'axolotl'> = {
  id: 'axolotl',
  name: axolotlDialect.name,
  kind: 'training',
  dialect: axolotlDialect,
  schedulers: {
    axolotl: { build: (plan) => axolotlSchedule(scheduleInputOf(plan)), family: huggingFaceFamily, horizon: () => null },
  },
  defaults: axolotlDefaults,
  vocabulary: axolotlVocabulary,
};
