/**
 * LightningCLI / jsonargparse configs (`trainer:`/`model:`/`data:` with `class_path` + `init_args`, top-level
 * `optimizer:` / `lr_scheduler:`), including terratorch's task-level optimizer. litgpt recipes (`train:` block, no
 * `trainer:`) are the `litgpt` dialect's.
 * Defaults (Lightning-AI/pytorch-lightning src/lightning/pytorch/cli.py, trainer/trainer.py; trainer.py at
 * commit 000699b5): no `lr_scheduler` → the LR stays constant; CLI schedulers are stepped once per epoch
 * (interval='epoch'); `trainer.max_epochs` defaults to 1000 when neither it nor `max_steps` is set; torch
 * optimizer defaults (Adam/AdamW lr 1e-3, betas (0.9, 0.999), eps 1e-8).
 * A model that takes its optimizer and scheduler as injected callables (`model.init_args.optimizer: {class_path,
 * init_args}`, LightningCLI's OptimizerCallable / LRSchedulerCallable) builds and steps them in its own
 * configure_optimizers: the scheduler is drawn at Lightning's default interval (once per epoch), and without an
 * injected scheduler the module's own default is not in the file, so no schedule is claimed.
 */
import * as z from '../../plan/zod';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { integerSetting, numberSetting } from '../../dialects/numbers';
import { betasSetting } from '../../dialects/numberLists';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan, shortClassName, type PlanDraft } from '../../dialects/planBuilder';
import { coerceParams, NO_SCHEDULER, torchOptimizer, torchSchedulerTraits } from '../../dialects/torchDefaults';
import { ASSUMED_STEPS_PER_EPOCH, givenStepsPerEpoch, type PlanLength } from '../../dialects/trainingLength';
import { lightningDecayEdits } from './decayFix';
import { numberValue } from '../torch/torchParams';
import { dumpMarks, fitSubcommand } from './printConfigDump';
import { isRecord } from '../../dialects/plainObjects';
import type { Finding } from '../../analysis/finding';

export const LIGHTNING_DEFAULTS = {
  /** torch.optim.Adam / AdamW default lr. */
  lr: 1e-3,
  /** Trainer max_epochs when neither max_epochs nor max_steps is given. */
  max_epochs: 1000,
  /** No lr_scheduler → constant LR. */
  scheduler: null,
} as const;

const lr = numberSetting('must be a number (the learning rate, e.g. 1e-4)').check(
  z.refine((v) => v > 0, { error: 'must be greater than 0' }),
);

/** An optimizer injected into the model (LightningCLI's OptimizerCallable). */
const INJECTED = 'model.init_args.optimizer';

const SETTINGS = {
  'optimizer.class_path': z.string({ error: 'must be an optimizer class such as torch.optim.AdamW' }),
  'optimizer.init_args.lr': lr,
  'optimizer.init_args.betas': betasSetting(),
  'optimizer.init_args.eps': numberSetting('must be a number (e.g. 1e-8)').check(
    z.refine((v) => v > 0, { error: 'must be greater than 0' }),
  ),
  'optimizer.init_args.weight_decay': numberSetting('must be a number (e.g. 0.01)'),
  'lr_scheduler.class_path': z.string({ error: 'must be a scheduler class such as torch.optim.lr_scheduler.CosineAnnealingLR' }),
  'model.init_args.optimizer': z.union([z.string(), z.record(z.string(), z.unknown())], {
    error: 'must be an optimizer class name, or a class_path with init_args',
  }),
  'model.init_args.lr': lr,
  'model.init_args.scheduler': z.union([z.string(), z.record(z.string(), z.unknown())], {
    error: 'must be a scheduler class name, or a class_path with init_args',
  }),
  [`${INJECTED}.class_path`]: z.string({ error: 'must be an optimizer class such as torch.optim.AdamW' }),
  [`${INJECTED}.init_args.lr`]: lr,
  [`${INJECTED}.init_args.betas`]: betasSetting(),
  [`${INJECTED}.init_args.eps`]: numberSetting('must be a number (e.g. 1e-8)').check(
    z.refine((v) => v > 0, { error: 'must be greater than 0' }),
  ),
  [`${INJECTED}.init_args.weight_decay`]: numberSetting('must be a number (e.g. 0.01)'),
  'model.init_args.scheduler.class_path': z.string({
    error: 'must be a scheduler class such as torch.optim.lr_scheduler.CosineAnnealingLR',
  }),
  'trainer.max_epochs': z.nullable(integerSetting('must be a whole number of epochs (-1 for no limit)')),
  'trainer.max_steps': z.nullable(integerSetting('must be a whole number of steps (-1 for no limit)')),
};

function classPathAt(tree: ConfigTree, key: string): boolean {
  return typeof tree.get(`${key}.class_path`) === 'string';
}

function recognize(whole: DialectInput): Recognition | null {
  const input = fitSubcommand(whole);
  const keys = topLevelKeys(input.document);
  if (keys.has('_target_') || keys.has('hydra') || keys.has('defaults')) return null;
  const tree = new ConfigTree(input.document, { interpolate: false });
  const withClassPath = ['trainer', 'model', 'data', 'optimizer', 'lr_scheduler'].filter((k) => classPathAt(tree, k));
  // A litgpt recipe (its `train:` block and no `trainer:`) is the litgpt dialect's.
  const litgpt = tree.keys('train').some((k) => ['lr_warmup_steps', 'lr_warmup_fraction', 'max_tokens', 'global_batch_size'].includes(k));
  if (litgpt && !keys.has('trainer')) return null;
  let confidence = 0.3 * withClassPath.length + (keys.has('seed_everything') ? 0.2 : 0);
  if (classPathAt(tree, 'optimizer') || classPathAt(tree, 'lr_scheduler') || classPathAt(tree, INJECTED)) confidence += 0.2;
  // A `--print_config` dump whose model class is fixed in code has no model.class_path (lightningDump.ts).
  const dump = dumpMarks(input, input !== whole);
  confidence = Math.max(confidence, dump.confidence);
  if (confidence < 0.5) return null;
  const what = [...withClassPath.map((k) => `${k}.class_path`), ...(withClassPath.length ? [] : dump.what)];
  return { confidence: Math.min(0.95, confidence), reason: `LightningCLI config: ${what.slice(0, 4).join(', ')}` };
}

function extract(whole: DialectInput): Extraction {
  const input = fitSubcommand(whole);
  const tree = new ConfigTree(input.document, { interpolate: true });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  // A value the framework would reject: report it, and judge no plan built on defaults standing in for it.
  if (findings.length > 0) return { findings };
  const num = (key: string): number | undefined => numberValue(values, key);
  const assumptions: string[] = [];

  // The optimizer: top-level `optimizer:` (LightningCLI) or the task's own arguments (terratorch).
  const taskLevel = !tree.has('optimizer') && (tree.has('model.init_args.optimizer') || tree.has('model.init_args.lr'));
  if (taskLevel && isRecord(tree.get(INJECTED))) return injectedCallables(input, tree, values, findings);
  const optimizerClass = taskLevel
    ? (values['model.init_args.optimizer'] as string | undefined)
    : (values['optimizer.class_path'] as string | undefined);
  if (!optimizerClass && !taskLevel) return { findings };
  const optimizerName = shortClassName(optimizerClass ?? 'Adam');
  const lrPath = taskLevel ? 'model.init_args.lr' : 'optimizer.init_args.lr';
  if (tree.isUnknown(lrPath)) return { findings };
  if (tree.has(lrPath) && num(lrPath) === undefined) return { findings };
  const baseLr = num(lrPath) ?? LIGHTNING_DEFAULTS.lr;
  if (!tree.has(lrPath)) assumptions.push(`learning rate ${LIGHTNING_DEFAULTS.lr} (torch's default for ${optimizerName})`);
  const optimizer = torchOptimizer(optimizerName, {
    betas: values['optimizer.init_args.betas'] as [number, number] | undefined,
    eps: num('optimizer.init_args.eps'),
    weightDecay: num('optimizer.init_args.weight_decay'),
  });
  const sources: PlanDraft['sources'] = {
    baseLr: lrPath,
    optimizer: taskLevel ? 'model.init_args.optimizer' : 'optimizer.class_path',
    beta1: 'optimizer.init_args.betas',
    beta2: 'optimizer.init_args.betas',
    epsilon: 'optimizer.init_args.eps',
  };

  const taskScheduler = values['model.init_args.scheduler'];
  // An injected scheduler beside a task-level optimizer name: stepped by code this file does not show.
  if (taskLevel && taskScheduler !== undefined && typeof taskScheduler !== 'string') return { findings };
  const schedulerClass = taskLevel ? (taskScheduler as string | undefined) : (values['lr_scheduler.class_path'] as string | undefined);
  const length = epochIntervalLength(input, values, assumptions);
  let schedule: PlanDraft['schedule'];
  if (!schedulerClass) {
    schedule = { ...NO_SCHEDULER };
  } else {
    const name = shortClassName(schedulerClass);
    const params = coerceParams(taskLevel ? tree.get('model.init_args.scheduler_hparams') : tree.get('lr_scheduler.init_args'));
    schedule = { framework: 'pytorch', name, params, explicit: true, ...torchSchedulerTraits(name, params) };
    sources.schedule = taskLevel ? 'model.init_args.scheduler' : 'lr_scheduler.class_path';
  }
  sources.length = tree.has('trainer.max_epochs') ? 'trainer.max_epochs' : 'trainer.max_steps';
  const plan = buildPlan('lightning', input, tree, { optimizer, baseLr, schedule, warmup: { steps: 0 }, length, sources, assumptions });
  return { plan, findings };
}

/** An optimizer (and scheduler) the model receives as callables and builds in its own configure_optimizers. */
function injectedCallables(input: DialectInput, tree: ConfigTree, values: Record<string, unknown>, findings: Finding[]): Extraction {
  const optimizerClass = values[`${INJECTED}.class_path`] as string | undefined;
  const schedulerClass = values['model.init_args.scheduler.class_path'] as string | undefined;
  // Without an injected scheduler the module's default (in its code) runs: no schedule can be claimed from the file.
  if (!optimizerClass || !schedulerClass) return { findings };
  const lrPath = `${INJECTED}.init_args.lr`;
  if (tree.isUnknown(lrPath)) return { findings };
  const num = (key: string): number | undefined => numberValue(values, key);
  const assumptions: string[] = [];
  const optimizerName = shortClassName(optimizerClass);
  const baseLr = num(lrPath) ?? LIGHTNING_DEFAULTS.lr;
  if (!tree.has(lrPath)) assumptions.push(`learning rate ${LIGHTNING_DEFAULTS.lr} (torch's default for ${optimizerName})`);
  assumptions.push("the model's configure_optimizers steps the injected scheduler: drawn once per epoch, Lightning's default interval");
  const name = shortClassName(schedulerClass);
  const params = coerceParams(tree.get('model.init_args.scheduler.init_args'));
  const plan = buildPlan('lightning', input, tree, {
    optimizer: torchOptimizer(optimizerName, {
      betas: values[`${INJECTED}.init_args.betas`] as [number, number] | undefined,
      eps: num(`${INJECTED}.init_args.eps`),
      weightDecay: num(`${INJECTED}.init_args.weight_decay`),
    }),
    baseLr,
    schedule: { framework: 'pytorch', name, params, explicit: true, ...torchSchedulerTraits(name, params) },
    warmup: { steps: 0 },
    length: epochIntervalLength(input, values, assumptions),
    sources: {
      baseLr: lrPath,
      optimizer: `${INJECTED}.class_path`,
      schedule: 'model.init_args.scheduler.class_path',
      beta1: `${INJECTED}.init_args.betas`,
      beta2: `${INJECTED}.init_args.betas`,
      epsilon: `${INJECTED}.init_args.eps`,
      length: tree.has('trainer.max_epochs') ? 'trainer.max_epochs' : 'trainer.max_steps',
    },
    assumptions,
  });
  return { plan, findings };
}

/** LightningCLI steps its scheduler once per epoch: the schedule's length is the number of epochs. */
function epochIntervalLength(input: DialectInput, values: Record<string, unknown>, assumptions: string[]): PlanLength {
  const maxEpochs = values['trainer.max_epochs'] as number | null | undefined;
  const maxSteps = values['trainer.max_steps'] as number | null | undefined;
  if (typeof maxEpochs === 'number' && maxEpochs > 0) {
    return {
      steps: maxEpochs,
      unit: 'epoch',
      epochs: maxEpochs,
      assumed: false,
      basis: `trainer.max_epochs: ${maxEpochs} (scheduler stepped once per epoch)`,
    };
  }
  if (typeof maxSteps === 'number' && maxSteps > 0) {
    const perEpoch = givenStepsPerEpoch(input) ?? ASSUMED_STEPS_PER_EPOCH;
    const epochs = Math.max(1, Math.ceil(maxSteps / perEpoch));
    if (givenStepsPerEpoch(input) === undefined)
      assumptions.push(`${ASSUMED_STEPS_PER_EPOCH} optimizer steps per epoch to turn trainer.max_steps into epochs`);
    return {
      steps: epochs,
      unit: 'epoch',
      epochs,
      stepsPerEpoch: perEpoch,
      assumed: givenStepsPerEpoch(input) === undefined,
      basis: `trainer.max_steps: ${maxSteps} ÷ ${perEpoch} steps per epoch`,
    };
  }
  const epochs = LIGHTNING_DEFAULTS.max_epochs;
  return { steps: epochs, unit: 'epoch', epochs, assumed: false, basis: `trainer.max_epochs: ${epochs} (Lightning's default)` };
}

export const lightningDialect: Dialect = {
  id: 'lightning',
  name: 'Lightning CLI',
  recognize,
  fileNameHints: [/lightning/i],
  extract,
  decayEdits: (input, plan, family) => lightningDecayEdits(fitSubcommand(input), plan, family),
  writesDecayHorizon: true,
};
