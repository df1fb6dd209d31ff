// One small config per framework and sweep format in the registry, for the editing-assistance protocol tests.
// In each text, `‸` marks a value position (a scheduler or optimizer name) and `¦` a key position; both markers are
// removed before the text is sent. Typed as a record over FrameworkId, so a new framework without a case does not compile.
import type { FrameworkId } from '../../server/src/frameworks/registry';

export interface EditingCase {
  fileName: string;
  text: string;
  /** Completion at `‸`: a label that must be offered (decaying schedules first); sweeps have no value position. */
  valueItem?: string;
  /** Completion at `¦`: a key that must be offered. */
  keyItem?: string;
  /** The key item's detail (sweeps: whether the budget supports the parameter). */
  keyDetail?: RegExp;
  /** A rule the file gets once the key item is inserted (sweeps: tuning beta_2 on 12 trials is adam-overtuned). */
  ruleAfterKey?: string;
  /** Inlay hint labels expected, in order (an empty list: the format has no derived figure in this file). */
  hints: readonly RegExp[];
  /** Go to definition from inside this interpolation (its first occurrence) to the line that starts with `to`. */
  definition?: { from: string; to: string };
  /** Why a format has no completion yet. */
  noCompletion?: string;
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const SWEEP_BETA2 = { keyItem: 'adam_beta2', keyDetail: /^Adam beta_2 · not with 12 trials/, ruleAfterKey: 'adam-overtuned' } as const;

export const EDITING_CASES: Readonly<Record<FrameworkId, EditingCase>> = {
  huggingface: {
    fileName: 'sft.yaml',
    text: lines('model_name_or_path: org/model', 'output_dir: out', 'learning_rate: 2.0e-5', 'lr_scheduler_type: ‸linear', 'warmup_ratio: 0.03', 'max_steps: 2000', '¦'),
    valueItem: 'cosine_with_min_lr',
    keyItem: 'adam_beta2',
    hints: [/^= 60 steps$/],
  },
  axolotl: {
    fileName: 'axolotl.yaml',
    text: lines('base_model: org/model', 'datasets:', '  - path: data', '    type: alpaca', 'micro_batch_size: 2', 'sequence_len: 2048', 'learning_rate: 2e-5', 'lr_scheduler: ‸cosine', 'warmup_ratio: 0.1', 'max_steps: 1000', '¦'),
    valueItem: 'cosine',
    keyItem: 'cosine_min_lr_ratio',
    hints: [/^= 100 steps$/],
  },
  torchtune: {
    fileName: 'torchtune.yaml',
    text: lines(
      'model:',
      '  _component_: torchtune.models.llama3_2.lora_llama3_2_1b',
      'optimizer:',
      '  _component_: torch.optim.AdamW',
      '  lr: 3e-4',
      '  ¦',
      'lr_scheduler:',
      '  _component_: ‸torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup',
      '  num_warmup_steps: 100',
      'epochs: 1',
      'max_steps_per_epoch: 1000',
      'loss:',
      '  _component_: torchtune.modules.loss.CEWithChunkedOutputLoss',
      'output_dir: /tmp/lora',
      'metric_logger:',
      '  _component_: torchtune.training.metric_logging.DiskLogger',
      '  log_dir: ${output_dir}/logs',
    ),
    valueItem: 'torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup',
    keyItem: 'weight_decay',
    hints: [],
    definition: { from: '${output_dir}', to: 'output_dir: /tmp/lora' },
  },
  lightning: {
    fileName: 'lightning.yaml',
    text: lines(
      'trainer:',
      '  max_epochs: 90',
      'model:',
      '  class_path: my.Model',
      'optimizer:',
      '  class_path: torch.optim.SGD',
      '  init_args:',
      '    lr: 0.1',
      '    ¦',
      'lr_scheduler:',
      '  class_path: ‸torch.optim.lr_scheduler.MultiStepLR',
      '  init_args:',
      '    milestones: [30, 60]',
    ),
    valueItem: 'torch.optim.lr_scheduler.CosineAnnealingLR',
    keyItem: 'weight_decay',
    hints: [/^→ 0\.01 → 0\.001$/],
  },
  nemo: {
    fileName: 'nemo.yaml',
    text: lines(
      'name: run',
      'model:',
      '  train_ds: {}',
      '  optim:',
      '    name: adamw',
      '    lr: 1e-3',
      '    sched:',
      '      name: ‸CosineAnnealing',
      '      warmup_ratio: 0.05',
      '      ¦',
      'trainer:',
      '  max_steps: 10000',
      'exp_manager:',
      '  exp_dir: ${name}_runs',
    ),
    valueItem: 'CosineAnnealing',
    keyItem: 'min_lr',
    hints: [/^= 500 steps$/],
    definition: { from: '${name}', to: 'name: run' },
  },
  ultralytics: {
    fileName: 'ultralytics.yaml',
    text: lines('task: detect', 'epochs: 50', 'optimizer: ‸AdamW', 'lrf: 0.01', 'lr0: 0.01', 'momentum: 0.937', 'weight_decay: 0.0005', 'warmup_epochs: 3.0', 'box: 7.0', '¦'),
    valueItem: 'auto',
    keyItem: 'cos_lr',
    hints: [],
  },
  detectron2: {
    fileName: 'configs/COCO/faster.yaml',
    text: lines('_BASE_: "../Base-RCNN-FPN.yaml"', 'MODEL:', '  MASK_ON: False', 'SOLVER:', '  LR_SCHEDULER_NAME: ‸WarmupMultiStepLR', '  BASE_LR: 0.02', '  STEPS: (120000, 160000)', '  MAX_ITER: 180000', '  ¦'),
    valueItem: 'WarmupCosineLR',
    keyItem: 'WARMUP_ITERS',
    hints: [],
  },
  composer: {
    fileName: 'mpt.yaml',
    text: lines(
      'variables:',
      '  lr: 5.0e-4',
      'model: {name: mpt_causal_lm}',
      'train_loader: {name: text}',
      'global_train_batch_size: 256',
      'max_duration: 3600ba',
      'scheduler:',
      '  name: ‸cosine_with_warmup',
      '  t_warmup: 80ba',
      '  ¦',
      'optimizer:',
      '  name: decoupled_adamw',
      '  lr: ${variables.lr}',
    ),
    valueItem: 'linear_decay_with_warmup',
    keyItem: 'alpha_f',
    hints: [],
    definition: { from: '${variables.lr}', to: '  lr: 5.0e-4' },
  },
  fairseq: {
    fileName: 'fairseq.yaml',
    text: lines(
      '# @package _group_',
      'common: {fp16: true}',
      'task: {_name: audio_pretraining}',
      'dataset: {max_tokens: 1400000}',
      'criterion: {_name: wav2vec}',
      'model: {_name: wav2vec2}',
      'optimization:',
      '  max_update: 300000',
      '  lr: [0.0004]',
      'optimizer:',
      '  _name: adam',
      'lr_scheduler:',
      '  _name: ‸polynomial_decay',
      '  warmup_updates: 24000',
      '  ¦',
    ),
    valueItem: 'cosine',
    keyItem: 'warmup_init_lr',
    hints: [],
  },
  timm: {
    fileName: 'timm.yaml',
    text: lines('epochs: 300', 'warmup_epochs: 15', 'opt: adamw', 'lr: 0.004', 'sched: ‸cosine', 'weight_decay: 4e-2', '¦'),
    valueItem: 'cosine',
    keyItem: 'min_lr',
    hints: [],
  },
  deepspeed: {
    fileName: 'ds_config.json',
    text: lines(
      '{',
      '  "train_batch_size": 32,',
      '  "optimizer": {"type": "AdamW", "params": {"lr": 0.001}},',
      '  "scheduler": {',
      '    "type": "‸WarmupDecayLR",',
      '    "params": {"warmup_max_lr": 0.001, "warmup_num_steps": 100, "total_num_steps": 1000}',
      '  }',
      '}',
    ),
    valueItem: 'WarmupCosineLR',
    hints: [],
  },
  opennmt: {
    fileName: 'opennmt.yaml',
    text: lines('save_model: run/model', 'src_vocab: run/vocab.src', 'tgt_vocab: run/vocab.tgt', 'batch_type: tokens', 'valid_steps: 1000', 'train_steps: 150000', 'warmup_steps: 6000', 'optim: adam', 'decay_method: ‸noam', 'learning_rate: 2.0', '¦'),
    valueItem: 'noam',
    keyItem: 'adam_beta2',
    hints: [],
  },
  'tf-model-garden': {
    fileName: 'tfmg.yaml',
    text: lines(
      'runtime: {distribution_strategy: mirrored}',
      'task: {model: {}}',
      'trainer:',
      '  train_steps: 36000',
      '  steps_per_loop: 1000',
      '  optimizer_config:',
      '    optimizer:',
      '      type: adamw',
      '      adamw:',
      '        ¦',
      '    learning_rate:',
      '      type: ‸stepwise',
      '      stepwise:',
      '        boundaries: [10000, 20000, 30000]',
      '        values: [0.4, 0.04, 0.004, 0.0004]',
    ),
    valueItem: 'cosine',
    keyItem: 'beta_2',
    hints: [/^→ 0\.04 → 0\.004 → 4e-4$/],
  },
  'gpt-neox': {
    fileName: 'neox.yml',
    text: lines('"pipe-parallel-size": 1', '"model-parallel-size": 1', '"num-layers": 24', '"train-iters": 20000', '"lr-decay-iters": 18000', '"lr_decay_style": "‸linear"', '"optimizer": {"type": "Adam", "params": {"lr": 0.0006}}', '¦'),
    valueItem: 'cosine',
    keyItem: 'warmup',
    hints: [],
  },
  olmo: {
    fileName: 'olmo.yaml',
    text: lines(
      'run_name: test-run',
      'model:',
      '  d_model: 2048',
      'global_train_batch_size: 512',
      'device_train_microbatch_size: 8',
      'optimizer:',
      '  name: adamw',
      '  learning_rate: 4.0e-4',
      'scheduler:',
      '  name: ‸cosine_with_warmup',
      '  t_warmup: 2000',
      '  ¦',
      'max_duration: 739_328',
    ),
    valueItem: 'linear_with_warmup',
    keyItem: 'alpha_f',
    hints: [],
  },
  nanotron: {
    fileName: 'nanotron.yaml',
    text: lines(
      'general: {project: test, run: tiny}',
      'parallelism: {dp: 2, pp: 1, tp: 1}',
      'optimizer:',
      '  zero_stage: 0',
      '  weight_decay: 0.01',
      '  learning_rate_scheduler:',
      '    learning_rate: 0.0003',
      '    lr_warmup_steps: 20',
      '    lr_warmup_style: linear',
      '    lr_decay_style: ‸cosine',
      '    ¦',
      '  optimizer_factory: {name: adamW, adam_beta1: 0.9, adam_beta2: 0.95}',
      'tokens: {train_steps: 1000, sequence_length: 256, micro_batch_size: 2, batch_accumulation_per_replica: 1}',
    ),
    valueItem: 'linear',
    keyItem: 'min_decay_lr',
    hints: [],
  },
  levanter: {
    fileName: 'levanter.yaml',
    text: lines(
      'data: !include data/openwebtext_source.yaml',
      'model: {type: gpt2, hidden_dim: 768}',
      'trainer:',
      '  train_batch_size: 256',
      '  num_train_steps: 20000',
      'optimizer:',
      '  learning_rate: 1E-3',
      '  warmup: 0.01',
      '  lr_schedule: ‸cosine',
      '  ¦',
    ),
    valueItem: 'linear',
    keyItem: 'min_lr_ratio',
    hints: [/^= 200 steps$/],
  },
  maxtext: {
    fileName: 'maxtext.yml',
    text: lines('base_config: "base.yml"', 'model_name: "llama2-7b"', 'per_device_batch_size: 4', 'max_target_length: 2048', 'steps: 40000', 'learning_rate: 2.e-4', 'warmup_steps_fraction: 0.02', 'opt_type: ‸adamw', '¦'),
    valueItem: 'adamw',
    keyItem: 'learning_rate_final_fraction',
    hints: [/^= 800 steps$/],
  },
  torchtitan: {
    fileName: 'train_configs/llama3_debug.toml',
    text: lines(
      '[job]',
      'dump_folder = "./outputs"',
      '',
      '[model]',
      'name = "llama3"',
      'flavor = "debugmodel"',
      '',
      '[optimizer]',
      'name = "AdamW"',
      'lr = 3e-4',
      '',
      '[lr_scheduler]',
      'warmup_steps = 100',
      'decay_type = "‸cosine"',
      '¦',
      '[training]',
      'steps = 1000',
    ),
    valueItem: 'linear',
    keyItem: 'min_lr_factor',
    hints: [],
  },
  litgpt: {
    fileName: 'config_hub/finetune/lora.yaml',
    text: lines(
      'model_name: m',
      'train:',
      '  global_batch_size: 16',
      '  max_tokens: 100000000',
      '  max_seq_length: 512',
      '  min_lr: 0.0003',
      '  ¦',
      'optimizer:',
      '  class_path: ‸torch.optim.AdamW',
      '  init_args:',
      '    lr: 0.0003',
    ),
    valueItem: 'torch.optim.SGD',
    keyItem: 'micro_batch_size',
    hints: [],
  },
  hydra: {
    fileName: 'configs/model/net.yaml',
    text: lines(
      '_target_: src.models.Net',
      'optimizer:',
      '  _target_: ‸torch.optim.AdamW',
      '  _partial_: true',
      '  lr: 0.0003',
      'scheduler:',
      '  _target_: torch.optim.lr_scheduler.CosineAnnealingLR',
      '  _partial_: true',
      '  T_max: 100',
    ),
    valueItem: 'torch.optim.SGD',
    hints: [],
  },
  'wandb-sweep': {
    fileName: 'sweep.yaml',
    text: lines('method: random', 'run_cap: 12', 'parameters:', '  lr: {min: 0.0001, max: 0.01}', '  ¦'),
    hints: [/^tunes /],
    ...SWEEP_BETA2,
  },
  'hydra-sweep': {
    fileName: 'conf/sweep.yaml',
    text: lines('defaults:', '  - override hydra/sweeper: optuna', 'hydra:', '  sweeper:', '    n_trials: 12', '    params:', '      optimizer.lr: tag(log, interval(1e-5, 1e-2))', '      ¦'),
    hints: [/^tunes /],
    ...SWEEP_BETA2,
  },
  katib: {
    fileName: 'experiment.yaml',
    text: lines('apiVersion: kubeflow.org/v1beta1', 'kind: Experiment', 'spec:', '  maxTrialCount: 12', '  parameters:', '    - name: adam_lr', '      parameterType: double', '      feasibleSpace: {min: "0.0001", max: "0.01"}', '    ¦'),
    hints: [/^tunes /],
    ...SWEEP_BETA2,
  },
  'sagemaker-tuning': {
    fileName: 'tuning.json',
    text: `${JSON.stringify(
      {
        HyperParameterTuningJobName: 'study',
        HyperParameterTuningJobConfig: {
          Strategy: 'Bayesian',
          HyperParameterTuningJobObjective: { Type: 'Minimize', MetricName: 'validation:loss' },
          ResourceLimits: { MaxNumberOfTrainingJobs: 12, MaxParallelTrainingJobs: 2 },
          ParameterRanges: { ContinuousParameterRanges: [{ Name: 'learning_rate', MinValue: '1e-5', MaxValue: '1e-2', ScalingType: 'Logarithmic' }] },
        },
        TrainingJobDefinition: { StaticHyperParameters: { optimizer: 'adam', epochs: '10' } },
      },
      null,
      2,
    )}\n`,
    hints: [/^tunes /],
    noCompletion: 'SageMaker tuning jobs are JSON: completion inserts YAML lines and offers nothing in JSON files',
  },
};

/** A case's text without markers, and the offsets of `‸` (value) and `¦` (key). */
export function withoutMarkers(text: string): { text: string; value?: number; key?: number } {
  let clean = '';
  let value: number | undefined;
  let key: number | undefined;
  for (const ch of text) {
    if (ch === '‸') value = clean.length;
    else if (ch === '¦') key = clean.length;
    else clean += ch;
  }
  return { text: clean, ...(value === undefined ? {} : { value }), ...(key === undefined ? {} : { key }) };
}
