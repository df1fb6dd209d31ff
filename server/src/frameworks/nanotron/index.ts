import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { nanotronDialect } from './dialect';
import { nanotronFamily } from './family';
import { nanotronHorizon } from './horizon';
import { nanotronSchedule } from './schedule';

export const nanotronFramework: FrameworkModule<'nanotron', 'nanotron'> = {
  id: 'nanotron',
  name: nanotronDialect.name,
  kind: 'training',
  dialect: nanotronDialect,
  schedulers: {
    nanotron: { build: (plan) => nanotronSchedule(scheduleInputOf(plan)), family: (name) => nanotronFamily(name), horizon: nanotronHorizon },
  },
  defaults: {
    values: { lr_warmup_steps: 0, lr_decay_style: 'linear', lr_decay_steps: 'train_steps - lr_warmup_steps', lr_decay_starting_step: 'lr_warmup_steps', min_decay_lr: 'learning_rate' },
    sources: [
      { repository: 'huggingface/nanotron', path: 'src/nanotron/config/config.py', commit: '2411b022a75fb7f7561a1bb4166706da5e1b76de', what: 'LRSchedulerArgs' },
    ],
  },
  vocabulary: null,
};
