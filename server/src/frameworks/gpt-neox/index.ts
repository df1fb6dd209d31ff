import type { FrameworkModule } from '../framework';
import { scheduleInputOf } from '../scheduleInput';
import { GPT_NEOX_DEFAULTS, gptNeoxDialect } from './dialect';
import { gptNeoxFamily } from './family';
import { gptNeoxHorizon } from './horizon';
import { gptNeoxSchedule } from './schedule';

export const gptNeoxFramework: FrameworkModule<'gpt-neox', 'gpt-neox'> = {
  id: 'gpt-neox',
  name: gptNeoxDialect.name,
  kind: 'training',
  dialect: gptNeoxDialect,
  schedulers: {
    'gpt-neox': { build: (plan) => gptNeoxSchedule(scheduleInputOf(plan)), family: (name) => gptNeoxFamily(name), horizon: gptNeoxHorizon },
  },
  defaults: {
    values: GPT_NEOX_DEFAULTS,
    sources: [
      { repository: 'EleutherAI/gpt-neox', path: 'megatron/neox_arguments/neox_args.py', commit: 'ea7aefd8f8e183256992d9fede4d7c71a46d67a5', what: 'lr_decay_style, warmup, min_lr, lr_decay_iters defaults' },
      { repository: 'EleutherAI/gpt-neox', path: 'megatron/neox_arguments/arguments.py', commit: 'ea7aefd8f8e183256992d9fede4d7c71a46d67a5', what: 'lr 0.001 when optimizer.params.lr is absent' },
    ],
  },
  vocabulary: null,
};
