import type { DefaultsTable } from '../framework';
import { GPT_NEOX_DEFAULTS } from './dialect';

/** The defaults the gpt-neox dialect applies, and where upstream they were read. */
export const gptNeoxDefaults: DefaultsTable = {
  values: GPT_NEOX_DEFAULTS,
  sources: [
    {
      repository: 'EleutherAI/gpt-neox',
      path: 'megatron/neox_arguments/neox_args.py',
      commit: 'ea7aefd8f8e183256992d9fede4d7c71a46d67a5',
      what: 'lr_decay_style, warmup, min_lr, lr_decay_iters defaults',
    },
    {
      repository: 'EleutherAI/gpt-neox',
      path: 'megatron/neox_arguments/arguments.py',
      commit: 'ea7aefd8f8e183256992d9fede4d7c71a46d67a5',
      what: 'lr 0.001 when optimizer.params.lr is absent',
    },
  ],
};
