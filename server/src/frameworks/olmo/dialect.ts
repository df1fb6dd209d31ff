/**
 * OLMo training YAML (loaded with OmegaConf): `optimizer: {name, learning_rate, betas, eps}`, `scheduler: {name,
 * t_warmup, alpha_f, t_max, units, warmup_min_lr}`, `max_duration` (steps, `…T` tokens, `…ep` epochs), `stop_at`.
 * Defaults (allenai/OLMo olmo/config.py @59a53e3f68e546330ca5a99ec626e58f9ab96494): optimizer lionw, learning_rate
 * 1.0e-4, betas (0.9, 0.95), eps 1e-5, weight_decay 0.01; scheduler cosine_with_warmup, t_warmup 100, alpha_f 0.1,
 * units steps; max_duration 10000; global_train_batch_size 512; model.max_sequence_length 1024; stop_at none, which
 * the trainer turns into max_steps + 10 (olmo/train.py `fit`).
 */
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { numberSetting } from '../../dialects/numbers';
import { betasSetting } from '../../dialects/numberLists';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan } from '../../dialects/planBuilder';
import { assumedLength, stepLength, type PlanLength } from '../../dialects/trainingLength';
import * as z from '../../plan/zod';
import { olmoDecayEdits } from './decayFix';
import { olmoDuration } from './duration';
import { OLMO_SCHEDULERS } from './schedule';

export const OLMO_DEFAULTS = {
  optimizer: 'lionw',
  learning_rate: 1.0e-4,
  betas: [0.9, 0.95],
  eps: 1e-5,
  weight_decay: 0.01,
  scheduler: 'cosine_with_warmup',
  t_warmup: 100,
  alpha_f: 0.1,
  units: 'steps',
  max_duration: 10000,
  global_train_batch_size: 512,
  max_sequence_length: 1024,
} as const;

const TOP_SIGNATURE = [
  'run_name',
  'max_duration',
  'global_train_batch_size',
  'device_train_microbatch_size',
  'stop_at',
  'save_interval_unsharded',
  'fsdp',
  'save_folder',
  'save_num_checkpoints_to_keep',
  'precision',
  'max_grad_norm_ratio',
  'data',
  'tokenizer',
  'eval_interval',
  'evaluators',
  'speed_monitor',
];
const MODEL_SIGNATURE = ['d_model', 'n_heads', 'n_layers', 'mlp_ratio', 'block_type', 'max_sequence_length', 'init_fn', 'activation_type'];

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  if (!keys.has('scheduler') && !keys.has('optimizer')) return null;
  const tree = new ConfigTree(input.document, { interpolate: false });
  // Composer / llm-foundry files share OLMo's outline (max_duration, device_train_microbatch_size, a `scheduler:` with
  // t_warmup and alpha_f) but name the LR `lr`, build data with `train_loader` and use Composer's own optimizers.
  if (tree.has('optimizer.lr') || keys.has('train_loader') || String(tree.get('optimizer.name') ?? '').startsWith('decoupled_'))
    return null;
  const hits = TOP_SIGNATURE.filter((k) => keys.has(k));
  const model = MODEL_SIGNATURE.filter((k) => tree.has(`model.${k}`));
  const schedule = ['optimizer.learning_rate', 'scheduler.t_warmup', 'scheduler.alpha_f', 'scheduler.name'].filter((k) => tree.has(k));
  if (schedule.length === 0 || hits.length + model.length < 3 || !(keys.has('max_duration') || model.length >= 2)) return null;
  const count = hits.length + model.length + schedule.length;
  return {
    confidence: Math.min(0.97, 0.45 + 0.05 * count),
    reason: `OLMo trainer config: ${[...hits, ...model.map((k) => `model.${k}`)].slice(0, 4).join(', ')}`,
  };
}

const SETTINGS = {
  'optimizer.name': z.string({ error: 'must be an optimizer name such as adamw' }),
  'optimizer.learning_rate': numberSetting('must be a number (the learning rate)').check(
    z.refine((v) => v > 0, { error: 'must be greater than 0' }),
  ),
  'optimizer.betas': betasSetting(),
  'optimizer.eps': numberSetting('must be a number (e.g. 1e-8)'),
  'optimizer.weight_decay': numberSetting('must be a number'),
  'scheduler.name': z
    .string({ error: 'must be a scheduler name such as cosine_with_warmup' })
    .check(z.refine((v) => OLMO_SCHEDULERS.some((s) => s === v), { error: `must be one of ${OLMO_SCHEDULERS.join(', ')}` })),
  'scheduler.units': z
    .string({ error: 'must be steps or tokens' })
    .check(z.refine((v) => v === 'steps' || v === 'tokens', { error: 'must be steps or tokens' })),
  'scheduler.t_warmup': numberSetting('must be a number of steps (or tokens with units: tokens)').check(
    z.refine((v) => v >= 0, { error: 'must not be negative' }),
  ),
  'scheduler.t_max': z.nullable(numberSetting('must be a number of steps (or tokens with units: tokens)')),
  'scheduler.alpha_f': numberSetting('must be a number (the final LR as a fraction of learning_rate)'),
  'scheduler.warmup_min_lr': z.nullable(numberSetting('must be a number (the LR warmup starts from)')),
  global_train_batch_size: numberSetting('must be a whole number').check(
    z.refine((v) => Number.isInteger(v) && v > 0, { error: 'must be a whole number above 0' }),
  ),
  'model.max_sequence_length': numberSetting('must be a whole number').check(
    z.refine((v) => Number.isInteger(v) && v > 0, { error: 'must be a whole number above 0' }),
  ),
  stop_at: z.nullable(
    numberSetting('must be a step number').check(
      z.refine((v) => Number.isInteger(v) && v > 0, { error: 'must be a whole number above 0' }),
    ),
  ),
};

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: true });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  if (findings.length > 0) return { findings };
  const assumptions: string[] = [];
  const num = (key: keyof typeof SETTINGS): number | undefined => (typeof values[key] === 'number' ? (values[key] as number) : undefined);
  const name = (values['scheduler.name'] as string | undefined) ?? OLMO_DEFAULTS.scheduler;
  const units = (values['scheduler.units'] as string | undefined) ?? OLMO_DEFAULTS.units;
  const batch = num('global_train_batch_size') ?? OLMO_DEFAULTS.global_train_batch_size;
  const sequence = num('model.max_sequence_length') ?? OLMO_DEFAULTS.max_sequence_length;
  const tokensPerStep = batch * sequence;
  const durationValue = tree.has('max_duration') ? tree.get('max_duration') : OLMO_DEFAULTS.max_duration;
  const duration = olmoDuration(durationValue, tokensPerStep);
  const stopAt = num('stop_at');
  let length: PlanLength;
  if (duration) {
    const total = stopAt ?? duration.steps + 10;
    const perStep = duration.tokens !== undefined ? ` (${duration.steps} steps of ${batch} × ${sequence} tokens)` : '';
    const durationText = `max_duration: ${String(durationValue)}${perStep}`;
    length = stepLength(total, stopAt !== undefined ? `stop_at: ${stopAt}` : `${durationText} + 10 (stop_at defaults to max_steps + 10)`);
  } else if (stopAt !== undefined) {
    length = stepLength(stopAt, `stop_at: ${stopAt}`);
  } else {
    length = assumedLength(`max_duration ${JSON.stringify(durationValue)} needs the dataset size`, assumptions);
  }
  const maxSteps = duration?.steps ?? length.steps;
  const params: Record<string, unknown> = { max_steps: maxSteps, units, tokens_per_step: tokensPerStep };
  if (duration?.tokens !== undefined) params['max_tokens'] = duration.tokens;
  for (const key of ['t_warmup', 't_max', 'alpha_f', 'warmup_min_lr'] as const) {
    const v = values[`scheduler.${key}`];
    if (typeof v === 'number') params[key] = v;
  }
  const tWarmup = Math.trunc((params['t_warmup'] as number | undefined) ?? OLMO_DEFAULTS.t_warmup);
  const warmupSteps = name === 'constant' ? 0 : units === 'tokens' ? Math.ceil(tWarmup / tokensPerStep) : tWarmup;
  if (tree.has('load_path') && tree.get('load_path') !== null) {
    assumptions.push(
      'a run from scratch: load_path restores the trainer step (and, with reset_optimizer_state, a bolted-on warmup) ' +
        'that this curve does not show',
    );
  }
  const betas = (values['optimizer.betas'] as [number, number] | undefined) ?? OLMO_DEFAULTS.betas;
  const plan = buildPlan('olmo', input, tree, {
    optimizer: {
      name: (values['optimizer.name'] as string | undefined) ?? OLMO_DEFAULTS.optimizer,
      beta1: betas[0],
      beta2: betas[1],
      epsilon: num('optimizer.eps') ?? OLMO_DEFAULTS.eps,
      weightDecay: num('optimizer.weight_decay') ?? OLMO_DEFAULTS.weight_decay,
    },
    baseLr: num('optimizer.learning_rate') ?? OLMO_DEFAULTS.learning_rate,
    schedule: {
      framework: 'olmo',
      name,
      params,
      explicit: tree.has('scheduler.name'),
      constantAfterWarmup:
        name === 'constant' ||
        name === 'constant_with_warmup' ||
        (['cosine_with_warmup', 'linear_with_warmup', 'cosine_linear_envelope'].includes(name) && (params['alpha_f'] ?? 0.1) === 1),
      validationDriven: false,
    },
    warmup: { steps: warmupSteps },
    length,
    sources: {
      baseLr: 'optimizer.learning_rate',
      schedule: 'scheduler.name',
      warmup: 'scheduler.t_warmup',
      length: stopAt !== undefined ? 'stop_at' : 'max_duration',
      optimizer: 'optimizer.name',
      beta1: 'optimizer.betas',
      beta2: 'optimizer.betas',
      epsilon: 'optimizer.eps',
    },
    assumptions,
  });
  return { plan, findings };
}

export const olmoDialect: Dialect = {
  id: 'olmo',
  name: 'OLMo',
  recognize,
  fileNameHints: [/olmo/i],
  extract,
  decayEdits: olmoDecayEdits,
};
