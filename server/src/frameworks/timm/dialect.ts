/**
 * timm `train.py --config` args files (NVlabs GCViT/FasterViT/MambaVision, `args.yaml` dumps): flat keys that
 * mirror timm's argparse names (`opt`, `sched`, `warmup_epochs`, `min_lr`, `cooldown_epochs`, ...).
 * Defaults (huggingface/pytorch-image-models train.py argparse, timm/scheduler/scheduler_factory.py;
 * commit aa4b5850): sched cosine, epochs 300, warmup_epochs 5, warmup_lr 1e-5, min_lr 0, cooldown_epochs 0,
 * decay_rate 0.1, opt sgd, momentum 0.9, opt_eps = the optimizer's own (1e-8 for AdamW/LAMB), opt_betas the
 * optimizer's own (0.9, 0.999); `lr` null → lr_base 0.1 × batch / 256 (sqrt scaling for Ada-family and LAMB). The
 * scheduler steps once per epoch unless `sched_on_updates`; training runs epochs + cooldown_epochs.
 */
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { numberSetting } from '../../dialects/numbers';
import { betasSetting } from '../../dialects/numberLists';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan } from '../../dialects/planBuilder';
import { coerceValue } from '../../dialects/torchDefaults';
import { epochLength, type PlanLength } from '../../dialects/trainingLength';
import * as z from '../../plan/zod';
import { timmDecayEdits } from './decayFix';

export const TIMM_DEFAULTS = {
  sched: 'cosine',
  epochs: 300,
  warmup_epochs: 5,
  warmup_lr: 1e-5,
  min_lr: 0,
  cooldown_epochs: 0,
  decay_rate: 0.1,
  opt: 'sgd',
  momentum: 0.9,
  opt_eps: 1e-8,
  opt_betas: [0.9, 0.999],
  weight_decay: 2e-5,
  lr_base: 0.1,
  lr_base_size: 256,
  batch_size: 128,
} as const;

const SIGNATURE = [
  'opt',
  'opt_eps',
  'opt_betas',
  'sched',
  'warmup_epochs',
  'warmup_lr',
  'min_lr',
  'cooldown_epochs',
  'mixup',
  'cutmix',
  'smoothing',
  'model_ema',
  'aa',
  'decay_epochs',
  'lr_cycle_limit',
  'lr_noise',
  'drop_path',
  'reprob',
  'remode',
  'sched_on_updates',
];

/** Scheduler arguments timm's factory reads (scheduler_kwargs). */
const SCHEDULER_KEYS = [
  'epochs',
  'warmup_epochs',
  'warmup_lr',
  'min_lr',
  'cooldown_epochs',
  'decay_epochs',
  'decay_milestones',
  'decay_rate',
  'lr_cycle_mul',
  'lr_cycle_decay',
  'lr_cycle_limit',
  'lr_k_decay',
  'lr_noise',
  'lr_noise_pct',
  'lr_noise_std',
  'warmup_prefix',
  'sched_on_updates',
  'patience_epochs',
];

const SETTINGS = {
  opt: z.string({ error: 'must be an optimizer name such as adamw' }),
  sched: z.string({ error: 'must be a scheduler name such as cosine' }),
  lr: z.nullable(numberSetting('must be a number (the learning rate)').check(z.refine((v) => v > 0, { error: 'must be greater than 0' }))),
  lr_base: numberSetting('must be a number'),
  lr_base_size: numberSetting('must be a number'),
  batch_size: numberSetting('must be a number'),
  epochs: numberSetting('must be a number of epochs').check(z.refine((v) => v > 0, { error: 'must be greater than 0' })),
  warmup_epochs: numberSetting('must be a number of epochs').check(z.refine((v) => v >= 0, { error: 'must not be negative' })),
  cooldown_epochs: numberSetting('must be a number of epochs'),
  min_lr: numberSetting('must be a number'),
  warmup_lr: numberSetting('must be a number'),
  decay_rate: numberSetting('must be a number'),
  opt_eps: z.nullable(numberSetting('must be a number (e.g. 1e-8)').check(z.refine((v) => v > 0, { error: 'must be greater than 0' }))),
  opt_betas: z.nullable(betasSetting()),
  momentum: numberSetting('must be a number'),
  weight_decay: numberSetting('must be a number'),
  sched_on_updates: z.boolean({ error: 'must be true or false' }),
};

/** Keys of MindSpore trainers (MindCV) that timm's train.py does not have. */
const MINDSPORE_KEYS = ['epoch_size', 'dataset_sink_mode', 'amp_level', 'loss_scale_type'];

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  const hits = SIGNATURE.filter((k) => keys.has(k));
  if (!(keys.has('opt') || keys.has('sched')) || hits.length < 3) return null;
  // Claim only files with timm's own schedule or length keys, `sched` / `epochs` (huggingface/pytorch-image-models
  // train.py, commit 2aabaef039d918d453b58714ab84562609981112). MindCV's train.py takes `scheduler` and
  // `epoch_size` instead (mindspore-lab/mindcv config.py, commit 51b0636da1e38a44a52edf76cf314d1c7c18883a).
  if (!(keys.has('sched') || keys.has('epochs')) || MINDSPORE_KEYS.some((k) => keys.has(k))) return null;
  return { confidence: Math.min(0.95, 0.4 + 0.07 * hits.length), reason: `timm train.py arguments: ${hits.slice(0, 4).join(', ')}` };
}

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  // A value the framework would reject: report it, and judge no plan built on defaults standing in for it.
  if (findings.length > 0) return { findings };
  const get = <K extends keyof typeof TIMM_DEFAULTS>(key: K): number =>
    (values[key] as number | undefined) ?? (TIMM_DEFAULTS[key] as number);
  const assumptions: string[] = [];
  const opt = (values.opt as string | undefined) ?? TIMM_DEFAULTS.opt;
  const sched = (values.sched as string | undefined) ?? TIMM_DEFAULTS.sched;
  let baseLr = values.lr as number | null | undefined;
  if (tree.has('lr') && baseLr === undefined) return { findings };
  if (baseLr === undefined || baseLr === null) {
    const ratio = get('batch_size') / get('lr_base_size');
    const scale = /ada|lamb/i.test(opt) ? Math.sqrt(ratio) : ratio;
    baseLr = get('lr_base') * scale;
    assumptions.push(
      `lr = lr_base × (batch_size / lr_base_size)${/ada|lamb/i.test(opt) ? '^0.5' : ''} on one device; timm scales by the global batch size`,
    );
  }
  const epochs = get('epochs');
  const cooldown = get('cooldown_epochs');
  const warmupEpochs = get('warmup_epochs');
  const onUpdates = values.sched_on_updates === true;
  let length: PlanLength;
  let warmupSteps: number;
  if (onUpdates) {
    length = epochLength(input, epochs + cooldown, `epochs: ${epochs} + cooldown_epochs: ${cooldown}`, assumptions);
    warmupSteps = Math.round(warmupEpochs * (length.stepsPerEpoch ?? 1));
  } else {
    length = {
      steps: Math.max(1, Math.ceil(epochs + cooldown)),
      unit: 'epoch',
      epochs: epochs + cooldown,
      assumed: false,
      basis: `epochs: ${epochs} + cooldown_epochs: ${cooldown} (scheduler stepped once per epoch)`,
    };
    warmupSteps = Math.round(warmupEpochs);
  }
  const params: Record<string, unknown> = {
    epochs,
    warmup_epochs: warmupEpochs,
    warmup_lr: get('warmup_lr'),
    min_lr: get('min_lr'),
    cooldown_epochs: cooldown,
    decay_rate: get('decay_rate'),
  };
  for (const key of SCHEDULER_KEYS) {
    const value = tree.get(key);
    if (value !== undefined && value !== null && params[key] === undefined) params[key] = coerceValue(value);
  }
  const decayRate = get('decay_rate');
  const betas = (values.opt_betas as [number, number] | null | undefined) ?? TIMM_DEFAULTS.opt_betas;
  const plan = buildPlan('timm', input, tree, {
    optimizer: {
      name: opt,
      beta1: betas[0],
      beta2: betas[1],
      epsilon: (values.opt_eps as number | null | undefined) ?? TIMM_DEFAULTS.opt_eps,
      weightDecay: get('weight_decay'),
    },
    baseLr,
    schedule: {
      framework: 'timm',
      name: sched,
      params,
      explicit: tree.has('sched'),
      constantAfterWarmup: (sched === 'step' || sched === 'multistep') && decayRate === 1,
      validationDriven: sched === 'plateau',
    },
    // timm has no warmup ratio option (warmup_epochs only): the rule judges steps against the length (item 11).
    warmup: { steps: warmupSteps },
    length,
    sources: {
      baseLr: 'lr',
      schedule: 'sched',
      warmup: 'warmup_epochs',
      length: 'epochs',
      optimizer: 'opt',
      beta1: 'opt_betas',
      beta2: 'opt_betas',
      epsilon: 'opt_eps',
    },
    assumptions,
  });
  return { plan, findings };
}

export const timmDialect: Dialect = {
  id: 'timm',
  name: 'timm',
  recognize,
  fileNameHints: [/timm|pytorch-image-models/i],
  extract,
  decayEdits: timmDecayEdits,
};
