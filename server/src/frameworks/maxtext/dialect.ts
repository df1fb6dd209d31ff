/**
 * MaxText configs: flat YAML (`base.yml` and files that override it through `base_config`; values also come from
 * `key=value` on the command line, which LR Lens does not see). Defaults (AI-Hypercomputer/maxtext
 * src/maxtext/configs/base.yml and types.py @e591f30cbbf217ed67ef71263ec0538239f9c3b8): learning_rate 3e-5,
 * lr_schedule_type cosine, learning_rate_final_fraction 0.1 (`cosine_learning_rate_final_fraction` before 2026-01-13),
 * warmup_steps_fraction 0.1, wsd_decay_steps_fraction 0.1, wsd_decay_style linear, learning_rate_schedule_steps -1
 * (= steps), steps 150_001 (-1 = learning_rate_schedule_steps), opt_type adamw, adam_b1 0.9, adam_b2 0.95,
 * adam_eps 1e-8, adam_weight_decay 0.1.
 */
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { numberSetting } from '../../dialects/numbers';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan, optimizerDraft } from '../../dialects/planBuilder';
import type { PlanLength } from '../../dialects/trainingLength';
import * as z from '../../plan/zod';
import { maxtextDecayEdits } from './decayFix';
import { MAXTEXT_SCHEDULE_TYPES } from './schedule';

export const MAXTEXT_DEFAULTS = {
  learning_rate: 3e-5,
  lr_schedule_type: 'cosine',
  learning_rate_final_fraction: 0.1,
  warmup_steps_fraction: 0.1,
  wsd_decay_steps_fraction: 0.1,
  wsd_decay_style: 'linear',
  learning_rate_schedule_steps: -1,
  steps: 150_001,
  opt_type: 'adamw',
  adam_b1: 0.9,
  adam_b2: 0.95,
  adam_eps: 1e-8,
  adam_weight_decay: 0.1,
} as const;

/** Keys only MaxText writes (schedule keys and its parallelism/model vocabulary). */
const SIGNATURE = [
  'base_config',
  'model_name',
  'per_device_batch_size',
  'max_target_length',
  'warmup_steps_fraction',
  'learning_rate_schedule_steps',
  'lr_schedule_type',
  'cosine_learning_rate_final_fraction',
  'learning_rate_final_fraction',
  'wsd_decay_steps_fraction',
  'wsd_decay_style',
  'opt_type',
  'adam_b1',
  'adam_b2',
  'adam_eps',
  'adam_weight_decay',
  'ici_fsdp_parallelism',
  'ici_data_parallelism',
  'ici_tensor_parallelism',
  'dcn_data_parallelism',
  'dcn_fsdp_parallelism',
  'scan_layers',
  'remat_policy',
  'base_emb_dim',
  'base_num_query_heads',
  'base_num_decoder_layers',
  'base_mlp_dim',
  'decoder_block',
  'dataset_type',
  'enable_checkpointing',
  'async_checkpointing',
  'tokenizer_path',
  'load_parameters_path',
  // post-training (configs/post_train/sft*.yml)
  'use_sft',
  'sft_train_on_completion_only',
  'train_data_columns',
];
const SCHEDULE_KEYS = [
  'learning_rate',
  'warmup_steps_fraction',
  'learning_rate_schedule_steps',
  'lr_schedule_type',
  'cosine_learning_rate_final_fraction',
  'learning_rate_final_fraction',
  'steps',
];

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  const hits = SIGNATURE.filter((k) => keys.has(k));
  const schedule = SCHEDULE_KEYS.filter((k) => keys.has(k));
  // Flat keys: a schedule key and MaxText-only vocabulary beside it (a `model_name` override file alone is not a run).
  if (schedule.length === 0 || hits.length < 3) return null;
  return { confidence: Math.min(0.97, 0.5 + 0.05 * hits.length), reason: `MaxText config keys: ${hits.slice(0, 4).join(', ')}` };
}

const fraction = (what: string) =>
  numberSetting(`must be a number (${what})`).check(z.refine((v) => v >= 0 && v <= 1, { error: `must lie in [0, 1] (${what})` }));
const steps = (what: string) =>
  numberSetting(`must be a number of steps (${what})`).check(
    z.refine((v) => Number.isInteger(v) && (v > 0 || v === -1), { error: `must be a whole number above 0, or -1 (${what})` }),
  );
const SETTINGS = {
  learning_rate: numberSetting('must be a number (the learning rate)').check(z.refine((v) => v > 0, { error: 'must be greater than 0' })),
  lr_schedule_type: z
    .string({ error: 'must be cosine or wsd' })
    .check(z.refine((v) => MAXTEXT_SCHEDULE_TYPES.some((t) => t === v), { error: 'must be cosine or wsd' })),
  learning_rate_final_fraction: fraction('the final LR as a fraction of learning_rate'),
  cosine_learning_rate_final_fraction: fraction('the final LR as a fraction of learning_rate'),
  warmup_steps_fraction: fraction('a fraction of learning_rate_schedule_steps'),
  wsd_decay_steps_fraction: fraction('a fraction of learning_rate_schedule_steps'),
  wsd_decay_style: z
    .string({ error: 'must be linear or cosine' })
    .check(z.refine((v) => v === 'linear' || v === 'cosine', { error: 'must be linear or cosine' })),
  learning_rate_schedule_steps: steps('-1 means steps'),
  steps: steps('-1 means learning_rate_schedule_steps'),
  opt_type: z.string({ error: 'must be an optimizer type such as adamw' }),
  adam_b1: numberSetting('must be a number in [0, 1)').check(z.refine((v) => v >= 0 && v < 1, { error: 'must lie in [0, 1)' })),
  adam_b2: numberSetting('must be a number in [0, 1)').check(z.refine((v) => v >= 0 && v < 1, { error: 'must lie in [0, 1)' })),
  adam_eps: numberSetting('must be a number (e.g. 1e-8)'),
  adam_weight_decay: numberSetting('must be a number'),
};

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  if (findings.length > 0) return { findings };
  const num = (key: keyof typeof SETTINGS): number | undefined => (typeof values[key] === 'number' ? (values[key] as number) : undefined);
  const assumptions: string[] = [];
  const base = tree.get('base_config');
  if (typeof base === 'string' && !/(^|[\\/])base\.ya?ml$/.test(base))
    assumptions.push(`keys absent here are read at base.yml's defaults, not from base_config ${base}`);
  const type = (values['lr_schedule_type'] as string | undefined) ?? MAXTEXT_DEFAULTS.lr_schedule_type;
  const written = num('steps');
  const scheduleSteps = num('learning_rate_schedule_steps') ?? MAXTEXT_DEFAULTS.learning_rate_schedule_steps;
  let runSteps = written ?? MAXTEXT_DEFAULTS.steps;
  if (runSteps === -1) runSteps = scheduleSteps;
  let length: PlanLength;
  if (runSteps === -1) {
    assumptions.push('steps and learning_rate_schedule_steps are both -1: 150001 steps assumed');
    length = {
      steps: MAXTEXT_DEFAULTS.steps,
      unit: 'step',
      assumed: true,
      basis: 'assumed: steps and learning_rate_schedule_steps are both -1',
    };
  } else if (written === undefined) {
    assumptions.push(`steps ${MAXTEXT_DEFAULTS.steps} (base.yml's default; runs usually set steps on the command line)`);
    length = { steps: runSteps, unit: 'step', assumed: true, basis: `steps: ${runSteps} (base.yml's default)` };
  } else {
    length = {
      steps: runSteps,
      unit: 'step',
      assumed: false,
      basis: written === -1 ? `steps: -1 = learning_rate_schedule_steps: ${runSteps}` : `steps: ${runSteps}`,
    };
  }
  const params: Record<string, unknown> = {};
  for (const key of [
    'learning_rate_final_fraction',
    'cosine_learning_rate_final_fraction',
    'warmup_steps_fraction',
    'wsd_decay_steps_fraction',
    'wsd_decay_style',
    'learning_rate_schedule_steps',
  ] as const) {
    if (values[key] !== undefined) params[key] = values[key];
  }
  if (params['learning_rate_schedule_steps'] === undefined || params['learning_rate_schedule_steps'] === -1)
    params['learning_rate_schedule_steps'] = length.steps;
  const S = params['learning_rate_schedule_steps'] as number;
  const warmupFraction = num('warmup_steps_fraction') ?? MAXTEXT_DEFAULTS.warmup_steps_fraction;
  const warmupSteps = Math.trunc(S * warmupFraction);
  const finalFraction =
    num('learning_rate_final_fraction') ?? num('cosine_learning_rate_final_fraction') ?? MAXTEXT_DEFAULTS.learning_rate_final_fraction;
  const scheduleSource = [
    'lr_schedule_type',
    'learning_rate_final_fraction',
    'cosine_learning_rate_final_fraction',
    'learning_rate_schedule_steps',
  ].find((k) => tree.has(k));
  const plan = buildPlan('maxtext', input, tree, {
    optimizer: optimizerDraft(
      { name: values['opt_type'] as string | undefined, number: num },
      { beta1: 'adam_b1', beta2: 'adam_b2', epsilon: 'adam_eps', weightDecay: 'adam_weight_decay' },
      {
        name: MAXTEXT_DEFAULTS.opt_type,
        beta1: MAXTEXT_DEFAULTS.adam_b1,
        beta2: MAXTEXT_DEFAULTS.adam_b2,
        epsilon: MAXTEXT_DEFAULTS.adam_eps,
        weightDecay: MAXTEXT_DEFAULTS.adam_weight_decay,
      },
    ),
    baseLr: num('learning_rate') ?? MAXTEXT_DEFAULTS.learning_rate,
    schedule: {
      framework: 'maxtext',
      name: type,
      params,
      explicit: tree.has('lr_schedule_type'),
      constantAfterWarmup: finalFraction === 1,
      validationDriven: false,
    },
    warmup: { steps: warmupSteps, ratio: warmupFraction },
    length,
    sources: {
      baseLr: 'learning_rate',
      schedule: scheduleSource,
      warmup: 'warmup_steps_fraction',
      length: 'steps',
      optimizer: 'opt_type',
      beta1: 'adam_b1',
      beta2: 'adam_b2',
      epsilon: 'adam_eps',
      horizon: 'learning_rate_schedule_steps',
    },
    assumptions,
  });
  return { plan, findings };
}

export const maxtextDialect: Dialect = {
  id: 'maxtext',
  name: 'MaxText',
  recognize,
  fileNameHints: [/maxtext/i],
  extract,
  decayEdits: maxtextDecayEdits,
};
