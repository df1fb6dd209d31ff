import type { FrameworkModule } from '../framework';
import { sagemakerTuningDialect } from './dialect';

export const sagemakerTuningFramework: FrameworkModule<'sagemaker-tuning', never> = {
  id: 'sagemaker-tuning',
  name: sagemakerTuningDialect.name,
  kind: 'sweep',
  dialect: sagemakerTuningDialect,
  schedulers: {},
  defaults: null,
  vocabulary: null,
};
