/**
 * Axolotl configs (axolotl-ai-cloud/axolotl `examples/**`), which run on the Hugging Face Trainer.
 * Defaults (src/axolotl/utils/schemas/training.py, core/builders/base.py `_configure_warmup_and_logging`,
 * commit 067b021c): `lr_scheduler` cosine; warmup `warmup_steps`, else floor(`warmup_ratio` × T), else
 * min(floor(0.03 × T), 100) (and 1 becomes 2); `num_epochs` 1; `max_steps` wins when set; optimizer and Adam
 * hyperparameters fall through to TrainingArguments (adamw_torch, 0.9, 0.999, 1e-8). The field is
 * `adam_epsilon`; `adam_eps` is not read by axolotl.
 */
import * as z from '../../plan/zod';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { integerSetting, numberSetting } from '../../dialects/numbers';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan } from '../../dialects/planBuilder';
import { coerceParams } from '../../dialects/torchDefaults';
import { epochLength, stepLength, type PlanLength } from '../../dialects/trainingLength';
import { axolotlDecayEdits } from './decayFix';
import { numberValue } from '../torch/torchParams';

export const AXOLOTL_DEFAULTS = {
  lr_scheduler: 'cosine',
  num_epochs: 1,
  optimizer: 'adamw_torch',
  adam_beta1: 0.9,
  adam_beta2: 0.999,
  adam_epsilon: 1e-8,
  weight_decay: 0,
  /** Default warmup: min(floor(ratio × T), cap). */
  default_warmup_ratio: 0.03,
  default_warmup_cap: 100,
} as const;

const SIGNATURE = [
  'base_model',
  'micro_batch_size',
  'num_epochs',
  'sequence_len',
  'sample_packing',
  'adapter',
  'lora_r',
  'datasets',
  'pad_to_sequence_len',
  'flash_attention',
  'lr_scheduler',
  'special_tokens',
  'val_set_size',
];

const positiveNumber = (what: string) =>
  numberSetting(`must be a number (${what})`).check(z.refine((v) => v > 0, { error: `must be greater than 0 (${what})` }));
const unitInterval = (what: string) =>
  numberSetting(`must be a number (${what})`).check(z.refine((v) => v >= 0 && v < 1, { error: `must lie in [0, 1) (${what})` }));

const SETTINGS = {
  learning_rate: positiveNumber('the peak learning rate, e.g. 2e-5'),
  lr_scheduler: z.nullable(z.string({ error: 'must be a scheduler name such as cosine' })),
  lr_scheduler_kwargs: z.nullable(z.record(z.string(), z.unknown(), { error: 'must be a mapping of scheduler arguments' })),
  optimizer: z.nullable(z.string({ error: 'must be an optimizer name such as adamw_torch_fused' })),
  adam_beta1: unitInterval('Adam beta_1, e.g. 0.9'),
  adam_beta2: unitInterval('Adam beta_2, e.g. 0.999'),
  adam_epsilon: positiveNumber('e.g. 1e-8'),
  weight_decay: z.nullable(numberSetting('must be a number (e.g. 0.01)')),
  warmup_steps: z.nullable(
    integerSetting("must be a whole number of steps (axolotl's schema types it as int; use warmup_ratio for a fraction)").check(
      z.refine((v) => v >= 0, { error: 'must not be negative' }),
    ),
  ),
  warmup_ratio: z.nullable(
    numberSetting('must be a number (a fraction of training)').check(z.refine((v) => v >= 0 && v <= 1, { error: 'must lie in [0, 1]' })),
  ),
  num_epochs: z.nullable(positiveNumber('a number of epochs')),
  max_steps: z.nullable(integerSetting('must be a whole number of steps')),
  cosine_min_lr_ratio: z.nullable(numberSetting('must be a number (a fraction of the learning rate)')),
  cosine_constant_lr_ratio: z.nullable(numberSetting('must be a number (a fraction of training)')),
};

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  const hits = SIGNATURE.filter((k) => keys.has(k));
  const anchored = keys.has('base_model') || keys.has('micro_batch_size');
  if (!anchored || hits.length < 3 || keys.has('trainer') || keys.has('_component_')) return null;
  return { confidence: Math.min(0.95, 0.45 + 0.08 * hits.length), reason: `axolotl keys: ${hits.slice(0, 4).join(', ')}` };
}

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  // A value the framework would reject: report it, and judge no plan built on defaults standing in for it.
  if (findings.length > 0) return { findings };
  const num = (key: string): number | undefined => numberValue(values, key);
  const baseLr = num('learning_rate');
  if (baseLr === undefined) return { findings };
  const assumptions: string[] = [];

  const maxSteps = num('max_steps');
  const epochs = num('num_epochs') ?? AXOLOTL_DEFAULTS.num_epochs;
  let length: PlanLength;
  if (maxSteps !== undefined && maxSteps > 0) length = stepLength(maxSteps, `max_steps: ${maxSteps}`);
  else length = epochLength(input, epochs, `num_epochs: ${epochs}${tree.has('num_epochs') ? '' : ' (default)'}`, assumptions);
  const T = length.steps;

  let warmup: { steps: number; ratio?: number };
  let warmupPath: string | undefined;
  const warmupSteps = num('warmup_steps');
  const warmupRatio = num('warmup_ratio');
  if (warmupSteps !== undefined) {
    warmup = { steps: warmupSteps };
    warmupPath = 'warmup_steps';
  } else if (warmupRatio !== undefined) {
    warmup = { steps: Math.floor(warmupRatio * T), ratio: warmupRatio };
    warmupPath = 'warmup_ratio';
  } else {
    warmup = { steps: Math.min(Math.floor(AXOLOTL_DEFAULTS.default_warmup_ratio * T), AXOLOTL_DEFAULTS.default_warmup_cap) };
    assumptions.push('axolotl warms up for min(3% of training, 100 steps) when neither warmup_steps nor warmup_ratio is set');
  }
  if (warmup.steps === 1) warmup = { ...warmup, steps: 2 };

  const name = (values.lr_scheduler as string | null | undefined) ?? AXOLOTL_DEFAULTS.lr_scheduler;
  const params: Record<string, unknown> = coerceParams(values.lr_scheduler_kwargs ?? {});
  for (const key of ['cosine_min_lr_ratio', 'cosine_constant_lr_ratio', 'lr_quadratic_warmup', 'lr_div_factor']) {
    const value = tree.get(key);
    if (value !== undefined && value !== null) params[key] = typeof values[key] === 'number' ? values[key] : value;
  }
  const minRatio = num('cosine_min_lr_ratio');
  // cosine with a floor of 1 × the LR never decays (e.g. cosine_min_lr_ratio: 1.0).
  const flatCosine = name === 'cosine' && minRatio !== undefined && minRatio >= 1 && tree.get('lr_quadratic_warmup') !== true;
  if (flatCosine) assumptions.push('`cosine_min_lr_ratio: 1` makes the cosine floor equal to the learning rate');

  const optimizerName = (values.optimizer as string | null | undefined) ?? AXOLOTL_DEFAULTS.optimizer;
  const plan = buildPlan('axolotl', input, tree, {
    optimizer: {
      name: optimizerName,
      beta1: num('adam_beta1') ?? AXOLOTL_DEFAULTS.adam_beta1,
      beta2: num('adam_beta2') ?? AXOLOTL_DEFAULTS.adam_beta2,
      epsilon: num('adam_epsilon') ?? AXOLOTL_DEFAULTS.adam_epsilon,
      weightDecay: num('weight_decay') ?? AXOLOTL_DEFAULTS.weight_decay,
    },
    baseLr,
    schedule: {
      framework: 'axolotl',
      name,
      params,
      explicit: values.lr_scheduler !== undefined && values.lr_scheduler !== null,
      constantAfterWarmup: name === 'constant' || name === 'constant_with_warmup' || flatCosine,
      validationDriven: name === 'reduce_lr_on_plateau',
    },
    warmup: name === 'constant' ? { steps: 0 } : warmup,
    length,
    sources: {
      baseLr: 'learning_rate',
      schedule: values.lr_scheduler ? 'lr_scheduler' : flatCosine ? 'cosine_min_lr_ratio' : undefined,
      scheduleParams: 'lr_scheduler_kwargs',
      warmup: warmupPath,
      length: maxSteps !== undefined && maxSteps > 0 ? 'max_steps' : 'num_epochs',
      optimizer: 'optimizer',
      beta1: 'adam_beta1',
      beta2: 'adam_beta2',
      epsilon: 'adam_epsilon',
    },
    assumptions,
  });
  return { plan, findings };
}

export const axolotlDialect: Dialect = {
  id: 'axolotl',
  name: 'Axolotl',
  recognize,
  fileNameHints: [/axolotl/i],
  extract,
  decayEdits: axolotlDecayEdits,
};
