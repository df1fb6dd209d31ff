import type { FrameworkModule } from '../framework';
import { hydraDefaults } from './defaults';
import { hydraDialect } from './dialect';
import { hydraVocabulary } from './vocabulary';

/** Plain Hydra `_target_` projects: plans use the shared `pytorch` and the `huggingface` scheduler vocabularies. */
export const hydraFramework: FrameworkModule<'hydra', never> = {
  id: 'hydra',
  name: hydraDialect.name,
  kind: 'training',
  dialect: hydraDialect,
  schedulers: {},
  defaults: hydraDefaults,
  vocabulary: hydraVocabulary,
};
