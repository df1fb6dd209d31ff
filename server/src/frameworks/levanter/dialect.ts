/**
 * levanter training YAML (parsed by draccus): `trainer: {num_train_steps, train_batch_size, mp, ...}`, `optimizer:
 * {type, learning_rate, weight_decay, min_lr_ratio, warmup, decay, rewarmup, cooldown, cycle_length, cycles,
 * lr_schedule, beta1, beta2, epsilon}`, `model: {type, ...}`, `data` (often `!include`).
 * Defaults (stanford-crfm/levanter src/levanter/optim/config.py, src/levanter/trainer.py
 * @9263f81e8b453241332c2c0b2d2001bfb2d2241c): optimizer type adam, learning_rate 6e-4, weight_decay 0.1,
 * min_lr_ratio 0.1, warmup 0.01, rewarmup 0.0, lr_schedule cosine, beta1 0.9, beta2 0.95, epsilon 1e-8;
 * num_train_steps 400_000.
 */
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { numberSetting } from '../../dialects/numbers';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan, optimizerDraft } from '../../dialects/planBuilder';
import { stepLength, type PlanLength } from '../../dialects/trainingLength';
import { coerceValue } from '../../dialects/torchDefaults';
import * as z from '../../plan/zod';
import { reportInvalidValue } from '../../rules/invalidValue';
import { levanterDecayEdits } from './decayFix';
import { LEVANTER_SCHEDULES, levanterFracOrSteps } from './schedule';

export const LEVANTER_DEFAULTS = {
  type: 'adam',
  learning_rate: 6e-4,
  weight_decay: 0.1,
  min_lr_ratio: 0.1,
  warmup: 0.01,
  lr_schedule: 'cosine',
  beta1: 0.9,
  beta2: 0.95,
  epsilon: 1e-8,
  num_train_steps: 400_000,
} as const;

const TRAINER_SIGNATURE = [
  'num_train_steps',
  'train_batch_size',
  'mp',
  'per_device_parallelism',
  'model_axis_size',
  'steps_per_eval',
  'tracker',
  'checkpointer',
  'fsdp_axis',
  'batch_axis',
  'tensor_parallel_axes',
  'per_device_eval_parallelism',
];
const OPTIMIZER_SIGNATURE = ['min_lr_ratio', 'warmup', 'lr_schedule', 'cooldown', 'rewarmup', 'cycles', 'cycle_length', 'decay', 'haps'];

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  if (!keys.has('trainer')) return null;
  const tree = new ConfigTree(input.document, { interpolate: false });
  const trainer = TRAINER_SIGNATURE.filter((k) => tree.has(`trainer.${k}`));
  const optimizer = OPTIMIZER_SIGNATURE.filter((k) => tree.has(`optimizer.${k}`));
  const extra =
    ['initialize_from_hf', 'use_hf_model_config', 'hf_save_path', 'data'].filter((k) => keys.has(k)).length +
    (tree.has('model.type') ? 1 : 0);
  // With an `optimizer` block: its LR and a levanter key, or a levanter trainer of three signature keys (the alpaca
  // examples set only learning_rate and weight_decay); without one (levanter's default optimizer runs): a levanter
  // trainer (num_train_steps or mp) and a `model.type`.
  const levanterTrainer = tree.has('trainer.num_train_steps') || tree.has('trainer.mp');
  const withOptimizer =
    keys.has('optimizer') &&
    tree.has('optimizer.learning_rate') &&
    ((optimizer.length + extra >= 1 && trainer.length >= 2) || (levanterTrainer && trainer.length >= 3));
  const withoutOptimizer = !keys.has('optimizer') && levanterTrainer && trainer.length >= 3 && tree.has('model.type');
  if (!withOptimizer && !withoutOptimizer) return null;
  const count = trainer.length + optimizer.length + extra;
  return {
    confidence: Math.min(0.97, 0.45 + 0.06 * count),
    reason: `levanter config: ${[...trainer.map((k) => `trainer.${k}`), ...optimizer.map((k) => `optimizer.${k}`)].slice(0, 4).join(', ')}`,
  };
}

/** A warmup/decay value: a fraction of the cycle (<= 1) or a whole number of steps. */
const fracOrSteps = (what: string) =>
  numberSetting(`must be a number (${what}: a fraction of the cycle, or whole steps)`).check(
    z.refine((v) => levanterFracOrSteps(v, 1) !== undefined, {
      error: `must be a fraction in [0, 1] or a whole number of steps (${what})`,
    }),
  );

const SETTINGS = {
  'optimizer.type': z.string({ error: 'must be an optimizer type such as adam' }),
  'optimizer.learning_rate': numberSetting('must be a number (the learning rate)').check(
    z.refine((v) => v > 0, { error: 'must be greater than 0' }),
  ),
  'optimizer.weight_decay': numberSetting('must be a number'),
  'optimizer.min_lr_ratio': numberSetting('must be a number (the final LR as a fraction of learning_rate)').check(
    z.refine((v) => v >= 0, { error: 'must not be negative' }),
  ),
  'optimizer.warmup': fracOrSteps('warmup'),
  'optimizer.decay': z.nullable(fracOrSteps('decay')),
  'optimizer.rewarmup': fracOrSteps('rewarmup'),
  'optimizer.cooldown': z.nullable(fracOrSteps('cooldown')),
  'optimizer.beta1': numberSetting('must be a number in [0, 1)').check(z.refine((v) => v >= 0 && v < 1, { error: 'must lie in [0, 1)' })),
  'optimizer.beta2': numberSetting('must be a number in [0, 1)').check(z.refine((v) => v >= 0 && v < 1, { error: 'must lie in [0, 1)' })),
  'optimizer.epsilon': numberSetting('must be a number (e.g. 1e-8)'),
  'trainer.num_train_steps': numberSetting('must be a number of steps').check(
    z.refine((v) => Number.isInteger(v) && v > 0, { error: 'must be a whole number above 0' }),
  ),
};

/** `lr_schedule` as a name, or the `type` of its object form. */
function scheduleName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const type = (value as Record<string, unknown>)['type'];
    return typeof type === 'string' ? type : undefined;
  }
  return undefined;
}

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  const scheduleValue = tree.get('optimizer.lr_schedule');
  const name = scheduleValue === undefined || scheduleValue === null ? LEVANTER_DEFAULTS.lr_schedule : scheduleName(scheduleValue);
  const entry = tree.entry('optimizer.lr_schedule');
  if ((name === undefined || !LEVANTER_SCHEDULES.some((s) => s === name)) && entry) {
    findings.push(
      reportInvalidValue(
        `\`lr_schedule\` must be one of ${LEVANTER_SCHEDULES.join(', ')}; levanter raises on ${JSON.stringify(scheduleValue)}.`,
        entry,
      ),
    );
  }
  if (findings.length > 0 || name === undefined) return { findings };
  const assumptions: string[] = [];
  const num = (key: keyof typeof SETTINGS): number | undefined => (typeof values[key] === 'number' ? (values[key] as number) : undefined);
  const steps = num('trainer.num_train_steps');
  if (steps === undefined) assumptions.push(`num_train_steps ${LEVANTER_DEFAULTS.num_train_steps} (levanter's default; not in this file)`);
  const T = steps ?? LEVANTER_DEFAULTS.num_train_steps;
  const length: PlanLength =
    steps !== undefined
      ? stepLength(T, `trainer.num_train_steps: ${T}`)
      : { steps: T, unit: 'step', assumed: true, basis: `num_train_steps: ${T} (levanter's default; runs usually set it)` };
  const params: Record<string, unknown> = {};
  for (const key of ['min_lr_ratio', 'warmup', 'decay', 'rewarmup', 'cooldown', 'cycle_length', 'cycles', 'haps', 'lr_schedule']) {
    const v = tree.get(`optimizer.${key}`);
    if (v !== undefined && v !== null) params[key] = typeof v === 'object' ? v : coerceValue(v);
  }
  const ratio = num('optimizer.min_lr_ratio') ?? LEVANTER_DEFAULTS.min_lr_ratio;
  const warmup = num('optimizer.warmup') ?? LEVANTER_DEFAULTS.warmup;
  // The first cycle's warmup; with cycles the cycle is shorter than the run (the curve has the exact figure).
  const warmupSteps = levanterFracOrSteps(warmup, T) ?? 0;
  if (warmup === 1) assumptions.push('warmup: 1 is the whole cycle in levanter (a fraction), not one step');
  const plan = buildPlan('levanter', input, tree, {
    optimizer: optimizerDraft(
      { name: values['optimizer.type'] as string | undefined, number: num },
      { beta1: 'optimizer.beta1', beta2: 'optimizer.beta2', epsilon: 'optimizer.epsilon', weightDecay: 'optimizer.weight_decay' },
      { ...LEVANTER_DEFAULTS, name: LEVANTER_DEFAULTS.type, weightDecay: LEVANTER_DEFAULTS.weight_decay },
    ),
    baseLr: num('optimizer.learning_rate') ?? LEVANTER_DEFAULTS.learning_rate,
    schedule: {
      framework: 'levanter',
      name,
      params,
      explicit: tree.has('optimizer.lr_schedule'),
      constantAfterWarmup: name === 'constant' || ((name === 'cosine' || name === 'linear') && ratio === 1),
      validationDriven: false,
    },
    warmup: { steps: warmupSteps, ...(warmup <= 1 ? { ratio: warmup } : {}) },
    length,
    sources: {
      baseLr: 'optimizer.learning_rate',
      // A default schedule held flat by min_lr_ratio: 1 is reported on that setting.
      schedule:
        !tree.has('optimizer.lr_schedule') && ratio === 1 && tree.has('optimizer.min_lr_ratio')
          ? 'optimizer.min_lr_ratio'
          : 'optimizer.lr_schedule',
      warmup: 'optimizer.warmup',
      length: 'trainer.num_train_steps',
      optimizer: 'optimizer.type',
      beta1: 'optimizer.beta1',
      beta2: 'optimizer.beta2',
      epsilon: 'optimizer.epsilon',
    },
    assumptions,
  });
  return { plan, findings };
}

export const levanterDialect: Dialect = {
  id: 'levanter',
  name: 'levanter',
  recognize,
  fileNameHints: [/levanter/i],
  extract,
  decayEdits: levanterDecayEdits,
};
