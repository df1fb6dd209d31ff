/**
 * OpenNMT-py training configs (`config/*.yml`, `docs/source/examples/**`): flat keys `optim`,
 * `learning_rate`, `decay_method`, `warmup_steps`, `train_steps`, `save_model`, vocab and model sizes.
 * Defaults (OpenNMT/OpenNMT-py onmt/opts.py, onmt/utils/optimizers.py `make_learning_rate_decay_fn`;
 * commit 97111d97551c): optim sgd, learning_rate 1.0, decay_method none, warmup_steps 4000, start_decay_steps
 * 50000, decay_steps 10000, learning_rate_decay 0.5 (so a config without decay settings still halves the LR
 * from step 50000 on), train_steps 100000, adam betas (0.9, 0.999), eps 1e-8. With noam/noamwd/rsqrt
 * `learning_rate` is a scale factor.
 */
import * as z from '../../plan/zod';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { topLevelKeys, ConfigTree } from '../../dialects/configTree';
import { integerSetting, numberSetting } from '../../dialects/numbers';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan } from '../../dialects/planBuilder';
import { stepLength } from '../../dialects/trainingLength';

export const OPENNMT_DEFAULTS = {
  optim: 'sgd',
  learning_rate: 1.0,
  decay_method: 'none',
  warmup_steps: 4000,
  start_decay_steps: 50000,
  decay_steps: 10000,
  learning_rate_decay: 0.5,
  train_steps: 100000,
  adam_beta1: 0.9,
  adam_beta2: 0.999,
  adam_eps: 1e-8,
} as const;

const SIGNATURE = [
  'save_model',
  'train_steps',
  'valid_steps',
  'encoder_type',
  'decoder_type',
  'batch_type',
  'accum_count',
  'decay_method',
  'src_vocab',
  'tgt_vocab',
  'world_size',
  'gpu_ranks',
  'word_vec_size',
  'enc_layers',
  'dec_layers',
  'share_vocab',
  'save_checkpoint_steps',
  'src_seq_length',
  'model_task',
  'copy_attn',
];

/** Decay methods that read `warmup_steps`. */
const WARMUP_METHODS = ['noam', 'noamwd', 'rsqrt'];

const SETTINGS = {
  optim: z.string({ error: 'must be an optimizer name such as adam' }),
  learning_rate: numberSetting('must be a number (the learning rate, or the scale factor for noam)').check(
    z.refine((v) => v > 0, { error: 'must be greater than 0' }),
  ),
  decay_method: z.string({ error: 'must be one of noam, noamwd, rsqrt, none' }),
  warmup_steps: integerSetting('must be a whole number of steps').check(z.refine((v) => v >= 0, { error: 'must not be negative' })),
  train_steps: integerSetting('must be a whole number of steps').check(z.refine((v) => v > 0, { error: 'must be greater than 0' })),
  start_decay_steps: integerSetting('must be a whole number of steps'),
  decay_steps: integerSetting('must be a whole number of steps'),
  learning_rate_decay: numberSetting('must be a number'),
  adam_beta1: numberSetting('must be a number in [0, 1)').check(z.refine((v) => v >= 0 && v < 1, { error: 'must lie in [0, 1)' })),
  adam_beta2: numberSetting('must be a number in [0, 1)').check(z.refine((v) => v >= 0 && v < 1, { error: 'must lie in [0, 1)' })),
  hidden_size: integerSetting('must be a whole number'),
  rnn_size: integerSetting('must be a whole number'),
  weight_decay: numberSetting('must be a number'),
};

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  const hits = SIGNATURE.filter((k) => keys.has(k));
  if (!(keys.has('save_model') || keys.has('train_steps') || keys.has('src_vocab')) || hits.length < 3) return null;
  return { confidence: Math.min(0.95, 0.45 + 0.07 * hits.length), reason: `OpenNMT-py options: ${hits.slice(0, 4).join(', ')}` };
}

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  // A value the framework would reject: report it, and judge no plan built on defaults standing in for it.
  if (findings.length > 0) return { findings };
  const get = <K extends keyof typeof OPENNMT_DEFAULTS>(key: K) =>
    (values[key] as (typeof OPENNMT_DEFAULTS)[K] | undefined) ?? OPENNMT_DEFAULTS[key];
  if (tree.has('learning_rate') && values.learning_rate === undefined) return { findings };
  const assumptions: string[] = [];
  const method = String(get('decay_method'));
  const trainSteps = get('train_steps') as number;
  const startDecay = get('start_decay_steps') as number;
  const rate = get('learning_rate_decay') as number;
  const warmupSteps = get('warmup_steps') as number;
  const params: Record<string, unknown> = {
    decay_method: method,
    warmup_steps: warmupSteps,
    learning_rate_decay: rate,
    start_decay_steps: startDecay,
    decay_steps: get('decay_steps'),
    train_steps: trainSteps,
  };
  const modelSize = (values.hidden_size as number | undefined) ?? (values.rnn_size as number | undefined);
  if (modelSize !== undefined) params.hidden_size = modelSize;
  const usesWarmup = WARMUP_METHODS.includes(method);
  if (!usesWarmup && tree.has('warmup_steps'))
    assumptions.push(`\`warmup_steps\` is read only by noam, noamwd and rsqrt, not by decay_method ${method}`);
  // decay_method none: exponential step decay from start_decay_steps, which may lie beyond the run.
  const exponentialInRun = !usesWarmup && rate !== 1 && startDecay < trainSteps;
  const constant = !usesWarmup && !exponentialInRun;
  const optim = get('optim') as string;
  const plan = buildPlan('opennmt', input, tree, {
    optimizer: {
      name: optim,
      beta1: get('adam_beta1') as number,
      beta2: get('adam_beta2') as number,
      epsilon: OPENNMT_DEFAULTS.adam_eps,
      weightDecay: (values.weight_decay as number | undefined) ?? 0,
    },
    baseLr: get('learning_rate') as number,
    schedule: {
      framework: 'opennmt',
      name: method,
      params,
      explicit: tree.has('decay_method') || tree.has('start_decay_steps'),
      constantAfterWarmup: constant,
      validationDriven: false,
    },
    warmup: { steps: method === 'noam' || method === 'noamwd' ? Math.min(warmupSteps, trainSteps) : 0 },
    length: stepLength(trainSteps, `train_steps: ${trainSteps}${tree.has('train_steps') ? '' : ' (default)'}`),
    sources: {
      baseLr: 'learning_rate',
      schedule: tree.has('decay_method') ? 'decay_method' : undefined,
      warmup: 'warmup_steps',
      length: 'train_steps',
      optimizer: 'optim',
      beta1: 'adam_beta1',
      beta2: 'adam_beta2',
    },
    assumptions,
  });
  return { plan, findings };
}

export const opennmtDialect: Dialect = {
  id: 'opennmt',
  name: 'OpenNMT-py',
  recognize,
  fileNameHints: [/onmt|opennmt/i],
  extract,
  // OpenNMT-py's decay_method has no cosine or linear decay (noam, noamwd, rsqrt, none/exponential): no fix to offer.
  decayEdits: () => [],
};
