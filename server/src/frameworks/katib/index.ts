import type { FrameworkModule } from '../framework';
import { katibDialect } from './dialect';

export const katibFramework: FrameworkModule<'katib', never> = {
  id: 'katib',
  name: katibDialect.name,
  kind: 'sweep',
  dialect: katibDialect,
  schedulers: {},
  defaults: null,
  vocabulary: null,
};
