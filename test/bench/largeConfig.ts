// A large, realistic training config (Hugging Face TrainingArguments plus a long data mixture), and a JSON schema
// that checks the same keys LR Lens checks, as strictly (for yaml-language-server).
import { HUGGING_FACE_SCHEDULERS } from '../../server/src/frameworks/huggingface/schedule';

const HEADER = `# Generated for the large-file benchmark: an SFT run over a long dataset mixture.
model_name_or_path: Qwen/Qwen2.5-7B
output_dir: out/sft-mixture
learning_rate: 2.0e-5
lr_scheduler_type: cosine
warmup_ratio: 0.03
max_steps: 20000
per_device_train_batch_size: 8
gradient_accumulation_steps: 4
optim: adamw_torch
adam_beta1: 0.9
adam_beta2: 0.95
weight_decay: 0.1
bf16: true
datasets:
`;

/** The line the benchmark edits, and its two states (valid, then flagged by both servers). */
export const SCHEDULER_LINE = 4;
export const SCHEDULER_VALUES = ['cosine', 'cosinee'] as const;
export const SCHEDULER_PREFIX = 'lr_scheduler_type: ';

/** A config of about `bytes` characters. */
export function largeConfig(bytes: number): string {
  const parts = [HEADER];
  let length = HEADER.length;
  for (let i = 0; length < bytes; i++) {
    const entry = `  - path: org/dataset_${String(i).padStart(5, '0')}
    split: train
    weight: ${((i % 97) / 1000 + 0.001).toFixed(3)}
    columns: [prompt, completion]
    filters:
      min_length: ${16 + (i % 5)}
      max_length: 4096
    shuffle: ${i % 2 === 0}
`;
    parts.push(entry);
    length += entry.length;
  }
  return parts.join('');
}

/** The TrainingArguments keys LR Lens validates in this file, with the same limits. */
export const TRAINING_ARGS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    learning_rate: { type: 'number', exclusiveMinimum: 0 },
    lr_scheduler_type: { enum: [...HUGGING_FACE_SCHEDULERS] },
    lr_scheduler_kwargs: { type: 'object' },
    warmup_ratio: { type: 'number', minimum: 0, maximum: 1 },
    warmup_steps: { type: 'integer', minimum: 0 },
    max_steps: { type: 'integer' },
    num_train_epochs: { type: 'number', exclusiveMinimum: 0 },
    per_device_train_batch_size: { type: 'integer', minimum: 1 },
    gradient_accumulation_steps: { type: 'integer', minimum: 1 },
    adam_beta1: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
    adam_beta2: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
    weight_decay: { type: 'number', minimum: 0 },
  },
};
