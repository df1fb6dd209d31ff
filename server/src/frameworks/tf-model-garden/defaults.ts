import type { DefaultsTable } from '../framework';
import { TF_MODEL_GARDEN_DEFAULTS } from './dialect';

/** The defaults the tf-model-garden dialect applies, and where upstream they were read. */
export const tfModelGardenDefaults: DefaultsTable = {
  values: TF_MODEL_GARDEN_DEFAULTS,
  sources: [
    {
      repository: 'tensorflow/models',
      path: 'official/modeling/optimization/lr_schedule.py',
      commit: '00b830c7ca64',
      what: 'the schedules',
    },
    {
      repository: 'tensorflow/models',
      path: 'official/modeling/optimization/configs/learning_rate_config.py',
      commit: '00d83f37e2de',
      what: 'learning-rate config defaults',
    },
    {
      repository: 'tensorflow/models',
      path: 'official/modeling/optimization/configs/optimizer_config.py',
      commit: '00d83f37e2de',
      what: 'optimizer config defaults',
    },
  ],
};
