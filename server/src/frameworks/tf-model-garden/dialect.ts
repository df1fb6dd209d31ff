/**
 * TF Model Garden experiment configs (tensorflow/models `official/<area>/configs/experiments/`): `runtime`,
 * `task`, and `trainer.optimizer_config` with one-of blocks (`type` names the sibling key holding the
 * parameters) for `optimizer`, `learning_rate` and `warmup`.
 * Defaults (tensorflow/models official/modeling/optimization/configs/learning_rate_config.py,
 * optimizer_config.py, lr_schedule.py; configs at commit 00d83f37e2de): learning_rate type constant (no decay),
 * warmup none; adam/adamw beta_1 0.9, beta_2 0.999, epsilon 1e-7; `decay_steps` is not tied to
 * `train_steps`. A missing `optimizer` block means the experiment's Python default applies.
 */
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { finiteNumber } from '../torch/torchParams';
import { toNumberList } from '../../dialects/numberLists';
import { buildPlan } from '../../dialects/planBuilder';
import { coerceParams } from '../../dialects/torchDefaults';
import { assumedLength, stepLength } from '../../dialects/trainingLength';
import { tfModelGardenDecayEdits } from './decayFix';

export const TF_MODEL_GARDEN_DEFAULTS = {
  learning_rate: 'constant',
  warmup: null,
  beta_1: 0.9,
  beta_2: 0.999,
  epsilon: 1e-7,
} as const;

const OC = 'trainer.optimizer_config';

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  const tree = new ConfigTree(input.document, { interpolate: false });
  const hasOptimizerConfig = tree.has(OC);
  const marks = [
    keys.has('runtime'),
    keys.has('task'),
    hasOptimizerConfig,
    tree.has('trainer.train_steps'),
    tree.has('trainer.steps_per_loop'),
  ].filter(Boolean).length;
  if (!keys.has('trainer') || marks < 3) return null;
  return {
    confidence: Math.min(0.95, 0.4 + 0.12 * marks),
    reason: `TF Model Garden experiment: runtime/task/trainer${hasOptimizerConfig ? '.optimizer_config' : ''}`,
  };
}

const num = finiteNumber;

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const assumptions: string[] = [];
  const lrType = String(tree.get(`${OC}.learning_rate.type`) ?? TF_MODEL_GARDEN_DEFAULTS.learning_rate);
  const lrBlock = `${OC}.learning_rate.${lrType}`;
  const params: Record<string, unknown> = coerceParams(tree.get(lrBlock));
  let baseLr = num(params.initial_learning_rate) ?? num(params.learning_rate);
  let lrPath = tree.has(`${lrBlock}.initial_learning_rate`) ? `${lrBlock}.initial_learning_rate` : `${lrBlock}.learning_rate`;
  if (lrType === 'stepwise') {
    const lrValues = toNumberList(tree.get(`${lrBlock}.values`));
    if (Array.isArray(lrValues) && typeof lrValues[0] === 'number') baseLr = lrValues[0];
    lrPath = `${lrBlock}.values`;
  }
  if (baseLr === undefined || !(baseLr > 0)) return { findings: [] };

  // A one-of block without `type` (overriding the experiment's default type): its only sub-block is the type.
  const warmupBlocks = tree.keys(`${OC}.warmup`).filter((k) => k !== 'type');
  const warmupType = tree.get(`${OC}.warmup.type`) ?? (warmupBlocks.length === 1 ? warmupBlocks[0] : undefined);
  if (!tree.has(`${OC}.warmup.type`) && typeof warmupType === 'string')
    assumptions.push(`warmup type \`${warmupType}\` taken from the only warmup block (the experiment default sets \`type\`)`);
  const warmupBlock = typeof warmupType === 'string' ? `${OC}.warmup.${warmupType}` : undefined;
  const warmupSteps = warmupBlock ? (num(tree.get(`${warmupBlock}.warmup_steps`)) ?? 0) : 0;
  if (typeof warmupType === 'string' && warmupBlock) {
    params.warmup = { type: warmupType, ...coerceParams(tree.get(warmupBlock)) };
  }
  const trainSteps = num(tree.get('trainer.train_steps'));
  if (trainSteps !== undefined) params.train_steps = trainSteps;
  const length =
    trainSteps !== undefined && trainSteps > 0
      ? stepLength(trainSteps, `trainer.train_steps: ${trainSteps}`)
      : assumedLength('trainer.train_steps is not set in this file', assumptions);

  const lrValues = Array.isArray(params.values) ? (params.values as unknown[]) : [];
  const constant = lrType === 'constant' || (lrType === 'stepwise' && lrValues.length > 0 && lrValues.every((v) => v === lrValues[0]));
  const optimizerType = tree.get(`${OC}.optimizer.type`);
  if (typeof optimizerType !== 'string') assumptions.push("no `optimizer` block: the experiment's Python default optimizer applies");
  const optimizerName = typeof optimizerType === 'string' ? optimizerType : 'experiment default';
  const optBlock = `${OC}.optimizer.${optimizerName}`;
  const plan = buildPlan('tf-model-garden', input, tree, {
    optimizer: {
      name: optimizerName,
      ...(typeof optimizerType === 'string' ? {} : { family: 'other' as const }),
      beta1: num(tree.get(`${optBlock}.beta_1`)) ?? TF_MODEL_GARDEN_DEFAULTS.beta_1,
      beta2: num(tree.get(`${optBlock}.beta_2`)) ?? TF_MODEL_GARDEN_DEFAULTS.beta_2,
      epsilon: num(tree.get(`${optBlock}.epsilon`)) ?? TF_MODEL_GARDEN_DEFAULTS.epsilon,
      weightDecay: num(tree.get(`${optBlock}.weight_decay_rate`)),
    },
    baseLr,
    schedule: {
      framework: 'tf-model-garden',
      name: lrType,
      params,
      explicit: tree.has(`${OC}.learning_rate.type`),
      constantAfterWarmup: constant,
      validationDriven: false,
    },
    warmup: { steps: Math.min(warmupSteps, length.steps) },
    length,
    sources: {
      baseLr: lrPath,
      schedule: `${OC}.learning_rate.type`,
      warmup: warmupBlock ? `${warmupBlock}.warmup_steps` : undefined,
      length: 'trainer.train_steps',
      optimizer: `${OC}.optimizer.type`,
      beta1: `${optBlock}.beta_1`,
      beta2: `${optBlock}.beta_2`,
      epsilon: `${optBlock}.epsilon`,
    },
    assumptions,
  });
  return { plan, findings: [] };
}

export const tfModelGardenDialect: Dialect = {
  id: 'tf-model-garden',
  name: 'TF Model Garden',
  recognize,
  fileNameHints: [/configs\/experiments\//],
  extract,
  decayEdits: tfModelGardenDecayEdits,
  writesDecayHorizon: true,
};
