import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { OLMO_DEFAULTS, olmoDialect } from './dialect';
import { olmoFamily } from './family';
import { olmoHorizon } from './horizon';
import { olmoSchedule } from './schedule';

export const olmoFramework: FrameworkModule<'olmo', 'olmo'> = {
  id: 'olmo',
  name: olmoDialect.name,
  kind: 'training',
  dialect: olmoDialect,
  schedulers: {
    olmo: { build: (plan) => olmoSchedule(scheduleInputOf(plan)), family: (name) => olmoFamily(name), horizon: olmoHorizon },
  },
  defaults: {
    values: OLMO_DEFAULTS,
    sources: [
      { repository: 'allenai/OLMo', path: 'olmo/config.py', commit: '59a53e3f68e546330ca5a99ec626e58f9ab96494' },
      { repository: 'allenai/OLMo', path: 'olmo/train.py', commit: '59a53e3f68e546330ca5a99ec626e58f9ab96494', what: 'stop_at = max_steps + 10' },
    ],
  },
  vocabulary: null,
};
