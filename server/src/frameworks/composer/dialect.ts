/**
 * MosaicML Composer configs as written for llm-foundry (`scripts/train/yamls/**`): `optimizer: {name, lr}`,
 * `scheduler: {name, t_warmup, alpha_f}`, `max_duration` as a time string (`4800ba`, `1ep`, `0.02dur`).
 * Defaults (mosaicml/composer composer/optim/scheduler.py, decoupled_weight_decay.py; llm-foundry
 * llmfoundry/optim/__init__.py; composer at commit 6405188805a0): DecoupledAdamW lr 1e-3, betas (0.9, 0.95), eps 1e-8,
 * weight_decay 1e-5; no scheduler → constant LR; `t_warmup` 0; `alpha_f` 0. Composer integers for
 * `max_duration` are epochs.
 */
import * as z from '../../plan/zod';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { numberSetting } from '../../dialects/numbers';
import { betasSetting } from '../../dialects/numberLists';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan, type PlanDraft } from '../../dialects/planBuilder';
import { coerceParams, NO_SCHEDULER } from '../../dialects/torchDefaults';
import { assumedLength, epochLength, stepLength, type PlanLength } from '../../dialects/trainingLength';
import { composerDecayEdits } from './decayFix';
import { composerWarmup } from './warmup';
import { numberValue } from '../torch/torchParams';
import { unnamedScheduler } from './unnamedScheduler';
import { mcliParameters } from './mcliRun';
import { hparamsView } from './hparamsFormat';
import { extractHparams } from './hparamsPlan';
import { hparamsDecayEdits } from './hparamsDecayFix';

export const COMPOSER_DEFAULTS = {
  optimizer: 'decoupled_adamw',
  lr: 1e-3,
  betas: [0.9, 0.95],
  eps: 1e-8,
  weight_decay: 1e-5,
  t_warmup: '0ba',
  alpha_f: 0,
} as const;

/** Schedulers that hold the LR after warmup. */
const CONSTANT = ['constant_with_warmup', 'constant', 'ConstantScheduler', 'ConstantWithWarmupScheduler'];

export interface ComposerTime {
  value: number;
  unit: 'ba' | 'ep' | 'sp' | 'tok' | 'dur';
}

const UNIT_NAMES: Record<string, ComposerTime['unit']> = {
  ba: 'ba',
  batch: 'ba',
  ep: 'ep',
  epoch: 'ep',
  sp: 'sp',
  sample: 'sp',
  tok: 'tok',
  token: 'tok',
  dur: 'dur',
};

const MAX_TIME_LENGTH = 64;

/** A Composer time string (`100ba`, `1ep`, `0.02dur`, `50e9tok`); a bare integer is epochs. */
export function parseComposerTime(value: unknown): ComposerTime | null {
  if (typeof value === 'number') return Number.isFinite(value) ? { value, unit: 'ep' } : null;
  // Time strings are short; the cap keeps the regular expression below from backtracking over a 100,000-digit value.
  if (typeof value !== 'string' || value.length > MAX_TIME_LENGTH) return null;
  const match = /^\s*(\d[\d_]*\.?\d*(?:e\d+)?|\.\d+)\s*([a-zA-Z]+)\s*$/.exec(value);
  if (!match) return null;
  const [, amount = '', unitName = ''] = match;
  const unit = UNIT_NAMES[unitName.toLowerCase()];
  const n = Number(amount.replace(/_/g, ''));
  return unit && Number.isFinite(n) ? { value: n, unit } : null;
}

const SETTINGS = {
  'optimizer.name': z.string({ error: 'must be an optimizer name such as decoupled_adamw' }),
  'optimizer.lr': numberSetting('must be a number (the learning rate)').check(z.refine((v) => v > 0, { error: 'must be greater than 0' })),
  'optimizer.betas': betasSetting(),
  'optimizer.eps': numberSetting('must be a number (e.g. 1e-8)').check(z.refine((v) => v > 0, { error: 'must be greater than 0' })),
  'optimizer.weight_decay': numberSetting('must be a number'),
  'scheduler.name': z.string({ error: 'must be a scheduler name such as cosine_with_warmup' }),
  'scheduler.alpha_f': numberSetting('must be a number (the final LR as a fraction of the peak)'),
  'scheduler.t_warmup': z.union([z.string(), z.number()], { error: 'must be a time string such as 100ba or 0.02dur' }),
  max_duration: z.union([z.string(), z.number()], { error: 'must be a time string such as 4800ba or 1ep' }),
  global_train_batch_size: numberSetting('must be a whole number of samples'),
};

function recognize(whole: DialectInput): Recognition | null {
  const input = mcliParameters(whole);
  const hparams = hparamsView(input);
  if (hparams && parseComposerTime(new ConfigTree(input.document, { interpolate: false }).get('max_duration')) !== null) {
    const reason = `Composer hparams YAML: max_duration with ${hparams.marks.slice(0, 3).join(', ')}`;
    return { confidence: Math.min(0.95, 0.5 + 0.1 * hparams.marks.length), reason };
  }
  const keys = topLevelKeys(input.document);
  const tree = new ConfigTree(input.document, { interpolate: false });
  if (tree.has('optimizer.learning_rate')) return null; // OLMo's own trainer, not Composer
  const marks = [
    keys.has('variables') && 'variables',
    keys.has('train_loader') && 'train_loader',
    String(tree.get('optimizer.name') ?? '').startsWith('decoupled_') && 'decoupled optimizer',
    ['mpt_causal_lm', 'hf_causal_lm'].includes(String(tree.get('model.name'))) && 'model.name',
    keys.has('device_train_microbatch_size') && 'device_train_microbatch_size',
    keys.has('fsdp_config') && 'fsdp_config',
  ].filter((m): m is string => typeof m === 'string');
  const timed = parseComposerTime(tree.get('max_duration')) !== null;
  if (!timed || marks.length === 0) return null;
  return {
    confidence: Math.min(0.95, 0.5 + 0.1 * marks.length),
    reason: `Composer/llm-foundry: max_duration with ${marks.slice(0, 3).join(', ')}`,
  };
}

function extract(whole: DialectInput): Extraction {
  const input = mcliParameters(whole);
  const hparams = hparamsView(input);
  if (hparams) return extractHparams(input, hparams);
  const tree = new ConfigTree(input.document, { interpolate: true });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  // A value the framework would reject: report it, and judge no plan built on defaults standing in for it.
  if (findings.length > 0) return { findings };
  const num = (key: string): number | undefined => numberValue(values, key);
  if (tree.has('optimizer.lr') && num('optimizer.lr') === undefined) return { findings };
  const assumptions: string[] = [];
  const baseLr = num('optimizer.lr') ?? COMPOSER_DEFAULTS.lr;

  // Length from max_duration.
  let length: PlanLength;
  const duration = parseComposerTime(values.max_duration);
  const batch = num('global_train_batch_size');
  if (!duration || duration.unit === 'dur') {
    length = assumedLength('`max_duration` is not a time this file pins down', assumptions);
  } else if (duration.unit === 'ba') {
    length = stepLength(duration.value, `max_duration: ${String(values.max_duration)}`);
  } else if (duration.unit === 'ep') {
    length = epochLength(input, duration.value, `max_duration: ${String(values.max_duration)}`, assumptions);
  } else if (duration.unit === 'sp' && batch) {
    length = stepLength(
      Math.ceil(duration.value / batch),
      `max_duration: ${String(values.max_duration)} ÷ global_train_batch_size ${batch}`,
    );
  } else {
    length = assumedLength(`\`max_duration: ${String(values.max_duration)}\` needs the tokens per batch`, assumptions);
  }

  // Warmup from t_warmup.
  const warmupTime = parseComposerTime(values['scheduler.t_warmup'] ?? COMPOSER_DEFAULTS.t_warmup);
  const warmup = composerWarmup(warmupTime, length, input, assumptions, batch);

  const name = values['scheduler.name'] as string | undefined;
  // A scheduler block without a name is an unknown schedule, not an absent one (composerUnnamed.ts).
  if (!name && tree.has('scheduler')) return { findings: [...findings, ...unnamedScheduler(tree)] };
  let schedule: PlanDraft['schedule'];
  if (!name) schedule = { ...NO_SCHEDULER };
  else {
    const params = coerceParams(tree.get('scheduler'), ['name']);
    for (const key of Object.keys(params)) if (key.startsWith('t_')) params[key] = tree.get(`scheduler.${key}`);
    params.max_duration = values.max_duration;
    // Sample times are drawn as fractional batches of a fixed global batch (composerTime.ts).
    const inSamples = [
      values.max_duration,
      ...Object.entries(params)
        .filter(([k]) => k.startsWith('t_'))
        .map(([, v]) => v),
    ].some((t) => parseComposerTime(t)?.unit === 'sp');
    if (batch && inSamples) params.global_train_batch_size = batch;
    const alphaF = num('scheduler.alpha_f') ?? COMPOSER_DEFAULTS.alpha_f;
    schedule = {
      framework: 'composer',
      name,
      params,
      explicit: true,
      constantAfterWarmup: CONSTANT.includes(name) || alphaF === 1,
      validationDriven: false,
    };
  }

  const optimizerName = (values['optimizer.name'] as string | undefined) ?? COMPOSER_DEFAULTS.optimizer;
  const betas = (values['optimizer.betas'] as [number, number] | undefined) ?? COMPOSER_DEFAULTS.betas;
  const plan = buildPlan('composer', input, tree, {
    optimizer: {
      name: optimizerName,
      beta1: betas[0],
      beta2: betas[1],
      epsilon: num('optimizer.eps') ?? COMPOSER_DEFAULTS.eps,
      weightDecay: num('optimizer.weight_decay') ?? COMPOSER_DEFAULTS.weight_decay,
    },
    baseLr,
    schedule,
    warmup,
    length,
    sources: {
      baseLr: 'optimizer.lr',
      schedule: name ? 'scheduler.name' : undefined,
      warmup: 'scheduler.t_warmup',
      length: 'max_duration',
      optimizer: 'optimizer.name',
      beta1: 'optimizer.betas',
      beta2: 'optimizer.betas',
      epsilon: 'optimizer.eps',
    },
    assumptions,
  });
  return { plan, findings };
}

export const composerDialect: Dialect = {
  id: 'composer',
  name: 'Composer / llm-foundry',
  recognize,
  fileNameHints: [/yamls\/(pretrain|finetune)\//, /llm-foundry|composer/i],
  extract,
  decayEdits: (whole, plan, family) => {
    const input = mcliParameters(whole);
    const hparams = hparamsView(input);
    return hparams ? hparamsDecayEdits(input, hparams, family) : composerDecayEdits(input, plan, family);
  },
};
