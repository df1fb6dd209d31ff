/**
 * torchtitan training TOML (`torchtitan/models/<model>/train_configs/*.toml`, read with tomllib into the JobConfig
 * dataclasses; an unknown key is an error): `[optimizer]` name/lr/eps, `[lr_scheduler]` warmup_steps, total_steps,
 * decay_ratio, decay_type, min_lr_factor, `[training]` steps.
 * Defaults (pytorch/torchtitan torchtitan/config/job_config.py @238fa9953e4aec2a62582121564273d7cbb1e9f1):
 * optimizer name AdamW, lr 8e-4, beta1 0.9, beta2 0.95, eps 1e-8, weight_decay 0.1; lr_scheduler warmup_steps 200,
 * total_steps None (training.steps), decay_ratio None (decay over all steps after warmup), decay_type linear,
 * min_lr_factor 0.0; training steps 10000. Unknown-key rejection: torchtitan/config/manager.py `_dict_to_dataclass`.
 * Files before 2025-03-11 (0da8901b1918fc21b5d43bbc693a120fc4281378) put warmup_steps under `[training]` and had no
 * `[lr_scheduler]`: such a file is read with that version's schedule (schedule.ts, `legacy_warmup`). `min_lr_factor`
 * was `lr_min` (a factor of lr too) until 2025-07-31 (881f0ca465d26ab87ccfc5c89572b8a21c4e9707): read as
 * min_lr_factor, with a warning that torchtitan since then rejects it (an unknown field is a ValueError).
 */
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import type { Finding } from '../../analysis/finding';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { numberSetting } from '../../dialects/numbers';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan, optimizerDraft } from '../../dialects/planBuilder';
import { stepLength } from '../../dialects/trainingLength';
import * as z from '../../plan/zod';
import { reportInvalidValue } from '../../rules/invalidValue';
import { torchtitanDecayEdits } from './decayFix';
import { TORCHTITAN_DECAY_TYPES, torchtitanPhases } from './schedule';

export const TORCHTITAN_DEFAULTS = {
  optimizer: 'AdamW',
  lr: 8e-4,
  beta1: 0.9,
  beta2: 0.95,
  eps: 1e-8,
  weight_decay: 0.1,
  warmup_steps: 200,
  total_steps: null,
  decay_ratio: null,
  decay_type: 'linear',
  min_lr_factor: 0.0,
  steps: 10000,
} as const;

/** Top-level tables of torchtitan's JobConfig (job_config.py `JobConfig`). */
const TABLES = [
  'job',
  'profiling',
  'metrics',
  'model',
  'optimizer',
  'lr_scheduler',
  'training',
  'parallelism',
  'checkpoint',
  'activation_checkpoint',
  'compile',
  'quantize',
  'validation',
  'comm',
  'fault_tolerance',
  'experimental',
  'memory_estimation',
];
/** Keys that only torchtitan's tables hold together. */
const INNER = [
  'job.dump_folder',
  'model.flavor',
  'model.hf_assets_path',
  'training.local_batch_size',
  'training.seq_len',
  'training.dataset',
  'parallelism.data_parallel_shard_degree',
  'parallelism.tensor_parallel_degree',
  'activation_checkpoint.mode',
  'lr_scheduler.warmup_steps',
  'lr_scheduler.decay_type',
];

function recognize(input: DialectInput): Recognition | null {
  if (input.parsed.language !== 'toml') return null;
  const keys = topLevelKeys(input.document);
  if (!keys.has('optimizer') && !keys.has('lr_scheduler') && !keys.has('training')) return null;
  const tree = new ConfigTree(input.document, { interpolate: false });
  const tables = TABLES.filter((k) => keys.has(k));
  const inner = INNER.filter((k) => tree.has(k));
  // Anything else at the top level is a key torchtitan rejects: a file with many of them is another tool's TOML.
  const foreign = [...keys].filter((k) => !TABLES.includes(k)).length;
  if (tables.length < 3 || inner.length < 2 || foreign > tables.length) return null;
  return {
    confidence: Math.min(0.97, 0.5 + 0.04 * (tables.length + inner.length)),
    reason: `torchtitan TOML: [${tables.slice(0, 4).join('], [')}]`,
  };
}

const whole = (what: string) =>
  numberSetting(`must be a whole number (${what})`).check(
    z.refine((v) => Number.isInteger(v) && v >= 0, { error: `must be a whole number, not negative (${what})` }),
  );
const SETTINGS = {
  'optimizer.name': z.string({ error: 'must be an optimizer name such as AdamW' }),
  'optimizer.lr': numberSetting('must be a number (the learning rate)').check(z.refine((v) => v > 0, { error: 'must be greater than 0' })),
  'optimizer.beta1': numberSetting('must be a number in [0, 1)').check(z.refine((v) => v >= 0 && v < 1, { error: 'must lie in [0, 1)' })),
  'optimizer.beta2': numberSetting('must be a number in [0, 1)').check(z.refine((v) => v >= 0 && v < 1, { error: 'must lie in [0, 1)' })),
  'optimizer.eps': numberSetting('must be a number (e.g. 1e-8)'),
  'optimizer.weight_decay': numberSetting('must be a number'),
  'lr_scheduler.warmup_steps': whole('optimizer steps'),
  'lr_scheduler.total_steps': whole('optimizer steps').check(z.refine((v) => v > 0, { error: 'must be above 0' })),
  // Outside [0, 1] torchtitan still runs (a ratio above 1 is cut to the steps after warmup), but means nothing.
  'lr_scheduler.decay_ratio': numberSetting('must be a number between 0 and 1').check(
    z.refine((v) => v >= 0 && v <= 1, { error: 'must lie between 0 and 1' }),
  ),
  'lr_scheduler.decay_type': z
    .string({ error: 'must be linear, sqrt or cosine' })
    .check(z.refine((v) => TORCHTITAN_DECAY_TYPES.some((t) => t === v), { error: 'must be linear, sqrt or cosine' })),
  // torchtitan checks neither range: a factor above 1 makes the LR rise at the end, a negative one turns it negative.
  'lr_scheduler.min_lr_factor': numberSetting('must be a number (the final LR as a fraction of lr)').check(
    z.refine((v) => v >= 0 && v <= 1, { error: 'must lie between 0 and 1 (a fraction of lr)' }),
  ),
  'lr_scheduler.lr_min': numberSetting('must be a number (the final LR as a fraction of lr)').check(
    z.refine((v) => v >= 0 && v <= 1, { error: 'must lie between 0 and 1 (a fraction of lr)' }),
  ),
  'training.warmup_steps': whole('optimizer steps'),
  'training.steps': numberSetting('must be a number of steps').check(
    z.refine((v) => Number.isInteger(v) && v > 0, { error: 'must be a whole number above 0' }),
  ),
};

/** A file of torchtitan before 2025-03-11: warmup under `[training]`, no `[lr_scheduler]` table. */
function isLegacyLayout(tree: ConfigTree): boolean {
  return tree.has('training.warmup_steps') && !tree.has('lr_scheduler');
}

/** Syntax problems of the file and keys of older torchtitan versions, as findings. */
function fileProblems(input: DialectInput, tree: ConfigTree): Finding[] {
  const findings: Finding[] = input.parsed.syntaxProblems.map((problem) =>
    reportInvalidValue(`${problem.message}: tomllib refuses the file, so torchtitan does not start.`, problem.span),
  );
  const old = tree.entry('training.warmup_steps');
  if (old && !isLegacyLayout(tree)) {
    const why = '`[training] warmup_steps` moved to `[lr_scheduler] warmup_steps` on 2025-03-11 (0da8901b)';
    findings.push(reportInvalidValue(`${why}: in a file with \`[lr_scheduler]\` it is not read (torchtitan now rejects it).`, old.keySpan));
  }
  const lrMin = tree.entry('lr_scheduler.lr_min');
  if (lrMin) {
    const why = '`lr_min` was renamed `min_lr_factor` on 2025-07-31 (881f0ca4): torchtitan since then rejects it (unknown field)';
    findings.push(reportInvalidValue(`${why}; the curve reads it as min_lr_factor, as older versions did.`, lrMin.keySpan, 'warning'));
  }
  return findings;
}

/** A value as the file writes it (`0.0`, `2_000`). */
function written(input: DialectInput, tree: ConfigTree, path: string): string {
  const span = tree.entry(path)?.valueSpan;
  return span ? input.parsed.text.slice(span.start, span.end) : String(tree.get(path));
}

/** Where the schedule is written: its decay type, else the first `[lr_scheduler]` key that shapes it. */
function scheduleKey(tree: ConfigTree): string {
  const keys = ['decay_type', 'decay_ratio', 'total_steps', 'min_lr_factor', 'warmup_steps'].map((k) => `lr_scheduler.${k}`);
  return keys.find((k) => tree.has(k)) ?? 'lr_scheduler.decay_type';
}

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  const problems = fileProblems(input, tree);
  if (findings.length > 0 || input.parsed.syntaxProblems.length > 0) return { findings: [...problems, ...findings] };
  const num = (key: keyof typeof SETTINGS): number | undefined => (typeof values[key] === 'number' ? (values[key] as number) : undefined);
  const assumptions: string[] = [];
  const steps = num('training.steps');
  const trainingSteps = steps ?? TORCHTITAN_DEFAULTS.steps;
  const length = stepLength(
    trainingSteps,
    steps !== undefined ? `[training] steps = ${steps}` : `[training] steps absent: torchtitan's default ${TORCHTITAN_DEFAULTS.steps}`,
  );
  if (steps === undefined)
    assumptions.push(`training.steps ${TORCHTITAN_DEFAULTS.steps} (torchtitan's default; a --training.steps override changes it)`);
  const decayType = (values['lr_scheduler.decay_type'] as string | undefined) ?? TORCHTITAN_DEFAULTS.decay_type;
  const params: Record<string, unknown> = { training_steps: trainingSteps, decay_type: decayType };
  for (const key of ['warmup_steps', 'total_steps', 'decay_ratio', 'min_lr_factor'] as const) {
    const v = num(`lr_scheduler.${key}`);
    if (v !== undefined) params[key] = v;
  }
  const lrMin = num('lr_scheduler.lr_min');
  if (lrMin !== undefined && params['min_lr_factor'] === undefined) params['min_lr_factor'] = lrMin;
  const legacy = isLegacyLayout(tree);
  if (!legacy) {
    assumptions.push(
      'torchtitan from 2025-06-11 (e7c0cae9) on; releases of 2025-03-11 to then warmed up from lr / (W + 1) and decayed over ' +
        'decay steps + 1 (torchtitan/components/lr_scheduler.py @31a5411f)',
    );
  } else {
    params['legacy_warmup'] = true;
    params['warmup_steps'] = num('training.warmup_steps');
    assumptions.push(
      'torchtitan before 2025-03-11 (0da8901b): `[training] warmup_steps` and no `[lr_scheduler]`, so warmup from lr / (W + 1) ' +
        'and a linear decay towards 0 over training.steps − W',
    );
  }
  const phases = torchtitanPhases(params, trainingSteps);
  const minLrFactor = (params['min_lr_factor'] as number | undefined) ?? TORCHTITAN_DEFAULTS.min_lr_factor;
  // The schedule's name as findings quote it: the decay type, or the setting that leaves nothing to decay.
  const noDecay = tree.has('lr_scheduler.decay_ratio') && phases.decay === 0;
  const name = noDecay
    ? `decay_ratio = ${written(input, tree, 'lr_scheduler.decay_ratio')}`
    : minLrFactor === 1
      ? `${decayType} to min_lr_factor = 1`
      : decayType;
  const plan = buildPlan('torchtitan', input, tree, {
    optimizer: optimizerDraft(
      { name: values['optimizer.name'] as string | undefined, number: num },
      { beta1: 'optimizer.beta1', beta2: 'optimizer.beta2', epsilon: 'optimizer.eps', weightDecay: 'optimizer.weight_decay' },
      {
        ...TORCHTITAN_DEFAULTS,
        name: TORCHTITAN_DEFAULTS.optimizer,
        epsilon: TORCHTITAN_DEFAULTS.eps,
        weightDecay: TORCHTITAN_DEFAULTS.weight_decay,
      },
    ),
    baseLr: num('optimizer.lr') ?? TORCHTITAN_DEFAULTS.lr,
    schedule: {
      framework: 'torchtitan',
      name,
      params,
      explicit: tree.has('lr_scheduler.decay_type') || tree.has('lr_scheduler.decay_ratio'),
      // No decay steps (decay_ratio 0, or warmup taking every step) or a floor at lr: the LR never falls.
      constantAfterWarmup: phases.decay === 0 || minLrFactor === 1,
      validationDriven: false,
    },
    warmup: { steps: phases.warmup },
    length,
    sources: {
      baseLr: 'optimizer.lr',
      schedule: noDecay
        ? 'lr_scheduler.decay_ratio'
        : minLrFactor === 1
          ? `lr_scheduler.${tree.has('lr_scheduler.min_lr_factor') ? 'min_lr_factor' : 'lr_min'}`
          : scheduleKey(tree),
      warmup: legacy ? 'training.warmup_steps' : 'lr_scheduler.warmup_steps',
      length: 'training.steps',
      optimizer: 'optimizer.name',
      beta1: 'optimizer.beta1',
      beta2: 'optimizer.beta2',
      epsilon: 'optimizer.eps',
    },
    assumptions,
  });
  return { plan, findings: problems };
}

export const torchtitanDialect: Dialect = {
  id: 'torchtitan',
  name: 'torchtitan',
  recognize,
  fileNameHints: [/train_configs\/[^/]*\.toml$/i, /torchtitan/i],
  languages: ['toml'],
  extract,
  decayEdits: torchtitanDecayEdits,
};
