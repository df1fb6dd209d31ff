/**
 * Completion in Composer's older hparams YAML (hparamsFormat.ts), in that format's own keys: a registry-built object is
 * a one-key mapping from its registry name to its arguments, so scheduler and optimizer names are completed at a key
 * position (`schedulers:` list items `- cosine_decay_with_warmup: {t_warmup: …}` or mapping keys, `optimizer:` /
 * `optimizers:` children), with their arguments below them, and `max_duration`, `scale_schedule_ratio` at the top.
 *
 * Arguments and defaults: mosaicml/composer composer/optim/scheduler.py and decoupled_weight_decay.py at v0.11.0
 * (f5f95713b615ff2c3a23ef7a047117d339a98858); the warmup variants require `t_warmup`, StepScheduler `step_size`,
 * MultiStepScheduler `milestones`, ExponentialScheduler `gamma`, CosineAnnealingWarmRestartsScheduler `t_0`,
 * PolynomialScheduler `power`. torch.optim (Adam, AdamW, SGD, RMSprop) for the torch optimizers' defaults.
 */
import type { CompletionEntry, CompletionHost, CompletionOptions } from '../../analysis/completion';
import { formatLr } from '../../analysis/describePlan';
import { curveWith, GUIDANCE, SORT_RANK } from '../../analysis/scheduleItem';
import type { YamlCursor } from '../../analysis/yamlCursor';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { parseComposerTime } from './dialect';
import { HPARAMS_OPTIMIZERS, HPARAMS_SCHEDULERS, type HparamsView } from './hparamsFormat';
import { warmupBatches } from './warmup';

interface Argument {
  key: string;
  default?: string;
  meaning: string;
  /** Written into the item a scheduler name inserts, with this placeholder. */
  required?: string;
}

const T_WARMUP: Argument = {
  key: 't_warmup',
  meaning: 'warmup, as a time string (5ep, 140ba, 0.05dur); scale_schedule_ratio does not scale it',
  required: '0.05dur',
};
const T_MAX: Argument = { key: 't_max', default: '1dur', meaning: 'when the schedule ends, as a time string (1dur: the whole run)' };
const ALPHA_F: Argument = { key: 'alpha_f', default: '0.0', meaning: 'the final LR as a fraction of the peak' };
const ALPHA_I: Argument = { key: 'alpha_i', default: '1.0', meaning: 'the first LR as a fraction of the peak' };
const ALPHA: Argument = { key: 'alpha', default: '1.0', meaning: 'the LR as a fraction of the peak until t_max' };
const GAMMA: Argument = { key: 'gamma', default: '0.1', meaning: 'the factor the LR is multiplied by at each step or milestone' };
const MILESTONES: Argument = { key: 'milestones', meaning: 'times at which the LR is multiplied by gamma', required: '[30ep, 60ep]' };

/** Each hparams scheduler's arguments (composer/optim/scheduler.py at v0.11.0). */
const SCHEDULER_ARGUMENTS: Readonly<Record<string, readonly Argument[]>> = {
  step: [{ key: 'step_size', meaning: 'time between decays, as a time string', required: '30ep' }, GAMMA],
  multistep: [MILESTONES, GAMMA],
  exponential: [
    { key: 'gamma', meaning: 'the factor the LR is multiplied by per decay_period', required: '0.99' },
    { key: 'decay_period', default: '1ep', meaning: 'the time over which the LR is multiplied by gamma' },
  ],
  linear_decay: [ALPHA_I, ALPHA_F, { ...T_MAX, required: '1dur' }],
  cosine_decay: [{ ...T_MAX, required: '1dur' }, ALPHA_F],
  cosine_warmrestart: [
    { key: 't_0', meaning: "the first cycle's length, as a time string", required: '10ep' },
    { key: 't_mult', default: '1.0', meaning: "each cycle's length as a multiple of the previous one's" },
    ALPHA_F,
  ],
  constant: [{ ...ALPHA, required: '1.0' }, T_MAX],
  polynomial: [{ key: 'power', meaning: 'the exponent of the decay', required: '2.0' }, T_MAX, ALPHA_F],
  polynomial_with_warmup: [T_WARMUP, { key: 'power', default: '2.0', meaning: 'the exponent of the decay' }, T_MAX, ALPHA_F],
  multistep_with_warmup: [T_WARMUP, MILESTONES, GAMMA],
  constant_with_warmup: [T_WARMUP, ALPHA, T_MAX],
  linear_decay_with_warmup: [T_WARMUP, ALPHA_I, ALPHA_F, T_MAX],
  cosine_decay_with_warmup: [T_WARMUP, T_MAX, ALPHA_F],
};

const ADAM_ARGUMENTS = (lr: string, betas: string, weightDecay: string): Argument[] => [
  { key: 'lr', default: lr, meaning: 'the peak learning rate' },
  { key: 'betas', default: betas, meaning: "Adam's (beta_1, beta_2)" },
  { key: 'eps', default: '1.0e-08', meaning: "Adam's epsilon" },
  { key: 'weight_decay', default: weightDecay, meaning: 'weight decay' },
];
const SGD_ARGUMENTS: Argument[] = [
  { key: 'lr', meaning: 'the peak learning rate (required)' },
  { key: 'momentum', default: '0.0', meaning: 'momentum' },
  { key: 'weight_decay', default: '0.0', meaning: 'weight decay' },
  { key: 'nesterov', default: 'false', meaning: 'Nesterov momentum' },
];

/** Each hparams optimizer's arguments (torch.optim; Composer's decoupled optimizers). */
const OPTIMIZER_ARGUMENTS: Readonly<Record<string, readonly Argument[]>> = {
  adam: ADAM_ARGUMENTS('0.001', '[0.9, 0.999]', '0.0'),
  adamw: ADAM_ARGUMENTS('0.001', '[0.9, 0.999]', '0.01'),
  decoupled_adamw: ADAM_ARGUMENTS('0.001', '[0.9, 0.95]', '1.0e-05'),
  radam: ADAM_ARGUMENTS('0.001', '[0.9, 0.999]', '0.0'),
  sgd: SGD_ARGUMENTS,
  decoupled_sgdw: SGD_ARGUMENTS,
  rmsprop: [
    { key: 'lr', default: '0.01', meaning: 'the peak learning rate' },
    { key: 'alpha', default: '0.99', meaning: 'the smoothing constant' },
    { key: 'eps', default: '1.0e-08', meaning: 'epsilon' },
    { key: 'momentum', default: '0.0', meaning: 'momentum' },
    { key: 'weight_decay', default: '0.0', meaning: 'weight decay' },
  ],
  lamb: [{ key: 'lr', default: '0.001', meaning: 'the peak learning rate' }],
};

const TOP_LEVEL: readonly Argument[] = [
  { key: 'max_duration', meaning: 'training length, as a time string (90ep, 4800ba); an integer is epochs' },
  {
    key: 'scale_schedule_ratio',
    default: '1.0',
    meaning: 'scales max_duration and the schedulers’ own times (not t_warmup); above 0, and only with schedulers',
  },
];

const FORMAT = 'Composer (hparams)';

/** Snippet text: `$`, `}` and `\` are escaped inside placeholders. */
const placeholder = (index: number, text: string) => `\${${index}:${text.replace(/[$}\\]/g, (c) => `\\${c}`)}}`;

/** `name: {t_warmup: ${1:0.05dur}}`: the name with the arguments it cannot run without. */
function withArguments(name: string, args: readonly Argument[]): string {
  const required = args.filter((a) => a.required !== undefined);
  return `${name}: {${required.map((a, i) => `${a.key}: ${placeholder(i + 1, a.required ?? '')}`).join(', ')}}`;
}

/** The cursor is on a key written already (`- cosine_decay|: {}`): only the name is replaced. */
const renaming = (text: string, cursor: YamlCursor) => /^\s*:/.test(text.slice(cursor.replace.end, cursor.replace.end + 200));

function argumentEntries(cursor: YamlCursor, args: readonly Argument[], owner: string): CompletionEntry[] {
  return args
    .filter((a) => !cursor.siblings.has(a.key) && a.key.startsWith(cursor.prefix))
    .map((a) => ({
      label: a.key,
      kind: 'key' as const,
      insertText: `${a.key}: `,
      snippet: false,
      replace: cursor.replace,
      detail: `${owner}${a.default === undefined ? '' : ` (default ${a.default})`} · ${FORMAT}`,
      documentation: a.meaning,
      sortText: `5${a.key}`,
    }));
}

const argumentList = (args: readonly Argument[]) => args.map((a) => `\`${a.key}\``).join(', ');

/** A placeholder's text as the YAML value it becomes (`[30ep, 60ep]` a list, `2.0` a number, `8ep` a string). */
function placeholderValue(text: string): unknown {
  if (text.startsWith('['))
    return text
      .slice(1, -1)
      .split(',')
      .map((s) => s.trim());
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/**
 * The plan as a new scheduler item would run it: that scheduler with the arguments the item writes (the trainer's
 * max_duration and scale_schedule_ratio kept), as the last scheduler, which sets the LR.
 */
function withParams(plan: TrainingPlan, args: readonly Argument[]): TrainingPlan {
  const trainer = Object.fromEntries(
    ['max_duration', 'scale_schedule_ratio'].flatMap((key) => (key in plan.schedule.params ? [[key, plan.schedule.params[key]]] : [])),
  );
  const written = Object.fromEntries(args.flatMap((a) => (a.required === undefined ? [] : [[a.key, placeholderValue(a.required)]])));
  // The warmup the item writes, in batches as the plan counts it (warmup.ts): the curve's summary names it.
  const { steps } = warmupBatches(parseComposerTime(written.t_warmup), plan.length, plan.length.stepsPerEpoch);
  return { ...plan, schedule: { ...plan.schedule, params: { ...trainer, ...written } }, warmup: { ...plan.warmup, steps } };
}

function schedulerEntries(
  text: string,
  cursor: YamlCursor,
  plan: TrainingPlan | undefined,
  host: CompletionHost,
  options: CompletionOptions,
): CompletionEntry[] {
  const rename = renaming(text, cursor);
  const prefix = cursor.prefix.toLowerCase();
  return HPARAMS_SCHEDULERS.filter(
    (name) => (prefix === '' || name.includes(prefix)) && (options.only === undefined || name === options.only),
  ).map((name) => {
    const family = plan ? host.familyOf(plan, name) : 'unknown';
    const args = SCHEDULER_ARGUMENTS[name] ?? [];
    const drawn = plan && !rename ? withParams(plan, args) : plan;
    const curve = drawn && options.documentation !== false ? curveWith(drawn, name, family) : null;
    const peak = plan
      ? `\n\nPeak ${formatLr(plan.baseLr)} over ${plan.length.steps} ${plan.length.unit}s${plan.length.assumed ? ' (assumed)' : ''}.`
      : '';
    return {
      label: name,
      kind: 'scheduler' as const,
      insertText: rename ? name : withArguments(name, args),
      snippet: !rename,
      atKey: true,
      replace: cursor.replace,
      detail: `${family === 'unknown' ? 'schedule' : `${family} schedule`} · ${FORMAT}`,
      documentation: `${curve ? `${curve}\n\n` : ''}${GUIDANCE[family]}${peak}\n\nArguments: ${argumentList(args)}.`,
      sortText: `${SORT_RANK[family]}${name}`,
    };
  });
}

function optimizerEntries(text: string, cursor: YamlCursor, options: CompletionOptions): CompletionEntry[] {
  const rename = renaming(text, cursor);
  return HPARAMS_OPTIMIZERS.filter((name) => name.startsWith(cursor.prefix) && (options.only === undefined || name === options.only)).map(
    (name) => {
      const lr = OPTIMIZER_ARGUMENTS[name]?.find((a) => a.key === 'lr')?.default ?? '0.1';
      return {
        label: name,
        kind: 'optimizer' as const,
        insertText: rename ? name : `${name}: {lr: ${placeholder(1, lr)}}`,
        snippet: !rename,
        atKey: true,
        replace: cursor.replace,
        detail: `optimizer · ${FORMAT}`,
        documentation: `An optimizer in Composer's optimizer registry (hparams format).`,
        sortText: `0${name}`,
      };
    },
  );
}

/** Completion items in a Composer hparams file at the cursor; empty at positions the format does not define. */
export function hparamsCompletions(
  view: HparamsView,
  text: string,
  cursor: YamlCursor,
  plan: TrainingPlan | undefined,
  host: CompletionHost,
  options: CompletionOptions,
): CompletionEntry[] {
  if (cursor.kind !== 'key') return [];
  const [first, second, ...deeper] = cursor.parents;
  if (first === undefined) return argumentEntries(cursor, TOP_LEVEL, 'trainer');
  if (deeper.length > 0) return [];
  if (first === 'schedulers') {
    if (second === undefined) return schedulerEntries(text, cursor, plan, host, options);
    return argumentEntries(cursor, SCHEDULER_ARGUMENTS[second] ?? [], second);
  }
  if (first === view.optimizerKey) {
    if (second === undefined) return optimizerEntries(text, cursor, options);
    return argumentEntries(cursor, OPTIMIZER_ARGUMENTS[second] ?? [], second);
  }
  return [];
}
