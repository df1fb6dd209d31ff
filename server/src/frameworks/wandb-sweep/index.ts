import type { FrameworkModule } from '../framework';
import { wandbSweepDialect } from './dialect';

export const wandbSweepFramework: FrameworkModule<'wandb-sweep', never> = {
  id: 'wandb-sweep',
  name: wandbSweepDialect.name,
  kind: 'sweep',
  dialect: wandbSweepDialect,
  schedulers: {},
  defaults: null,
  vocabulary: null,
};
