/**
 * detectron2 yacs configs (`configs/`, `projects/<name>/configs/`): UPPER-CASE sections, `_BASE_` chains.
 * Defaults (facebookresearch/detectron2 detectron2/config/defaults.py, solver/build.py; commit 02b5c4e295e9):
 * SOLVER.LR_SCHEDULER_NAME WarmupMultiStepLR, BASE_LR 0.001, MAX_ITER 40000, STEPS (30000,), GAMMA 0.1,
 * WARMUP_ITERS 1000, WARMUP_FACTOR 0.001, WARMUP_METHOD linear, MOMENTUM 0.9, WEIGHT_DECAY 1e-4, SGD (projects
 * may set SOLVER.OPTIMIZER). The `_BASE_` chain is followed through the injected reader (`baseChain.ts`), this
 * file's values over its bases'; without a reader, or where the chain cannot be read, the plan says which values
 * may come from the unread file.
 */
import * as z from '../../plan/zod';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { integerSetting, numberSetting } from '../../dialects/numbers';
import { numberListSetting } from '../../dialects/numberLists';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan } from '../../dialects/planBuilder';
import { stepLength } from '../../dialects/trainingLength';
import { detectron2DecayEdits } from './decayFix';

export const DETECTRON2_DEFAULTS = {
  LR_SCHEDULER_NAME: 'WarmupMultiStepLR',
  BASE_LR: 0.001,
  BASE_LR_END: 0,
  MAX_ITER: 40000,
  STEPS: [30000],
  GAMMA: 0.1,
  WARMUP_ITERS: 1000,
  WARMUP_FACTOR: 0.001,
  WARMUP_METHOD: 'linear',
  MOMENTUM: 0.9,
  WEIGHT_DECAY: 1e-4,
  OPTIMIZER: 'SGD',
} as const;

const SECTIONS = ['MODEL', 'SOLVER', 'INPUT', 'DATASETS', 'DATALOADER', 'TEST', 'OUTPUT_DIR', 'VERSION', '_BASE_'];

const S = 'SOLVER';
const SETTINGS = {
  [`${S}.BASE_LR`]: numberSetting('must be a number (the base learning rate)').check(
    z.refine((v) => v > 0, { error: 'must be greater than 0' }),
  ),
  [`${S}.BASE_LR_END`]: numberSetting('must be a number'),
  [`${S}.MAX_ITER`]: integerSetting('must be a whole number of iterations').check(
    z.refine((v) => v > 0, { error: 'must be greater than 0' }),
  ),
  [`${S}.STEPS`]: numberListSetting('must be a list of iterations, e.g. (210000, 250000)'),
  [`${S}.GAMMA`]: numberSetting('must be a number (the decay factor at each step)'),
  [`${S}.WARMUP_ITERS`]: integerSetting('must be a whole number of iterations').check(
    z.refine((v) => v >= 0, { error: 'must not be negative' }),
  ),
  [`${S}.WARMUP_FACTOR`]: numberSetting('must be a number'),
  [`${S}.WARMUP_METHOD`]: z.string({ error: 'must be linear or constant' }),
  [`${S}.LR_SCHEDULER_NAME`]: z.string({ error: 'must be a scheduler name such as WarmupMultiStepLR' }),
  [`${S}.MOMENTUM`]: numberSetting('must be a number'),
  [`${S}.WEIGHT_DECAY`]: numberSetting('must be a number'),
  [`${S}.OPTIMIZER`]: z.string({ error: 'must be an optimizer name' }),
  [`${S}.POLY_LR_POWER`]: numberSetting('must be a number'),
  [`${S}.POLY_LR_CONSTANT_ENDING`]: numberSetting('must be a number'),
  [`${S}.NUM_DECAYS`]: integerSetting('must be a whole number'),
};

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  const hits = SECTIONS.filter((k) => keys.has(k));
  if (hits.length < 2 && !(keys.has('SOLVER') && hits.length === 1)) return null;
  // Training keys: a SOLVER section, here or in a `_BASE_` file; an inference-only config has neither.
  if (!keys.has('SOLVER') && !keys.has('_BASE_')) return null;
  return { confidence: Math.min(0.95, 0.45 + 0.12 * hits.length), reason: `detectron2 sections: ${hits.slice(0, 4).join(', ')}` };
}

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, {
    interpolate: false,
    base: { fileName: input.fileName, readFile: input.settings.readFile },
  });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  // A value detectron2 would reject: no plan, so no rule judges the defaults that would stand in for it.
  if (findings.length > 0) return { findings };
  const get = <K extends keyof typeof DETECTRON2_DEFAULTS>(key: K) =>
    (values[`${S}.${key}`] as (typeof DETECTRON2_DEFAULTS)[K] | undefined) ?? DETECTRON2_DEFAULTS[key];
  const assumptions: string[] = [];
  const base = tree.get('_BASE_');
  const missing = (['BASE_LR', 'MAX_ITER', 'STEPS', 'LR_SCHEDULER_NAME'] as const).filter((k) => !tree.has(`${S}.${k}`));
  if (missing.length > 0) {
    const chain = tree.composition;
    const unread = chain ? chain.unresolved?.[0] : typeof base === 'string' ? base : undefined;
    assumptions.push(
      `${missing.map((k) => `SOLVER.${k}`).join(', ')} ${
        unread !== undefined
          ? `may be set in \`_BASE_\` ${chain?.groups.length ? `chain at ${unread}` : `\`${unread}\``} (not read); detectron2's defaults are shown`
          : chain?.groups.length
            ? "not set anywhere in the `_BASE_` chain: detectron2's defaults"
            : "take detectron2's defaults"
      }`,
    );
  }
  const name = get('LR_SCHEDULER_NAME') as string;
  const maxIter = get('MAX_ITER') as number;
  const steps = get('STEPS') as readonly number[];
  const gamma = get('GAMMA') as number;
  const warmupIters = get('WARMUP_ITERS') as number;
  const params: Record<string, unknown> = {
    STEPS: [...steps],
    GAMMA: gamma,
    MAX_ITER: maxIter,
    WARMUP_ITERS: warmupIters,
    WARMUP_FACTOR: get('WARMUP_FACTOR'),
    WARMUP_METHOD: get('WARMUP_METHOD'),
    BASE_LR_END: get('BASE_LR_END'),
  };
  for (const key of ['POLY_LR_POWER', 'POLY_LR_CONSTANT_ENDING', 'NUM_DECAYS'])
    if (values[`${S}.${key}`] !== undefined) params[key] = values[`${S}.${key}`];
  const liveSteps = steps.filter((s) => s < maxIter);
  const constant = name === 'WarmupMultiStepLR' && (gamma === 1 || liveSteps.length === 0);
  const optimizerName = (get('OPTIMIZER') as string).toUpperCase() === 'ADAM' ? 'Adam' : (get('OPTIMIZER') as string);
  const plan = buildPlan('detectron2', input, tree, {
    optimizer: { name: optimizerName, weightDecay: get('WEIGHT_DECAY') as number },
    baseLr: get('BASE_LR') as number,
    schedule: {
      framework: 'detectron2',
      name,
      params,
      explicit: tree.has(`${S}.LR_SCHEDULER_NAME`) || tree.has(`${S}.STEPS`),
      constantAfterWarmup: constant,
      validationDriven: false,
    },
    warmup: { steps: Math.min(warmupIters, maxIter) },
    length: stepLength(maxIter, `SOLVER.MAX_ITER: ${maxIter}${tree.has(`${S}.MAX_ITER`) ? '' : ' (default)'}`),
    sources: {
      baseLr: `${S}.BASE_LR`,
      schedule: tree.has(`${S}.LR_SCHEDULER_NAME`) ? `${S}.LR_SCHEDULER_NAME` : `${S}.STEPS`,
      warmup: `${S}.WARMUP_ITERS`,
      length: `${S}.MAX_ITER`,
      optimizer: `${S}.OPTIMIZER`,
    },
    assumptions,
  });
  return { plan, findings };
}

export const detectron2Dialect: Dialect = {
  id: 'detectron2',
  name: 'detectron2',
  recognize,
  fileNameHints: [/(^|\/)Base-[^/]+\.yaml$/, /detectron2/i],
  extract,
  decayEdits: detectron2DecayEdits,
};
