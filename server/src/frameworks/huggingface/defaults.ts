import type { DefaultsTable } from '../framework';
import { HUGGING_FACE_DEFAULTS } from './dialect';

/** The defaults the huggingface dialect applies, and where upstream they were read. */
export const huggingFaceDefaults: DefaultsTable = {
  values: HUGGING_FACE_DEFAULTS,
  sources: [
    {
      repository: 'huggingface/transformers',
      path: 'src/transformers/training_args.py',
      commit: '00349ae8',
      what: 'TrainingArguments defaults',
    },
    {
      repository: 'huggingface/transformers',
      path: 'src/transformers/optimization.py',
      commit: '005edacb',
      what: 'get_scheduler and the scheduler functions',
    },
    {
      repository: 'huggingface/transformers',
      path: 'src/transformers/trainer.py',
      commit: '000945a9',
      what: 'how the Trainer derives the run length and warmup',
    },
  ],
};
