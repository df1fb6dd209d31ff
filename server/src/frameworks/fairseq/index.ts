import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { fairseqDialect } from './dialect';
import { fairseqFamily } from './family';
import { fairseqHorizon } from './horizon';
import { fairseqSchedule } from './schedule';
import { fairseqDefaults } from './defaults';
import { fairseqVocabulary } from './vocabulary';

export const fairseqFramework: FrameworkModule<'fairseq', 'fairseq'> = {
  id: 'fairseq',
  name: fairseqDialect.name,
  kind: 'training',
  dialect: fairseqDialect,
  schedulers: {
    fairseq: { build: (plan) => fairseqSchedule(scheduleInputOf(plan)), family: fairseqFamily, horizon: fairseqHorizon },
  },
  defaults: fairseqDefaults,
  vocabulary: fairseqVocabulary,
};
