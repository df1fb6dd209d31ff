/**
 * Hugging Face `TrainingArguments` written as YAML (TRL, alignment-handbook, open-r1, LLaMA-Factory), at the root or
 * in a `training_args:` block a script passes to `TrainingArguments(**block)` (argumentsBlock.ts).
 * Defaults are those of transformers' `TrainingArguments` (src/transformers/training_args.py):
 * learning_rate 5e-5, lr_scheduler_type "linear", warmup 0, num_train_epochs 3.0, max_steps -1,
 * optim "adamw_torch", adam_beta1 0.9, adam_beta2 0.999, adam_epsilon 1e-8, weight_decay 0.0.
 */
import * as z from '../../plan/zod';
import type { Finding } from '../../analysis/finding';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { isMap } from 'yaml';
import { entriesOf, type MapEntry } from '../../parse/yamlAccess';
import { setScalarEntry } from '../../fixes/yamlEdits';
import { reportInvalidValue } from '../../rules/invalidValue';
import { HUGGING_FACE_CONSTANT_SCHEDULERS, HUGGING_FACE_SCHEDULERS, isHuggingFaceScheduler, type HuggingFaceScheduler } from './schedule';
import type { Dialect, DialectInput, Extraction } from '../../dialects/dialect';
import { integerSetting, numberSetting } from '../../dialects/numbers';
import { readSettings } from '../../dialects/settingReader';
import { closestName } from '../../dialects/closestName';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { buildPlan } from '../../dialects/planBuilder';
import { epochLength, stepLength } from '../../dialects/trainingLength';
import { huggingFaceDecayEdits } from './decayFix';
import { argumentsBlock, blockKeys } from './argumentsBlock';

export const HUGGING_FACE_DEFAULTS = {
  learning_rate: 5e-5,
  lr_scheduler_type: 'linear',
  num_train_epochs: 3,
  max_steps: -1,
  optim: 'adamw_torch',
  adam_beta1: 0.9,
  adam_beta2: 0.999,
  adam_epsilon: 1e-8,
  weight_decay: 0,
} as const;

/** Keys that only Hugging Face TrainingArguments files carry together. */
const SIGNATURE_KEYS = [
  'lr_scheduler_type',
  'lr_scheduler_kwargs',
  'per_device_train_batch_size',
  'per_device_eval_batch_size',
  'num_train_epochs',
  'warmup_ratio',
  'adam_beta1',
  'adam_beta2',
  'adam_epsilon',
  'gradient_accumulation_steps',
  'output_dir',
  'logging_steps',
  'save_strategy',
  'eval_strategy',
  'evaluation_strategy',
  'model_name_or_path',
  'overwrite_output_dir',
  'dataloader_num_workers',
] as const;

/** Keys that mark a neighbouring dialect which merely shares some names (Axolotl, NeMo, Lightning, ...). */
const FOREIGN_KEYS = [
  'base_model',
  'micro_batch_size',
  'num_epochs',
  'lr_scheduler',
  'trainer',
  'model',
  'optimizer',
  'optim_config',
  '_target_',
  'train',
  'solver',
  'SOLVER',
  // OpenNMT-py (decay_method, train_steps, save_model) and MaxText (opt_type, adam_b1, base_config)
  'decay_method',
  'train_steps',
  'save_model',
  'opt_type',
  'adam_b1',
  'base_config',
];

const unitInterval = (what: string) =>
  numberSetting(`must be a number (${what})`).check(z.refine((v) => v >= 0 && v < 1, { error: `must lie in [0, 1) (${what})` }));

const schedulerNames = HUGGING_FACE_SCHEDULERS.join(', ');

const SETTINGS = {
  learning_rate: numberSetting('must be a number (the peak learning rate, e.g. 2.0e-5)').check(
    z.refine((v) => v > 0, {
      error: 'must be greater than 0 (it is the peak learning rate)',
    }),
  ),
  lr_scheduler_type: z.string({ error: `must be one of ${schedulerNames}` }),
  lr_scheduler_kwargs: z.union([z.record(z.string(), z.unknown()), z.string()], {
    error: 'must be a mapping of scheduler arguments (or a JSON string of one)',
  }),
  warmup_ratio: numberSetting('must be a number (a fraction of training)').check(
    z.refine((v) => v >= 0 && v <= 1, {
      error: 'must lie in [0, 1] (a fraction of the training steps)',
    }),
  ),
  warmup_steps: numberSetting('must be a number of steps').check(z.refine((v) => v >= 0, { error: 'must not be negative' })),
  num_train_epochs: numberSetting('must be a number of epochs'),
  max_steps: integerSetting('must be a whole number of steps (-1 means "use num_train_epochs")'),
  optim: z.string({ error: 'must be an optimizer name such as adamw_torch' }),
  adam_beta1: unitInterval('Adam beta_1, e.g. 0.9'),
  adam_beta2: unitInterval('Adam beta_2, e.g. 0.999'),
  adam_epsilon: numberSetting('must be a number (e.g. 1e-8)').check(z.refine((v) => v > 0, { error: 'must be greater than 0' })),
  weight_decay: numberSetting('must be a number (e.g. 0.01)'),
};

function parseKwargs(raw: unknown): Record<string, unknown> | string {
  if (typeof raw !== 'string') return (raw as Record<string, unknown> | undefined) ?? {};
  if (raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  return 'must be a JSON object when written as a string';
}

function problem(entry: MapEntry, message: string): Finding {
  return reportInvalidValue(message, entry);
}

function extract(input: DialectInput): Extraction {
  const block = argumentsBlock(input);
  if (!block) return { findings: [] };
  const { map, prefix } = block;
  const tree = new ConfigTree(input.document, { interpolate: false });
  const entries = new Map(
    [...tree.entries(Object.keys(SETTINGS).map((key) => prefix + key))].map(([path, entry]) => [path.slice(prefix.length), entry]),
  );
  const { values, findings } = readSettings(entries, SETTINGS);
  const get = <K extends keyof typeof HUGGING_FACE_DEFAULTS>(key: K): (typeof HUGGING_FACE_DEFAULTS)[K] =>
    (values[key] as (typeof HUGGING_FACE_DEFAULTS)[K] | undefined) ?? HUGGING_FACE_DEFAULTS[key];
  const assumptions: string[] = [];

  // Schedule name, with the valid ones listed and the closest offered as a fix.
  let scheduler: string = HUGGING_FACE_DEFAULTS.lr_scheduler_type;
  const schedulerEntry = entries.get('lr_scheduler_type');
  if (typeof values.lr_scheduler_type === 'string') {
    const name = values.lr_scheduler_type;
    if (isHuggingFaceScheduler(name)) {
      scheduler = name;
    } else if (schedulerEntry) {
      const suggestion = closestName(name, HUGGING_FACE_SCHEDULERS);
      const finding = problem(
        schedulerEntry,
        `\`lr_scheduler_type\` '${name}' is not a Hugging Face scheduler${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; valid: ${schedulerNames}.`,
      );
      if (suggestion && schedulerEntry.valueNode) {
        finding.fixes.push({
          title: `Change to '${suggestion}'`,
          isPreferred: true,
          edits: [setScalarEntry(input.parsed, input.document, map, 'lr_scheduler_type', suggestion)],
        });
      }
      findings.push(finding);
      return { findings };
    }
  } else if (schedulerEntry) {
    return { findings };
  }

  const kwargsEntry = entries.get('lr_scheduler_kwargs');
  const kwargs = parseKwargs(values.lr_scheduler_kwargs);
  if (typeof kwargs === 'string') {
    if (kwargsEntry) findings.push(problem(kwargsEntry, `\`lr_scheduler_kwargs\` ${kwargs}.`));
    return { findings };
  }

  if (kwargsEntry) findings.push(...kwargsProblems(input, scheduler as HuggingFaceScheduler, kwargsEntry, kwargs));

  const baseLr = get('learning_rate');
  if (entries.has('learning_rate') && values.learning_rate === undefined) return { findings };

  // Scheduler arguments the framework insists on (get_scheduler raises ValueError otherwise).
  const requirementProblem = (message: string): Extraction => {
    // (a scheduler with requirements is never the default: `lr_scheduler_type` is written)
    const where = kwargsEntry ?? schedulerEntry;
    if (where) findings.push(problem(where, message));
    return { findings };
  };
  if (scheduler === 'cosine_with_min_lr' || scheduler === 'cosine_warmup_with_min_lr') {
    const given = ['min_lr', 'min_lr_rate'].filter((k) => kwargs[k] !== undefined);
    if (given.length !== 1) {
      return requirementProblem(
        `\`${scheduler}\` needs exactly one of \`min_lr\` or \`min_lr_rate\` in \`lr_scheduler_kwargs\` (Hugging Face raises ValueError otherwise), e.g. \`min_lr_rate: 0.1\`.`,
      );
    }
  }
  if (scheduler === 'warmup_stable_decay' && typeof kwargs.num_decay_steps !== 'number') {
    return requirementProblem('`warmup_stable_decay` needs `num_decay_steps` in `lr_scheduler_kwargs` (a whole number of steps).');
  }
  if (scheduler === 'polynomial') {
    const lrEnd = typeof kwargs.lr_end === 'number' ? kwargs.lr_end : 1e-7;
    if (!(baseLr > lrEnd)) {
      return requirementProblem(
        `\`polynomial\` needs \`learning_rate\` (${baseLr}) greater than \`lr_end\` (${lrEnd}); Hugging Face raises ValueError otherwise.`,
      );
    }
  }

  // Training length: max_steps > 0 wins over epochs.
  const maxSteps = get('max_steps');
  const epochs = get('num_train_epochs');
  let length: TrainingPlan['length'];
  if (maxSteps > 0) {
    length = stepLength(maxSteps, `max_steps: ${maxSteps}`);
  } else {
    if (!(epochs > 0)) {
      const entry = entries.get('num_train_epochs');
      if (entry)
        findings.push(problem(entry, '`num_train_epochs` must be greater than 0 when `max_steps` is not set; the run would not train.'));
      return { findings };
    }
    length = epochLength(input, epochs, `num_train_epochs: ${epochs}${entries.has('num_train_epochs') ? '' : ' (default)'}`, assumptions);
  }

  // Warmup (transformers v4: warmup_steps > 0 wins, else ceil(T * warmup_ratio); v5 reads warmup_steps < 1 as a ratio).
  const warmupStepsValue = values.warmup_steps as number | undefined;
  const warmupRatio = values.warmup_ratio as number | undefined;
  let warmup: TrainingPlan['warmup'] = { steps: 0 };
  let warmupPath = 'warmup_ratio';
  if (warmupStepsValue !== undefined && warmupStepsValue >= 1) {
    warmup = { steps: Math.floor(warmupStepsValue) };
    warmupPath = 'warmup_steps';
    if (warmupRatio) assumptions.push('`warmup_steps` wins over `warmup_ratio` (transformers v4; v5 reverses this)');
  } else if (warmupStepsValue !== undefined && warmupStepsValue > 0) {
    warmup = { steps: Math.ceil(length.steps * warmupStepsValue), ratio: warmupStepsValue };
    warmupPath = 'warmup_steps';
  } else if (warmupRatio !== undefined && warmupRatio > 0) {
    warmup = { steps: Math.ceil(length.steps * warmupRatio), ratio: warmupRatio };
  }
  // `constant` ignores warmup entirely.
  if (scheduler === 'constant') warmup = { steps: 0 };

  const optimizerName = get('optim');
  const plan = buildPlan('huggingface', input, tree, {
    optimizer: {
      name: optimizerName,
      beta1: get('adam_beta1'),
      beta2: get('adam_beta2'),
      epsilon: get('adam_epsilon'),
      weightDecay: get('weight_decay'),
    },
    baseLr,
    schedule: {
      framework: 'huggingface',
      name: scheduler,
      params: kwargs,
      explicit: schedulerEntry !== undefined,
      constantAfterWarmup: (HUGGING_FACE_CONSTANT_SCHEDULERS as readonly string[]).includes(scheduler),
      validationDriven: scheduler === 'reduce_lr_on_plateau',
    },
    warmup,
    length,
    sources: {
      baseLr: `${prefix}learning_rate`,
      schedule: `${prefix}lr_scheduler_type`,
      scheduleParams: `${prefix}lr_scheduler_kwargs`,
      length: prefix + (maxSteps > 0 ? 'max_steps' : 'num_train_epochs'),
      optimizer: `${prefix}optim`,
      beta1: `${prefix}adam_beta1`,
      beta2: `${prefix}adam_beta2`,
      epsilon: `${prefix}adam_epsilon`,
      warmup: prefix + warmupPath,
    },
    assumptions,
  });
  return { plan, findings };
}

/**
 * The `lr_scheduler_kwargs` each scheduler accepts (transformers optimization.py, `get_scheduler`): others make
 * the scheduler function raise TypeError at start-up; `constant`, `constant_with_warmup` and `inverse_sqrt` are
 * never passed them at all.
 */
const SCHEDULER_KWARGS: Readonly<Record<HuggingFaceScheduler, readonly string[] | 'ignored'>> = {
  linear: ['last_epoch'],
  cosine: ['num_cycles', 'last_epoch'],
  cosine_with_restarts: ['num_cycles', 'last_epoch'],
  polynomial: ['lr_end', 'power', 'last_epoch'],
  constant: 'ignored',
  constant_with_warmup: 'ignored',
  inverse_sqrt: 'ignored',
  reduce_lr_on_plateau: ['mode', 'factor', 'patience', 'threshold', 'threshold_mode', 'cooldown', 'min_lr', 'eps'],
  cosine_with_min_lr: ['num_cycles', 'min_lr', 'min_lr_rate', 'last_epoch'],
  cosine_warmup_with_min_lr: ['num_cycles', 'min_lr', 'min_lr_rate', 'warmup_lr_rate', 'last_epoch'],
  warmup_stable_decay: ['num_stable_steps', 'num_decay_steps', 'warmup_type', 'decay_type', 'min_lr_ratio', 'num_cycles', 'last_epoch'],
};

const WSD_SHAPES = ['linear', 'cosine', '1-sqrt'];

function kwargsProblems(input: DialectInput, scheduler: HuggingFaceScheduler, entry: MapEntry, kwargs: Record<string, unknown>): Finding[] {
  const accepted = SCHEDULER_KWARGS[scheduler];
  const names = Object.keys(kwargs);
  if (names.length === 0) return [];
  if (accepted === 'ignored') {
    return [
      {
        ...problem(
          entry,
          `\`${scheduler}\` never receives \`lr_scheduler_kwargs\` (the Trainer does not pass them), so ${names.map((n) => `\`${n}\``).join(', ')} has no effect.`,
        ),
        severity: 'warning',
      },
    ];
  }
  const inner = isMap(entry.valueNode) ? entriesOf(input.document, entry.valueNode) : null;
  const findings: Finding[] = [];
  for (const name of names) {
    const at = inner?.get(name);
    const where = at ? { span: at.keySpan, keySpan: at.keySpan } : { span: entry.valueSpan, keySpan: entry.keySpan };
    if (!accepted.includes(name)) {
      const hint =
        scheduler === 'cosine' && (name === 'min_lr' || name === 'min_lr_rate')
          ? ' For a floor under the cosine, use `lr_scheduler_type: cosine_with_min_lr`.'
          : '';
      findings.push({
        ...problem(
          entry,
          `\`${name}\` is not an argument of the \`${scheduler}\` scheduler (Hugging Face raises TypeError at start-up); it accepts: ${accepted.filter((a) => a !== 'last_epoch').join(', ') || 'none'}.${hint}`,
        ),
        ...where,
      });
    } else if ((name === 'warmup_type' || name === 'decay_type') && !WSD_SHAPES.includes(String(kwargs[name]))) {
      const value = at && at.valueSpan.end > at.valueSpan.start ? { span: at.valueSpan, keySpan: at.keySpan } : where;
      findings.push({
        ...problem(entry, `\`${name}\` must be one of ${WSD_SHAPES.join(', ')} (Hugging Face raises ValueError otherwise).`),
        ...value,
      });
    }
  }
  return findings;
}

function recognize(input: DialectInput) {
  const block = argumentsBlock(input);
  if (!block) return null;
  const keys = block.prefix ? blockKeys(input, block) : topLevelKeys(input.document);
  const signature = SIGNATURE_KEYS.filter((k) => keys.has(k));
  const foreign = FOREIGN_KEYS.filter((k) => keys.has(k));
  const hasLr = keys.has('learning_rate') || keys.has('lr_scheduler_type');
  if (!hasLr || signature.length === 0 || foreign.length > 0) return null;
  // A nested block is only a custom script's convention: two signature keys at least, and less confidence.
  if (block.prefix) {
    if (signature.length < 2) return null;
    return {
      confidence: Math.min(0.9, 0.3 + 0.15 * signature.length),
      reason: `Hugging Face TrainingArguments keys in \`${block.path.join('.')}\`: ${signature.slice(0, 4).join(', ')}`,
    };
  }
  const confidence = Math.min(1, 0.4 + 0.15 * signature.length);
  return { confidence, reason: `Hugging Face TrainingArguments keys: ${signature.slice(0, 4).join(', ')}` };
}

export const huggingFaceDialect: Dialect = {
  id: 'huggingface',
  name: 'Hugging Face Trainer',
  recognize,
  extract,
  decayEdits: huggingFaceDecayEdits,
};
