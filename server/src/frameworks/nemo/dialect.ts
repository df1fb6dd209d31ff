/**
 * NVIDIA NeMo (1.x) Hydra configs: `model.optim` with `name` (or `_target_`), `lr`, `betas`, `sched`, and a
 * Lightning `trainer:`. Defaults (NVIDIA/NeMo nemo/core/optim/lr_scheduler.py, optimizers.py,
 * nemo/core/classes/modelPT.py `setup_optimization`): no `sched` → no scheduler (constant
 * LR); schedulers step once per optimizer step; `trainer.max_steps` (> 0) overrides any `sched.max_steps`,
 * otherwise it is computed from `trainer.max_epochs` and the dataset; warmup = `warmup_steps` or
 * int(`warmup_ratio` × max_steps); Adam-family betas (0.9, 0.999), eps 1e-8; novograd betas (0.95, 0.98).
 * With Noam schedules `lr` is a scale factor, not a learning rate. NeMo 2.0 `optim` and speechlm2
 * `model.optimizer` / `model.lr_scheduler` (`_target_` objects) are read by targetLayouts.ts.
 */
import * as z from '../../plan/zod';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree } from '../../dialects/configTree';
import { integerSetting, numberSetting } from '../../dialects/numbers';
import { betasSetting } from '../../dialects/numberLists';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan, shortClassName, type PlanDraft } from '../../dialects/planBuilder';
import { coerceParams, NO_SCHEDULER, torchSchedulerTraits } from '../../dialects/torchDefaults';
import { trainerLength } from './trainerLength';
import { nemoDecayEdits } from './decayFix';
import { numberValue } from '../torch/torchParams';
import { extractTargetLayout, recognizeTargetLayout, targetLayoutOf } from './targetLayouts';

export const NEMO_DEFAULTS = {
  betas: { adam: [0.9, 0.999], novograd: [0.95, 0.98] },
  eps: 1e-8,
  weight_decay: 0,
  /** No `sched` → constant LR. */
  sched: null,
} as const;

/** Schedulers NeMo steps once per epoch (nemo/core/optim/lr_scheduler.py EPOCH_SCHEDULERS). */
const EPOCH_SCHEDULERS = ['ExponentialLR', 'ReduceLROnPlateau'];

/** NeMo schedulers that hold the LR after warmup. */
const CONSTANT_AFTER_WARMUP = ['WarmupPolicy', 'WarmupHoldPolicy'];

const OPTIM = 'model.optim';

const SETTINGS = {
  [`${OPTIM}.name`]: z.string({ error: 'must be an optimizer name such as adamw' }),
  [`${OPTIM}._target_`]: z.string({ error: 'must be an optimizer class path' }),
  [`${OPTIM}.lr`]: numberSetting('must be a number (the learning rate, or the scale factor for Noam schedules)').check(
    z.refine((v) => v > 0, { error: 'must be greater than 0' }),
  ),
  [`${OPTIM}.betas`]: betasSetting(),
  [`${OPTIM}.eps`]: numberSetting('must be a number (e.g. 1e-8)').check(z.refine((v) => v > 0, { error: 'must be greater than 0' })),
  [`${OPTIM}.weight_decay`]: numberSetting('must be a number (e.g. 0.01)'),
  [`${OPTIM}.sched.name`]: z.string({ error: 'must be a NeMo scheduler name such as CosineAnnealing' }),
  [`${OPTIM}.sched.warmup_steps`]: z.nullable(
    integerSetting('must be a whole number of steps').check(z.refine((v) => v >= 0, { error: 'must not be negative' })),
  ),
  [`${OPTIM}.sched.warmup_ratio`]: z.nullable(
    numberSetting('must be a fraction of training').check(z.refine((v) => v >= 0 && v <= 1, { error: 'must lie in [0, 1]' })),
  ),
  [`${OPTIM}.sched.max_steps`]: z.nullable(integerSetting('must be a whole number of steps')),
  [`${OPTIM}.sched.min_lr`]: z.nullable(numberSetting('must be a number (the final learning rate)')),
  'trainer.max_steps': z.nullable(integerSetting('must be a whole number of steps (-1: computed from max_epochs)')),
  'trainer.max_epochs': z.nullable(integerSetting('must be a whole number of epochs (-1 for no limit)')),
};

function tree0(input: DialectInput): ConfigTree {
  return new ConfigTree(input.document, { interpolate: false });
}

function recognize(input: DialectInput): Recognition | null {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const optim = tree.get(OPTIM);
  if (!optim || typeof optim !== 'object' || Array.isArray(optim)) return recognizeTargetLayout(tree);
  const hasOptimizer = tree.has(`${OPTIM}.name`) || tree.has(`${OPTIM}._target_`) || tree.has(`${OPTIM}.lr`);
  if (!hasOptimizer) return null;
  let confidence = 0.5 + (tree.has(`${OPTIM}.sched`) ? 0.1 : 0) + (tree.has('trainer') ? 0.15 : 0) + (tree.has('exp_manager') ? 0.2 : 0);
  if (tree.has('model.train_ds') || tree.has('model.validation_ds')) confidence += 0.1;
  return { confidence: Math.min(0.95, confidence), reason: `NeMo \`model.optim\`${tree.has('exp_manager') ? ' with exp_manager' : ''}` };
}

function extract(input: DialectInput): Extraction {
  const plain = tree0(input);
  const layout = plain.has(OPTIM) ? null : targetLayoutOf(plain);
  if (layout) return extractTargetLayout(input, layout);
  const tree = new ConfigTree(input.document, {
    interpolate: true,
    compose: { fileName: input.fileName, readFile: input.settings.readFile },
  });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  // A value the framework would reject: report it, and judge no plan built on defaults standing in for it.
  if (findings.length > 0) return { findings };
  const num = (key: string): number | undefined => numberValue(values, key);
  const baseLr = num(`${OPTIM}.lr`);
  if (baseLr === undefined) return { findings };
  const assumptions: string[] = [];

  const rawName =
    (values[`${OPTIM}.name`] as string | undefined) ?? shortClassName((values[`${OPTIM}._target_`] as string | undefined) ?? 'adam');
  const isNovograd = /novograd/i.test(rawName);
  const betas =
    (values[`${OPTIM}.betas`] as [number, number] | undefined) ?? (isNovograd ? NEMO_DEFAULTS.betas.novograd : NEMO_DEFAULTS.betas.adam);

  // Length: trainer.max_steps wins; else max_epochs × steps per epoch; else an explicit sched.max_steps.
  const maxSteps = num('trainer.max_steps');
  const maxEpochs = num('trainer.max_epochs');
  let { length, lengthPath } = trainerLength(num, input, assumptions, { path: `${OPTIM}.sched.max_steps`, label: 'sched.max_steps' });

  const schedName = values[`${OPTIM}.sched.name`] as string | undefined;
  let schedule: PlanDraft['schedule'];
  let warmup: PlanDraft['warmup'] = { steps: 0 };
  let warmupPath: string | undefined;
  if (!tree.has(`${OPTIM}.sched`) || !schedName) {
    schedule = { ...NO_SCHEDULER };
  } else {
    const params = coerceParams(tree.get(`${OPTIM}.sched`), ['name']);
    const warmupSteps = num(`${OPTIM}.sched.warmup_steps`);
    const warmupRatio = num(`${OPTIM}.sched.warmup_ratio`);
    if (warmupSteps !== undefined) {
      warmup = { steps: warmupSteps };
      warmupPath = `${OPTIM}.sched.warmup_steps`;
    } else if (warmupRatio !== undefined) {
      warmup = { steps: Math.floor(warmupRatio * length.steps), ratio: warmupRatio };
      warmupPath = `${OPTIM}.sched.warmup_ratio`;
    }
    // The scheduler runs to trainer.max_steps (NeMo writes it into sched.max_steps at run time).
    if (maxSteps !== undefined && maxSteps > 0) params.max_steps = maxSteps;
    if (maxEpochs !== undefined) params.max_epochs = maxEpochs;
    const minLr = num(`${OPTIM}.sched.min_lr`);
    // NeMo steps these torch schedulers once per epoch (EPOCH_SCHEDULERS), all others once per optimizer step.
    if (EPOCH_SCHEDULERS.includes(schedName)) {
      if (maxEpochs !== undefined && maxEpochs > 0) {
        length = {
          steps: maxEpochs,
          unit: 'epoch',
          epochs: maxEpochs,
          assumed: false,
          basis: `trainer.max_epochs: ${maxEpochs} (${schedName} is stepped once per epoch)`,
        };
        lengthPath = 'trainer.max_epochs';
      } else assumptions.push(`${schedName} is stepped once per epoch; the number of epochs is not known from this file`);
    }
    const torchTraits = torchSchedulerTraits(schedName, params);
    schedule = {
      framework: 'nemo',
      name: schedName,
      params,
      explicit: true,
      constantAfterWarmup:
        CONSTANT_AFTER_WARMUP.includes(schedName) ||
        torchTraits.constantAfterWarmup ||
        (schedName === 'CosineAnnealing' && minLr !== undefined && minLr >= baseLr),
      validationDriven: torchTraits.validationDriven,
    };
    if (/Noam/.test(schedName))
      assumptions.push('with Noam schedules `lr` is a scale factor: the peak LR is lr × d_model^-0.5 × warmup^-0.5');
  }

  const plan = buildPlan('nemo', input, tree, {
    optimizer: {
      name: rawName,
      beta1: betas[0],
      beta2: betas[1],
      epsilon: num(`${OPTIM}.eps`) ?? NEMO_DEFAULTS.eps,
      weightDecay: num(`${OPTIM}.weight_decay`) ?? NEMO_DEFAULTS.weight_decay,
    },
    baseLr,
    schedule,
    warmup,
    length,
    sources: {
      baseLr: `${OPTIM}.lr`,
      schedule: schedName ? `${OPTIM}.sched.name` : undefined,
      warmup: warmupPath,
      length: lengthPath,
      optimizer: tree.has(`${OPTIM}.name`) ? `${OPTIM}.name` : `${OPTIM}._target_`,
      beta1: `${OPTIM}.betas`,
      beta2: `${OPTIM}.betas`,
      epsilon: `${OPTIM}.eps`,
    },
    assumptions,
  });
  return { plan, findings };
}

export const nemoDialect: Dialect = {
  id: 'nemo',
  name: 'NVIDIA NeMo',
  recognize,
  fileNameHints: [/\/conf\/[^/]+\.ya?ml$/, /nemo/i],
  extract,
  decayEdits: nemoDecayEdits,
};
