import type { FrameworkModule } from '../framework';
import { lightningDialect } from './dialect';

export const lightningFramework: FrameworkModule<'lightning', never> = {
  id: 'lightning',
  name: lightningDialect.name,
  kind: 'training',
  dialect: lightningDialect,
  schedulers: {},
  defaults: null,
  vocabulary: null,
};
