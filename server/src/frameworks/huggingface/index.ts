import type { FrameworkModule } from '../framework';
import { huggingFaceDialect } from './dialect';
import { huggingFaceFamily } from './family';
import { huggingFaceSchedule, isHuggingFaceScheduler } from './schedule';
import { huggingFaceDefaults } from './defaults';
import { huggingFaceVocabulary } from './vocabulary';

export const huggingFaceFramework: FrameworkModule<'huggingface', 'huggingface'> = {
  id: 'huggingface',
  name: huggingFaceDialect.name,
  kind: 'training',
  dialect: huggingFaceDialect,
  schedulers: {
    huggingface: {
      build: (plan) =>
        isHuggingFaceScheduler(plan.schedule.name)
          ? huggingFaceSchedule({
              name: plan.schedule.name,
              baseLr: plan.baseLr,
              warmupSteps: plan.warmup.steps,
              totalSteps: plan.length.steps,
              kwargs: plan.schedule.params,
            })
          : null,
      family: huggingFaceFamily,
      horizon: () => null,
    },
  },
  defaults: huggingFaceDefaults,
  vocabulary: huggingFaceVocabulary,
};
