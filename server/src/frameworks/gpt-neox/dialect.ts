/**
 * GPT-NeoX training configs: YAML often written JSON-style (quoted keys, braces, trailing commas), keys spelled with
 * `-` or `_` interchangeably (NeoX turns `-` into `_` on load). Several files are merged into one run; LR Lens reads
 * one file, so values another file of the run sets are assumed at their defaults (and said so).
 * Defaults (EleutherAI/gpt-neox megatron/neox_arguments/neox_args.py and arguments.py
 * @ea7aefd8f8e183256992d9fede4d7c71a46d67a5): lr 0.001 when `optimizer.params.lr` is absent, lr_decay_style `linear`,
 * warmup 0.01 (a fraction of the decay horizon), min_lr 0.0, optimizer type adam; Adam betas/eps are torch's.
 */
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree } from '../../dialects/configTree';
import { numberSetting } from '../../dialects/numbers';
import { betasSetting } from '../../dialects/numberLists';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan } from '../../dialects/planBuilder';
import { assumedLength, stepLength } from '../../dialects/trainingLength';
import * as z from '../../plan/zod';
import { gptNeoxDecayEdits } from './decayFix';
import { neoxKeys } from './keys';
import { pyyamlStringFloats } from './pyyamlFloats';
import { GPT_NEOX_DECAY_STYLES, gptNeoxHorizon } from './schedule';

/** The plan's schedule name when OneBitAdam hands the schedule to DeepSpeed (not drawn). */
export const ONE_BIT_SCHEDULE = 'deepspeed (OneBitAdam)';

export const GPT_NEOX_DEFAULTS = {
  lr: 0.001,
  lr_decay_style: 'linear',
  warmup: 0.01,
  min_lr: 0.0,
  optimizer_type: 'adam',
  betas: [0.9, 0.999],
  eps: 1e-8,
} as const;

/** Keys (normalized to `_`) only NeoX (and Megatron-style launchers) write. */
const SIGNATURE = [
  'pipe_parallel_size',
  'model_parallel_size',
  'train_micro_batch_size_per_gpu',
  'lr_decay_style',
  'lr_decay_iters',
  'train_iters',
  'attention_config',
  'data_impl',
  'tokenizer_type',
  'num_layers',
  'hidden_size',
  'num_attention_heads',
  'seq_length',
  'max_position_embeddings',
  'pos_emb',
  'norm',
  'gpt_j_residual',
  'output_layer_parallelism',
  'init_method',
  'output_layer_init_method',
  'checkpoint_activations',
  'partition_activations',
  'synchronize_each_layer',
  'zero_optimization',
  'eval_iters',
  'eval_interval',
  'split',
  'vocab_file',
  'merge_file',
];

/** NeoX keys (normalized) that Megatron-LM's YAML configs do not use. */
const NEOX_ONLY = [
  'pipe_parallel_size',
  'model_parallel_size',
  'attention_config',
  'train_micro_batch_size_per_gpu',
  'zero_optimization',
  'pos_emb',
  'gpt_j_residual',
  'output_layer_parallelism',
];

function recognize(input: DialectInput): Recognition | null {
  const keys = neoxKeys(input);
  const hits = SIGNATURE.filter((k) => keys.has(k));
  const schedule = ['lr_decay_style', 'lr_decay_iters', 'train_iters', 'warmup', 'min_lr'].filter((k) => keys.has(k));
  // A schedule key of NeoX's own (`lr_decay_style`, `train_iters`, `lr_decay_iters`), enough NeoX structure around it,
  // and one key Megatron-LM's own YAML does not write (it spells parallelism `tensor_model_parallel_size`, ...).
  const neoxOnly = NEOX_ONLY.some((k) => keys.has(k)) || new ConfigTree(input.document, { interpolate: false }).has('optimizer.params');
  if (!schedule.some((k) => k !== 'warmup' && k !== 'min_lr') || hits.length < 3 || !neoxOnly) return null;
  return { confidence: Math.min(0.97, 0.5 + 0.06 * hits.length), reason: `GPT-NeoX arguments: ${hits.slice(0, 4).join(', ')}` };
}

const decayStyle = z.string({ error: 'must be a decay style: constant, linear, cosine or exponential' }).check(
  z.refine((v) => GPT_NEOX_DECAY_STYLES.some((s) => s === v.toLowerCase()), {
    error: 'must be one of constant, linear, cosine, exponential',
  }),
);

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const keys = neoxKeys(input);
  const raw = (key: string): string => keys.get(key) ?? key;
  const settings = {
    [raw('lr_decay_style')]: decayStyle,
    [raw('lr_decay_iters')]: z.nullable(
      numberSetting('must be a number of iterations').check(z.int({ error: 'must be a whole number of iterations' })),
    ),
    [raw('lr_decay_fraction')]: z.nullable(numberSetting('must be a number (a fraction of train_iters)')),
    [raw('train_iters')]: z.nullable(
      numberSetting('must be a number of iterations').check(
        z.refine((v) => v > 0 && Number.isInteger(v), { error: 'must be a whole number above 0' }),
      ),
    ),
    [raw('warmup')]: numberSetting('must be a number (a fraction of the decay iterations)').check(
      z.refine((v) => v >= 0, { error: 'must not be negative' }),
    ),
    [raw('min_lr')]: numberSetting('must be a number (the LR floor)'),
    'optimizer.params.lr': numberSetting('must be a number (the learning rate)').check(
      z.refine((v) => v > 0, { error: 'must be greater than 0' }),
    ),
    'optimizer.params.betas': betasSetting(),
    'optimizer.params.eps': numberSetting('must be a number (e.g. 1e-8)'),
    'optimizer.type': z.string({ error: 'must be an optimizer type such as Adam' }),
  };
  const { values, findings } = readSettings(tree.entries(Object.keys(settings)), settings);
  findings.push(
    ...pyyamlStringFloats(input, tree, [raw('min_lr'), raw('warmup'), raw('lr_decay_fraction'), 'optimizer.params.lr'], 'GPT-NeoX'),
  );
  if (findings.length > 0) return { findings };
  const value = (key: string): unknown => values[raw(key)];
  const assumptions: string[] = [];
  const optimizerType = (values['optimizer.type'] as string | undefined) ?? GPT_NEOX_DEFAULTS.optimizer_type;
  // OneBitAdam: NeoX builds no AnnealingLR; DeepSpeed's scheduler block (WarmupDecayLR in NeoX's own setup) decides
  // (EleutherAI/gpt-neox megatron/training.py get_learning_rate_scheduler, arguments.py @ea7aefd8f8e183256992d9fede4d7c71a46d67a5).
  const oneBit = optimizerType.toLowerCase() === 'onebitadam';
  const style = oneBit ? ONE_BIT_SCHEDULE : ((value('lr_decay_style') as string | undefined) ?? GPT_NEOX_DEFAULTS.lr_decay_style);
  if (oneBit)
    assumptions.push('optimizer OneBitAdam: the schedule comes from the DeepSpeed scheduler block, not lr_decay_style; no curve drawn');
  const lr = values['optimizer.params.lr'] as number | undefined;
  if (lr === undefined)
    assumptions.push(
      `lr ${GPT_NEOX_DEFAULTS.lr} (NeoX's default when optimizer.params.lr is absent; another config file of the run may set it)`,
    );
  const trainIters = value('train_iters') as number | null | undefined;
  const length =
    typeof trainIters === 'number'
      ? stepLength(trainIters, `${raw('train_iters')}: ${trainIters}`)
      : assumedLength(
          'train_iters is not in this file (another config file of the run, or train_epochs with the dataset size)',
          assumptions,
        );
  const params: Record<string, unknown> = { train_iters: length.steps };
  for (const key of [
    'lr_decay_iters',
    'lr_decay_fraction',
    'warmup',
    'min_lr',
    'constant_lr',
    'cooldown_iters_perc',
    'constant_iters_perc',
    'timescale',
  ]) {
    const v = value(key) ?? tree.get(raw(key));
    if (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '')) params[key] = v;
  }
  const N = gptNeoxHorizon(params, length.steps);
  const warmupFraction = (value('warmup') as number | undefined) ?? GPT_NEOX_DEFAULTS.warmup;
  const W = warmupFraction * N;
  if (style !== style.toLowerCase())
    assumptions.push(`NeoX accepts \`${style}\` but its scheduler compares lowercase names: the run keeps the LR constant`);
  const betas = (values['optimizer.params.betas'] as [number, number] | undefined) ?? GPT_NEOX_DEFAULTS.betas;
  const plan = buildPlan('gpt-neox', input, tree, {
    optimizer: {
      name: optimizerType,
      beta1: betas[0],
      beta2: betas[1],
      epsilon: (values['optimizer.params.eps'] as number | undefined) ?? GPT_NEOX_DEFAULTS.eps,
    },
    baseLr: lr ?? GPT_NEOX_DEFAULTS.lr,
    schedule: {
      framework: 'gpt-neox',
      name: style,
      params,
      explicit: keys.has('lr_decay_style'),
      constantAfterWarmup:
        !oneBit && (style === 'constant' || !['linear', 'cosine', 'exponential', 'infinite_cosine', 'infinite_inv_sqrt'].includes(style)),
      validationDriven: false,
    },
    warmup: { steps: Math.min(W, 1e15), ratio: length.steps > 0 ? W / length.steps : 0 },
    length,
    sources: {
      baseLr: 'optimizer.params.lr',
      schedule: raw('lr_decay_style'),
      warmup: raw('warmup'),
      length: raw('train_iters'),
      optimizer: 'optimizer.type',
      beta1: 'optimizer.params.betas',
      beta2: 'optimizer.params.betas',
      epsilon: 'optimizer.params.eps',
      horizon: raw('lr_decay_iters'),
    },
    assumptions,
  });
  return { plan, findings };
}

export const gptNeoxDialect: Dialect = {
  id: 'gpt-neox',
  name: 'GPT-NeoX',
  recognize,
  fileNameHints: [/gpt-?neox|pythia/i],
  extract,
  decayEdits: gptNeoxDecayEdits,
};
