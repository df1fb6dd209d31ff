/**
 * NeMo configs whose optimizer and scheduler are Hydra `_target_` objects rather than `model.optim` with `sched`:
 *
 * - speechlm2 (NVIDIA/NeMo nemo/collections/speechlm2/parts/optim_setup.py `configure_optimizers`
 *   @8cfedd7203462cb251a914e700e5605444277561): `model.optimizer` is instantiated with the parameters,
 *   `model.lr_scheduler` (optional) with the optimizer, and stepped with `interval: step`; nothing is copied from
 *   the trainer, so the scheduler's `max_steps` is what the file says (usually `${trainer.max_steps}`). Without
 *   `model.lr_scheduler` the LR stays constant.
 * - NeMo 2.0 (nemo/lightning/pytorch/optim/megatron.py, lr_scheduler.py, same commit): `optim: {_target_:
 *   nemo.lightning.MegatronOptimizerModule, config: {lr, optimizer, weight_decay, adam_beta1, adam_beta2, adam_eps},
 *   lr_scheduler: {_target_: nemo.lightning.pytorch.optim.CosineAnnealingScheduler, ...}}`. The config is Megatron's
 *   OptimizerConfig (NVIDIA/Megatron-LM megatron/core/optimizer/optimizer_config.py
 *   @0075637cdbb05f45fe6f7a96e008d64237698907: optimizer adam, weight_decay 0.01, betas 0.9/0.999, eps 1e-8).
 *   CosineAnnealingScheduler passes its own defaults (max_steps 10, warmup_steps 750, constant_steps 80000,
 *   min_lr 6e-5) to NeMo's CosineAnnealing and is stepped every optimizer step. Other wrappers are recognized but
 *   not drawn.
 */
import * as z from '../../plan/zod';
import type { DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree } from '../../dialects/configTree';
import { integerSetting, numberSetting } from '../../dialects/numbers';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan, shortClassName, type PlanDraft } from '../../dialects/planBuilder';
import { coerceParams, NO_SCHEDULER, torchOptimizer, torchSchedulerTraits } from '../../dialects/torchDefaults';
import { trainerLength } from './trainerLength';
import { numberValue } from '../torch/torchParams';

export type TargetLayout = 'speechlm2' | 'nemo2';

const MEGATRON_OPTIMIZER_DEFAULTS = { optimizer: 'adam', weight_decay: 0.01, adam_beta1: 0.9, adam_beta2: 0.999, adam_eps: 1e-8 };

/** NeMo 2.0 scheduler wrappers whose defaults are encoded: wrapper → NeMo scheduler and the defaults it passes. */
const NEMO2_SCHEDULERS: Record<string, { name: string; defaults: Record<string, number> }> = {
  CosineAnnealingScheduler: {
    name: 'CosineAnnealing',
    defaults: { max_steps: 10, warmup_steps: 750, constant_steps: 80000, min_lr: 6e-5 },
  },
};

interface Paths {
  optimizer: string;
  lr: string;
  scheduler: string;
}

const PATHS: Record<TargetLayout, Paths> = {
  speechlm2: { optimizer: 'model.optimizer', lr: 'model.optimizer.lr', scheduler: 'model.lr_scheduler' },
  nemo2: { optimizer: 'optim.config', lr: 'optim.config.lr', scheduler: 'optim.lr_scheduler' },
};

const positive = (what: string) => numberSetting(what).check(z.refine((v) => v > 0, { error: 'must be greater than 0' }));
const steps = (what: string) => z.nullable(integerSetting(what).check(z.refine((v) => v >= 0, { error: 'must not be negative' })));

function settingsOf(paths: Paths) {
  return {
    [paths.lr]: positive('must be a number (the learning rate)'),
    [`${paths.scheduler}._target_`]: z.string({ error: 'must be a scheduler class path' }),
    [`${paths.scheduler}.warmup_steps`]: steps('must be a whole number of steps'),
    [`${paths.scheduler}.constant_steps`]: steps('must be a whole number of steps'),
    [`${paths.scheduler}.max_steps`]: steps('must be a whole number of steps'),
    [`${paths.scheduler}.min_lr`]: z.nullable(numberSetting('must be a number (the final learning rate)')),
    'trainer.max_steps': z.nullable(integerSetting('must be a whole number of steps (-1: computed from max_epochs)')),
    'trainer.max_epochs': z.nullable(integerSetting('must be a whole number of epochs (-1 for no limit)')),
  };
}

function stringAt(tree: ConfigTree, path: string): string | undefined {
  const value = tree.get(path);
  return typeof value === 'string' ? value : undefined;
}

/** The `_target_` layout of a NeMo config, or null. */
export function targetLayoutOf(tree: ConfigTree): TargetLayout | null {
  const optimTarget = stringAt(tree, 'optim._target_');
  if (optimTarget && /^nemo\.lightning\.(pytorch\.optim\.)?\w*OptimizerModule$/.test(optimTarget) && tree.has('optim.config.lr'))
    return 'nemo2';
  const optimizerTarget = stringAt(tree, 'model.optimizer._target_');
  if (optimizerTarget && tree.has('model.optimizer.lr') && tree.has('trainer')) {
    const schedulerTarget = stringAt(tree, 'model.lr_scheduler._target_') ?? '';
    if (schedulerTarget.startsWith('nemo.') || tree.has('exp_manager')) return 'speechlm2';
  }
  return null;
}

export function recognizeTargetLayout(tree: ConfigTree): Recognition | null {
  const layout = targetLayoutOf(tree);
  if (layout === 'nemo2') return { confidence: 0.9, reason: 'NeMo 2.0 `optim` (MegatronOptimizerModule)' };
  if (layout === 'speechlm2') return { confidence: 0.85, reason: 'NeMo `model.optimizer` / `model.lr_scheduler` with `_target_`' };
  return null;
}

export function extractTargetLayout(input: DialectInput, layout: TargetLayout): Extraction {
  const paths = PATHS[layout];
  const tree = new ConfigTree(input.document, {
    interpolate: true,
    compose: { fileName: input.fileName, readFile: input.settings.readFile },
  });
  const settings = settingsOf(paths);
  const { values, findings } = readSettings(tree.entries(Object.keys(settings)), settings);
  if (findings.length > 0) return { findings };
  const num = (key: string): number | undefined => numberValue(values, key);
  const baseLr = num(paths.lr);
  if (baseLr === undefined) return { findings };
  const assumptions: string[] = [];

  const { length, lengthPath } = trainerLength(num, input, assumptions);

  const target = values[`${paths.scheduler}._target_`] as string | undefined;
  let schedule: PlanDraft['schedule'];
  let warmup: PlanDraft['warmup'] = { steps: 0 };
  let warmupPath: string | undefined;
  if (!tree.has(paths.scheduler)) {
    schedule = { ...NO_SCHEDULER };
  } else {
    const params = coerceParams(tree.get(paths.scheduler), ['_target_', 'interval', 'frequency', 'monitor']);
    const className = target ? shortClassName(target) : 'unknown';
    let name = className;
    if (layout === 'nemo2') {
      const wrapper = NEMO2_SCHEDULERS[className];
      if (wrapper) {
        name = wrapper.name;
        for (const [key, value] of Object.entries(wrapper.defaults)) {
          if (params[key] === undefined || params[key] === null) params[key] = value;
        }
      }
    }
    const warmupSteps = numberValue(params as Record<string, unknown>, 'warmup_steps');
    if (warmupSteps !== undefined) {
      warmup = { steps: warmupSteps };
      warmupPath = `${paths.scheduler}.warmup_steps`;
    }
    const torchTraits = torchSchedulerTraits(name, params);
    const minLr = numberValue(params as Record<string, unknown>, 'min_lr');
    schedule = {
      framework: 'nemo',
      name,
      params,
      explicit: true,
      constantAfterWarmup:
        ['WarmupPolicy', 'WarmupHoldPolicy'].includes(name) ||
        torchTraits.constantAfterWarmup ||
        (name === 'CosineAnnealing' && minLr !== undefined && minLr >= baseLr),
      validationDriven: torchTraits.validationDriven,
    };
  }

  const optimizerBlock = coerceParams(tree.get(paths.optimizer));
  let optimizer: PlanDraft['optimizer'];
  if (layout === 'nemo2') {
    const d = MEGATRON_OPTIMIZER_DEFAULTS;
    optimizer = {
      name: stringAt(tree, 'optim.config.optimizer') ?? d.optimizer,
      beta1: numberValue(optimizerBlock, 'adam_beta1') ?? d.adam_beta1,
      beta2: numberValue(optimizerBlock, 'adam_beta2') ?? d.adam_beta2,
      epsilon: numberValue(optimizerBlock, 'adam_eps') ?? d.adam_eps,
      weightDecay: numberValue(optimizerBlock, 'weight_decay') ?? d.weight_decay,
    };
  } else {
    // A torch optimizer class: torch's own defaults (AdamW: weight_decay 0.01).
    const name = shortClassName(stringAt(tree, 'model.optimizer._target_') ?? 'Adam');
    optimizer = torchOptimizer(name, {
      betas: Array.isArray(optimizerBlock.betas) ? optimizerBlock.betas.map(Number) : undefined,
      eps: numberValue(optimizerBlock, 'eps'),
      weightDecay: numberValue(optimizerBlock, 'weight_decay'),
    });
  }
  const plan = buildPlan('nemo', input, tree, {
    optimizer,
    baseLr,
    schedule,
    warmup,
    length,
    sources: {
      baseLr: paths.lr,
      schedule: target ? `${paths.scheduler}._target_` : undefined,
      warmup: warmupPath,
      length: lengthPath,
      optimizer: layout === 'nemo2' ? 'optim.config.optimizer' : `${paths.optimizer}._target_`,
    },
    assumptions,
  });
  return { plan, findings };
}
