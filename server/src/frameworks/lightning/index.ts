import type { FrameworkModule } from '../framework';
import { lightningDialect } from './dialect';
import { lightningDefaults } from './defaults';
import { lightningVocabulary } from './vocabulary';

export const lightningFramework: FrameworkModule<'lightning', never> = {
  id: 'lightning',
  name: lightningDialect.name,
  kind: 'training',
  dialect: lightningDialect,
  schedulers: {},
  defaults: lightningDefaults,
  vocabulary: lightningVocabulary,
};
