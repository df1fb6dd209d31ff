/**
 * fairseq Hydra configs (`examples/<project>/config/`, `fairseq/config`): `optimization.lr` is a list,
 * `optimizer._name`, `lr_scheduler._name` (or a bare name such as `pass_through`), composite optimizers with
 * per-group schedulers, and the older flat MMPT style under `fairseq.optimization`.
 * Defaults (facebookresearch/fairseq fairseq/dataclass/configs.py, fairseq/optim/adam.py,
 * fairseq/optim/lr_scheduler/; commit 3d262bb2569): lr [0.25], lr_scheduler fixed (constant unless
 * force_anneal), max_update 0 (= unlimited), max_epoch 0; adam betas (0.9, 0.999), eps 1e-8, weight_decay 0;
 * inverse_sqrt warmup_updates 4000, others 0; polynomial_decay/cosine run to max_update; tri_stage phases by
 * phase_ratio × max_update.
 */
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { finiteNumber } from '../torch/torchParams';
import { toNumberList } from '../../dialects/numberLists';
import { buildPlan, type PlanDraft } from '../../dialects/planBuilder';
import { coerceParams } from '../../dialects/torchDefaults';
import { defaultsChoices } from '../../dialects/hydraDefaults';
import { assumedLength, epochLength, stepLength, type PlanLength } from '../../dialects/trainingLength';
import { reportInvalidValue } from '../../rules/invalidValue';
import type { Finding } from '../../analysis/finding';
import { fairseqDecayEdits } from './decayFix';

export const FAIRSEQ_DEFAULTS = {
  lr: [0.25],
  lr_scheduler: 'fixed',
  optimizer: 'adam',
  adam_betas: [0.9, 0.999],
  adam_eps: 1e-8,
  weight_decay: 0,
  max_update: 0,
  max_epoch: 0,
  warmup_updates: { inverse_sqrt: 4000 } as Record<string, number>,
} as const;

const GROUPS = [
  'common',
  'task',
  'dataset',
  'distributed_training',
  'criterion',
  'optimization',
  'optimizer',
  'lr_scheduler',
  'model',
  'checkpoint',
];

function defaultsNames(tree: ConfigTree): string[] {
  const list = tree.get('defaults');
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => (item && typeof item === 'object' ? Object.keys(item) : []));
}

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  const tree = new ConfigTree(input.document, { interpolate: false });
  if (tree.has('fairseq.optimization')) return { confidence: 0.85, reason: 'fairseq `fairseq.optimization` block (MMPT style)' };
  const groups = GROUPS.filter((k) => keys.has(k));
  const named = ['task', 'optimizer', 'lr_scheduler', 'model', 'criterion'].filter((k) => tree.has(`${k}._name`));
  const fromDefaults = defaultsNames(tree).filter((k) =>
    ['task', 'optimizer', 'lr_scheduler', 'criterion', 'bpe', 'tokenizer'].includes(k),
  );
  if (fromDefaults.length >= 3) return { confidence: 0.8, reason: `fairseq defaults list: ${fromDefaults.join(', ')}` };
  if (named.length === 0 || groups.length < 3) return null;
  return {
    confidence: Math.min(0.95, 0.5 + 0.1 * named.length + 0.03 * groups.length),
    reason: `fairseq groups with _name: ${named.join(', ')}`,
  };
}

/** Scheduler keys of the older flat style (`fairseq.optimization`), which also holds unrelated trainer keys. */
const FLAT_SCHEDULER_KEYS = [
  'total_num_update',
  'warmup_updates',
  'warmup_init_lr',
  'end_learning_rate',
  'power',
  'force_anneal',
  'lr_shrink',
  'min_lr',
  'lr_period_updates',
  't_mult',
  'phase_ratio',
  'final_lr_scale',
  'init_lr_scale',
];

function pick(params: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([key]) => keys.includes(key)));
}

function invalid(tree: ConfigTree, path: string, message: string): Finding[] {
  const entry = tree.entry(path);
  if (!entry) return [];
  return [reportInvalidValue(`\`${path}\` ${message}`, entry)];
}

/** fairseq's `lr`: a list (one entry per epoch for `fixed`), a lone number, or a numeric string. */
function lrList(value: unknown): number[] | null {
  const list = toNumberList(value);
  return Array.isArray(list) && list.length > 0 && list.every((n) => typeof n === 'number') ? (list as number[]) : null;
}

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, {
    interpolate: true,
    compose: { fileName: input.fileName, readFile: input.settings.readFile },
  });
  const findings: Finding[] = [];
  const assumptions: string[] = [];
  const flat = tree.has('fairseq.optimization');
  const opt = flat ? 'fairseq.optimization' : 'optimization';
  const number = (path: string): number | undefined => finiteNumber(tree.get(path));

  // Optimizer and its group (composite optimizers: the first group, with its own LR and scheduler).
  let optimizerPath = flat ? `${opt}.optimizer` : 'optimizer._name';
  let optimizerArgs = flat ? opt : 'optimizer';
  let schedulerBase = flat ? undefined : 'lr_scheduler';
  let lrPath = `${opt}.lr`;
  const optimizerName = String(tree.get(optimizerPath) ?? FAIRSEQ_DEFAULTS.optimizer);
  if (!flat && optimizerName === 'composite') {
    const groups = tree.keys('optimizer.groups');
    const first = groups[0];
    if (!first) return { findings };
    const g = `optimizer.groups.${first}`;
    optimizerPath = `${g}.optimizer._name`;
    optimizerArgs = `${g}.optimizer`;
    schedulerBase = `${g}.lr_scheduler`;
    lrPath = tree.get(`${g}.lr_float`) !== undefined && tree.get(`${g}.lr_float`) !== null ? `${g}.lr_float` : `${g}.lr`;
    assumptions.push(`composite optimizer: the plan shows group \`${first}\`${groups.length > 1 ? ` (of ${groups.join(', ')})` : ''}`);
  }

  // A file that names neither an optimizer nor an LR (a bare defaults list) has no plan of its own.
  if (!tree.has(lrPath) && !tree.has(optimizerPath)) return { findings };
  const lrValue = tree.get(lrPath);
  if (tree.isUnknown(lrPath)) return { findings };
  const lrs = lrValue === undefined ? [...FAIRSEQ_DEFAULTS.lr] : lrList(lrValue);
  if (!lrs) return { findings: invalid(tree, lrPath, 'must be a learning rate or a list of them, e.g. [0.0005].') };
  const [baseLr] = lrs;
  if (baseLr === undefined || !(baseLr > 0)) return { findings };

  const betasRaw = tree.get(`${optimizerArgs}.adam_betas`);
  let betas: number[] = [...FAIRSEQ_DEFAULTS.adam_betas];
  if (betasRaw !== undefined && !tree.isUnknown(`${optimizerArgs}.adam_betas`)) {
    const parsed = toNumberList(betasRaw);
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((b) => typeof b === 'number' && b >= 0 && b < 1))
      betas = parsed as number[];
    else return { findings: invalid(tree, `${optimizerArgs}.adam_betas`, "must be two numbers in [0, 1), e.g. '(0.9, 0.98)'.") };
  }

  // Length: max_update (> 0), else max_epoch.
  const maxUpdate = number(`${opt}.max_update`) ?? FAIRSEQ_DEFAULTS.max_update;
  const maxEpoch = number(`${opt}.max_epoch`) ?? FAIRSEQ_DEFAULTS.max_epoch;
  const totalNumUpdate = number(schedulerBase ? `${schedulerBase}.total_num_update` : `${opt}.total_num_update`);
  let length: PlanLength;
  let lengthPath: string | undefined;
  if (maxUpdate > 0) {
    length = stepLength(maxUpdate, `max_update: ${maxUpdate}`);
    lengthPath = `${opt}.max_update`;
  } else if (maxEpoch > 0) {
    length = epochLength(input, maxEpoch, `max_epoch: ${maxEpoch}`, assumptions);
    lengthPath = `${opt}.max_epoch`;
  } else if (totalNumUpdate !== undefined && totalNumUpdate > 0) {
    length = stepLength(totalNumUpdate, `total_num_update: ${totalNumUpdate}`);
    lengthPath = schedulerBase ? `${schedulerBase}.total_num_update` : `${opt}.total_num_update`;
  } else {
    length = assumedLength('neither max_update nor max_epoch is set', assumptions);
  }

  // Scheduler: `lr_scheduler: {_name: ...}` or a bare name; the flat style names it in optimization.
  // (schedulerBase is undefined exactly in the flat style)
  const schedulerPath =
    schedulerBase === undefined
      ? `${opt}.lr_scheduler`
      : typeof tree.get(schedulerBase) === 'string'
        ? schedulerBase
        : `${schedulerBase}._name`;
  // A defaults-list choice (`- lr_scheduler: cosine`) names the scheduler even when its file is not read.
  const choice =
    !flat && schedulerBase === 'lr_scheduler' && !tree.has(schedulerPath) ? defaultsChoices(input.document).get('lr_scheduler') : undefined;
  const chosen = choice && choice.option !== 'null' ? choice : undefined;
  const name = String(tree.get(schedulerPath) ?? chosen?.option ?? FAIRSEQ_DEFAULTS.lr_scheduler);
  const params: Record<string, unknown> =
    schedulerBase === undefined
      ? pick(coerceParams(tree.get(opt)), FLAT_SCHEDULER_KEYS)
      : typeof tree.get(schedulerBase) === 'object'
        ? coerceParams(tree.get(schedulerBase), ['_name'])
        : {};
  params.lr = lrs;
  if (maxUpdate > 0) params.max_update = maxUpdate;
  if (maxEpoch > 0) params.max_epoch = maxEpoch;
  const warmupPath = flat ? `${opt}.warmup_updates` : `${schedulerBase}.warmup_updates`;
  let warmupSteps = number(warmupPath) ?? FAIRSEQ_DEFAULTS.warmup_updates[name] ?? 0;
  let phaseRatio: number | undefined;
  if (name === 'tri_stage') {
    const ratios = toNumberList(tree.get(`${schedulerBase}.phase_ratio`));
    if (Array.isArray(ratios) && typeof ratios[0] === 'number') {
      phaseRatio = ratios[0];
      warmupSteps = Math.round(ratios[0] * length.steps);
    } else warmupSteps = number(`${schedulerBase}.warmup_steps`) ?? 0;
  }
  const triStageWarmupPath = tree.has(`${schedulerBase}.phase_ratio`) ? `${schedulerBase}.phase_ratio` : `${schedulerBase}.warmup_steps`;
  const forceAnneal = params.force_anneal !== undefined && params.force_anneal !== null;
  const constant = name === 'fixed' && !forceAnneal && lrs.length <= 1;

  const optimizer: PlanDraft['optimizer'] = {
    name: String(tree.get(optimizerPath) ?? FAIRSEQ_DEFAULTS.optimizer),
    beta1: betas[0],
    beta2: betas[1],
    epsilon: number(`${optimizerArgs}.adam_eps`) ?? FAIRSEQ_DEFAULTS.adam_eps,
    weightDecay: number(`${optimizerArgs}.weight_decay`) ?? FAIRSEQ_DEFAULTS.weight_decay,
  };
  const plan = buildPlan('fairseq', input, tree, {
    optimizer,
    baseLr,
    schedule: {
      framework: 'fairseq',
      name,
      params,
      explicit: tree.has(schedulerPath) || chosen !== undefined,
      constantAfterWarmup: constant,
      validationDriven: name === 'reduce_lr_on_plateau',
    },
    warmup: { steps: Math.min(warmupSteps, length.steps), ...(phaseRatio !== undefined ? { ratio: phaseRatio } : {}) },
    length,
    sources: {
      baseLr: lrPath,
      schedule: tree.has(schedulerPath)
        ? schedulerPath
        : chosen
          ? { path: 'defaults.lr_scheduler', key: chosen.keySpan, value: chosen.valueSpan }
          : undefined,
      // tri_stage takes its warmup from phase_ratio when given, else from warmup_steps (item 7).
      warmup: name === 'tri_stage' ? triStageWarmupPath : warmupPath,
      length: lengthPath,
      optimizer: optimizerPath,
      beta1: `${optimizerArgs}.adam_betas`,
      beta2: `${optimizerArgs}.adam_betas`,
      epsilon: `${optimizerArgs}.adam_eps`,
    },
    assumptions,
  });
  return { plan, findings };
}

export const fairseqDialect: Dialect = {
  id: 'fairseq',
  name: 'fairseq',
  recognize,
  fileNameHints: [/fairseq/i],
  extract,
  decayEdits: fairseqDecayEdits,
  writesDecayHorizon: true,
};
