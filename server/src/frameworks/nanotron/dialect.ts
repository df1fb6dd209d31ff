/**
 * nanotron training YAML (PyYAML SafeLoader, then dacite strict): `optimizer.learning_rate_scheduler` (learning_rate,
 * lr_warmup_steps, lr_warmup_style, lr_decay_style, lr_decay_steps, lr_decay_starting_step, min_decay_lr),
 * `optimizer.optimizer_factory` (name adamW or sgd, adam_beta1/2, adam_eps), `optimizer.weight_decay`,
 * `tokens.train_steps`. Defaults (huggingface/nanotron src/nanotron/config/config.py
 * @2411b022a75fb7f7561a1bb4166706da5e1b76de): lr_warmup_steps 0, lr_warmup_style required (linear or constant),
 * lr_decay_style linear, lr_decay_steps train_steps - lr_warmup_steps, lr_decay_starting_step lr_warmup_steps,
 * min_decay_lr learning_rate (no decay); learning_rate and train_steps are required.
 */
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { numberSetting } from '../../dialects/numbers';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan } from '../../dialects/planBuilder';
import { assumedLength, stepLength } from '../../dialects/trainingLength';
import * as z from '../../plan/zod';
import { reportInvalidValue } from '../../rules/invalidValue';
import { nanotronDecayEdits } from './decayFix';
import { pyyamlStringFloats } from '../gpt-neox/pyyamlFloats';
import { NANOTRON_DECAY_STYLES, NANOTRON_WARMUP_STYLES } from './schedule';

export const SCHEDULER = 'optimizer.learning_rate_scheduler';

/** LRSchedulerArgs defaults as nanotron resolves them, and the optimizer factory's default name. */
export const NANOTRON_DEFAULTS = {
  optimizer: 'adamW',
  lr_warmup_steps: 0,
  lr_decay_style: 'linear',
  lr_decay_steps: 'train_steps - lr_warmup_steps',
  lr_decay_starting_step: 'lr_warmup_steps',
  min_decay_lr: 'learning_rate',
} as const;

const TOP_SIGNATURE = [
  'general',
  'parallelism',
  'tokens',
  'data_stages',
  'checkpoints',
  'lighteval',
  'logging',
  'profiler',
  'tokenizer',
  's3_upload',
];

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  const tree = new ConfigTree(input.document, { interpolate: false });
  if (!tree.has(SCHEDULER) && !tree.has('optimizer.optimizer_factory')) return null;
  const hits = TOP_SIGNATURE.filter((k) => keys.has(k));
  const inner = [
    'parallelism.dp',
    'parallelism.tp',
    'parallelism.pp',
    'tokens.train_steps',
    'model.model_config',
    'optimizer.zero_stage',
  ].filter((k) => tree.has(k));
  if (hits.length + inner.length < 3) return null;
  return {
    confidence: Math.min(0.97, 0.5 + 0.05 * (hits.length + inner.length)),
    reason: `nanotron config: ${SCHEDULER}${hits.length ? `, ${hits.slice(0, 3).join(', ')}` : ''}`,
  };
}

const whole = (what: string) =>
  numberSetting(`must be a whole number (${what})`).check(
    z.refine((v) => Number.isInteger(v) && v >= 0, { error: `must be a whole number, not negative (${what})` }),
  );
const SETTINGS = {
  [`${SCHEDULER}.learning_rate`]: numberSetting('must be a number (the learning rate)').check(
    z.refine((v) => v > 0, { error: 'must be greater than 0' }),
  ),
  [`${SCHEDULER}.lr_warmup_steps`]: whole('optimizer steps'),
  [`${SCHEDULER}.lr_warmup_style`]: z
    .string({ error: 'must be linear or constant (nanotron rejects a config without it)' })
    .check(z.refine((v) => NANOTRON_WARMUP_STYLES.some((s) => s === v), { error: 'must be linear or constant' })),
  [`${SCHEDULER}.lr_decay_style`]: z.nullable(
    z
      .string({ error: 'must be linear, cosine or 1-sqrt' })
      .check(z.refine((v) => NANOTRON_DECAY_STYLES.some((s) => s === v), { error: 'must be linear, cosine or 1-sqrt' })),
  ),
  [`${SCHEDULER}.lr_decay_steps`]: z.nullable(whole('optimizer steps')),
  [`${SCHEDULER}.lr_decay_starting_step`]: z.nullable(whole('an optimizer step')),
  [`${SCHEDULER}.min_decay_lr`]: z.nullable(numberSetting('must be a number (the LR after decay)')),
  'optimizer.optimizer_factory.name': z.string({ error: 'must be adamW or sgd' }),
  'optimizer.optimizer_factory.adam_beta1': numberSetting('must be a number in [0, 1)').check(
    z.refine((v) => v >= 0 && v < 1, { error: 'must lie in [0, 1)' }),
  ),
  'optimizer.optimizer_factory.adam_beta2': numberSetting('must be a number in [0, 1)').check(
    z.refine((v) => v >= 0 && v < 1, { error: 'must lie in [0, 1)' }),
  ),
  'optimizer.optimizer_factory.adam_eps': numberSetting('must be a number (e.g. 1.0e-8)'),
  'optimizer.weight_decay': numberSetting('must be a number'),
  'tokens.train_steps': numberSetting('must be a number of steps').check(
    z.refine((v) => Number.isInteger(v) && v > 0, { error: 'must be a whole number above 0' }),
  ),
};

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  const warmupStyleKey = `${SCHEDULER}.lr_warmup_style`;
  if (findings.length === 0 && tree.has(SCHEDULER) && !tree.has(warmupStyleKey)) {
    const entry = tree.entry(SCHEDULER);
    if (entry) {
      findings.push(
        reportInvalidValue('`lr_warmup_style` is missing: nanotron rejects a learning_rate_scheduler without it (linear or constant).', {
          keySpan: entry.keySpan,
          valueSpan: entry.keySpan,
        }),
      );
    }
  }
  const floats = ['learning_rate', 'min_decay_lr'].map((k) => `${SCHEDULER}.${k}`);
  const factoryFloats = ['adam_eps', 'adam_beta1', 'adam_beta2'].map((k) => `optimizer.optimizer_factory.${k}`);
  findings.push(
    ...pyyamlStringFloats(input, tree, [...floats, ...factoryFloats, 'optimizer.weight_decay', 'optimizer.clip_grad'], 'nanotron'),
  );
  if (findings.length > 0) return { findings };
  const assumptions: string[] = [];
  const num = (key: string): number | undefined => (typeof values[key] === 'number' ? (values[key] as number) : undefined);
  const trainSteps = num('tokens.train_steps');
  const length =
    trainSteps !== undefined
      ? stepLength(trainSteps, `tokens.train_steps: ${trainSteps}`)
      : assumedLength('tokens.train_steps is not in this file', assumptions);
  const style = (values[`${SCHEDULER}.lr_decay_style`] as string | null | undefined) ?? 'linear';
  const lr = num(`${SCHEDULER}.learning_rate`);
  if (lr === undefined) assumptions.push('learning_rate 1e-3 (nanotron requires it; not in this file)');
  const baseLr = lr ?? 1e-3;
  const params: Record<string, unknown> = { lr_warmup_style: values[warmupStyleKey] };
  for (const key of ['lr_warmup_steps', 'lr_decay_steps', 'lr_decay_starting_step', 'min_decay_lr']) {
    const v = num(`${SCHEDULER}.${key}`);
    if (v !== undefined) params[key] = v;
  }
  const minDecayLr = (params['min_decay_lr'] as number | undefined) ?? baseLr;
  if (params['min_decay_lr'] === undefined)
    assumptions.push('min_decay_lr absent: nanotron sets it to learning_rate, so the LR does not decay');
  const warmupSteps = (params['lr_warmup_steps'] as number | undefined) ?? 0;
  const factory = (values['optimizer.optimizer_factory.name'] as string | undefined) ?? 'adamW';
  const plan = buildPlan('nanotron', input, tree, {
    optimizer: {
      name: factory,
      beta1: num('optimizer.optimizer_factory.adam_beta1'),
      beta2: num('optimizer.optimizer_factory.adam_beta2'),
      epsilon: num('optimizer.optimizer_factory.adam_eps'),
      weightDecay: num('optimizer.weight_decay'),
    },
    baseLr,
    schedule: {
      framework: 'nanotron',
      name: style,
      params,
      explicit: tree.has(`${SCHEDULER}.lr_decay_style`) && values[`${SCHEDULER}.lr_decay_style`] !== null,
      constantAfterWarmup: minDecayLr === baseLr,
      validationDriven: false,
    },
    warmup: { steps: warmupSteps },
    length,
    sources: {
      baseLr: `${SCHEDULER}.learning_rate`,
      schedule: `${SCHEDULER}.lr_decay_style`,
      warmup: `${SCHEDULER}.lr_warmup_steps`,
      length: 'tokens.train_steps',
      optimizer: 'optimizer.optimizer_factory.name',
      beta1: 'optimizer.optimizer_factory.adam_beta1',
      beta2: 'optimizer.optimizer_factory.adam_beta2',
      epsilon: 'optimizer.optimizer_factory.adam_eps',
    },
    assumptions,
  });
  return { plan, findings };
}

export const nanotronDialect: Dialect = {
  id: 'nanotron',
  name: 'nanotron',
  recognize,
  fileNameHints: [/nanotron/i],
  extract,
  decayEdits: nanotronDecayEdits,
};
