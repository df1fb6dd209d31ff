import type { EditingVocabulary } from '../framework';
import { TORCH_OPTIMIZER_CLASSES } from '../torch/names';
import { LITGPT_DEFAULTS as D } from './dialect';
import { LITGPT_SCHEDULES } from './schedule';

/**
 * Names and keys a litgpt recipe may write (for completion). No key names a scheduler (each command hard-codes its
 * own): `schedulers` lists the two built-in schedules by the command that runs them, for hover.
 */
export const litgptVocabulary: EditingVocabulary = {
  schedulerKeys: [],
  schedulers: LITGPT_SCHEDULES,
  optimizerKeys: ['optimizer', 'optimizer.class_path'],
  optimizers: TORCH_OPTIMIZER_CLASSES,
  keys: [
    { key: 'optimizer.init_args.lr', default: D.lr, meaning: 'the peak learning rate (torch default for `optimizer: AdamW`)' },
    {
      key: 'train.lr_warmup_steps',
      default: D.finetune.lr_warmup_steps,
      meaning: 'warmup in optimizer steps (pretrain default 2000, × gradient accumulation)',
    },
    { key: 'train.lr_warmup_fraction', meaning: 'pretrain only: warmup as a fraction of one epoch (needs lr_warmup_steps: null)' },
    { key: 'train.min_lr', default: D.pretrain.min_lr, meaning: 'pretrain: the cosine floor (finetune ignores it and decays to 0)' },
    { key: 'train.max_tokens', default: D.pretrain.max_tokens, meaning: 'pretrain: the run length in tokens' },
    { key: 'train.epochs', default: D.finetune.epochs, meaning: 'finetune: the run length in epochs' },
    { key: 'train.max_steps', meaning: 'finetune: caps the optimizer steps (pretrain only warns)' },
    { key: 'train.global_batch_size', meaning: 'samples per optimizer step (pretrain 512, finetune 16)' },
    { key: 'train.micro_batch_size', meaning: 'samples per device and micro-batch (pretrain 4, finetune 1)' },
    { key: 'train.max_seq_length', meaning: "tokens per sample (pretrain: default the model's block_size)" },
  ],
};
