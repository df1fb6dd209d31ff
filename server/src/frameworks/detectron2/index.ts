import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { detectron2Dialect } from './dialect';
import { detectron2Family } from './family';
import { detectron2Schedule } from './schedule';
import { detectron2Defaults } from './defaults';
import { detectron2Vocabulary } from './vocabulary';

export const detectron2Framework: FrameworkModule<'detectron2', 'detectron2'> = {
  id: 'detectron2',
  name: detectron2Dialect.name,
  kind: 'training',
  dialect: detectron2Dialect,
  schedulers: {
    detectron2: { build: (plan) => detectron2Schedule(scheduleInputOf(plan)), family: detectron2Family, horizon: () => null },
  },
  defaults: detectron2Defaults,
  vocabulary: detectron2Vocabulary,
};
