import type { FrameworkModule } from '../framework';
import { hydraSweepDialect } from './dialect';

export const hydraSweepFramework: FrameworkModule<'hydra-sweep', never> = {
  id: 'hydra-sweep',
  name: hydraSweepDialect.name,
  kind: 'sweep',
  dialect: hydraSweepDialect,
  schedulers: {},
  defaults: null,
  vocabulary: null,
};
