/**
 * torchtune recipe configs (`recipes/configs/**`): objects built from `_component_` dotted paths.
 * Defaults (pytorch/torchtune recipes/full_finetune_*.py `_setup_lr_scheduler` at commit 01067f61):
 * no `lr_scheduler` key → no scheduler, the LR stays constant; T = epochs × steps per epoch (capped by
 * `max_steps_per_epoch`); RL recipes (PPO/GRPO) run `num_steps`. Optimizer defaults are torch's.
 */
import * as z from '../../plan/zod';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree } from '../../dialects/configTree';
import { numberSetting, integerSetting } from '../../dialects/numbers';
import { betasSetting } from '../../dialects/numberLists';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan, shortClassName } from '../../dialects/planBuilder';
import { coerceParams, NO_SCHEDULER, torchOptimizer, torchSchedulerTraits } from '../../dialects/torchDefaults';
import { assumedLength, epochLength, givenStepsPerEpoch, stepLength, type PlanLength } from '../../dialects/trainingLength';
import { torchtuneDecayEdits } from './decayFix';

export const TORCHTUNE_DEFAULTS = {
  /** No `lr_scheduler` → constant LR. */
  scheduler: null,
  epochs: 1,
} as const;

const SETTINGS = {
  'optimizer._component_': z.string({ error: 'must be an optimizer class path such as torch.optim.AdamW' }),
  'optimizer.lr': numberSetting('must be a number (the learning rate, e.g. 2e-5)').check(
    z.refine((v) => v > 0, { error: 'must be greater than 0' }),
  ),
  'optimizer.betas': betasSetting(),
  'optimizer.eps': numberSetting('must be a number (e.g. 1e-8)').check(z.refine((v) => v > 0, { error: 'must be greater than 0' })),
  'optimizer.weight_decay': numberSetting('must be a number (e.g. 0.01)'),
  'lr_scheduler._component_': z.string({ error: 'must be a scheduler class path' }),
  'lr_scheduler.num_warmup_steps': integerSetting('must be a whole number of steps').check(
    z.refine((v) => v >= 0, { error: 'must not be negative' }),
  ),
  epochs: numberSetting('must be a number of epochs').check(z.refine((v) => v > 0, { error: 'must be greater than 0' })),
  max_steps_per_epoch: z.union([z.null(), integerSetting('must be a whole number of steps or null')]),
  num_steps: integerSetting('must be a whole number of steps').check(z.refine((v) => v > 0, { error: 'must be greater than 0' })),
};

/**
 * What torchtune's training recipes read and its generate / eleuther_eval / quantize recipes do not: an optimizer,
 * a loss, a training length (`epochs`, `max_steps_per_epoch`, RL `num_steps`), a scheduler. A Hydra-style
 * `defaults:` list may supply them from other files. Source: pytorch/torchtune recipes/full_finetune_single_device.py
 * (commit 56bfafa9011fd4d8a0464fc01470af2b20228e31: cfg.optimizer, cfg.loss, cfg.epochs, cfg.max_steps_per_epoch) and
 * recipes/generate.py (commit 010eab0db449a7a147314eecc5e66633b7cf05ed: model, checkpointer, tokenizer, prompt only).
 */
function trainsInTorchtune(tree: ConfigTree): boolean {
  return ['optimizer', 'loss', 'epochs', 'max_steps_per_epoch', 'num_steps', 'lr_scheduler', 'defaults'].some((key) => tree.has(key));
}

function recognize(input: DialectInput): Recognition | null {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const components = tree.keys().filter((key) => {
    const component = tree.get(`${key}._component_`);
    return typeof component === 'string' && component.startsWith('torchtune.');
  });
  if (components.length === 0) return null;
  // Generation, evaluation and quantization configs build a model too: claim only files that train.
  if (!trainsInTorchtune(tree)) return null;
  return {
    confidence: Math.min(1, 0.75 + 0.05 * components.length),
    reason: `torchtune \`_component_\` paths in ${components.slice(0, 3).join(', ')}`,
  };
}

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, {
    interpolate: true,
    compose: { fileName: input.fileName, readFile: input.settings.readFile },
  });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  // A value the framework would reject: report it, and judge no plan built on defaults standing in for it.
  if (findings.length > 0) return { findings };
  const lr = values['optimizer.lr'] as number | undefined;
  if (lr === undefined) return { findings };
  const assumptions: string[] = [];

  const optimizerClass = (values['optimizer._component_'] as string | undefined) ?? 'torch.optim.AdamW';
  const optimizerName = shortClassName(optimizerClass);

  // Length: RL recipes count steps; the others epochs × steps per epoch (capped by max_steps_per_epoch).
  let length: PlanLength;
  let lengthPath: string | undefined;
  const numSteps = values.num_steps as number | undefined;
  const epochs = (values.epochs as number | undefined) ?? TORCHTUNE_DEFAULTS.epochs;
  const cap = values.max_steps_per_epoch as number | null | undefined;
  if (numSteps !== undefined) {
    length = stepLength(numSteps, `num_steps: ${numSteps}`);
    lengthPath = 'num_steps';
  } else if (tree.isUnknown('epochs')) {
    length = assumedLength('`epochs` is not known from this file', assumptions);
  } else if (typeof cap === 'number' && cap > 0 && givenStepsPerEpoch(input) === undefined) {
    assumptions.push(`each epoch reaches \`max_steps_per_epoch\` (${cap}); a smaller dataset ends epochs sooner`);
    length = {
      steps: Math.max(1, Math.ceil(epochs * cap)),
      unit: 'step',
      epochs,
      stepsPerEpoch: cap,
      assumed: true,
      basis: `epochs: ${epochs} × max_steps_per_epoch: ${cap}`,
    };
    lengthPath = 'max_steps_per_epoch';
  } else {
    length = epochLength(input, epochs, `epochs: ${epochs}`, assumptions);
    if (typeof cap === 'number' && cap > 0 && length.stepsPerEpoch !== undefined && cap < length.stepsPerEpoch) {
      length = { ...length, steps: Math.ceil(epochs * cap), stepsPerEpoch: cap, basis: `epochs: ${epochs} × max_steps_per_epoch: ${cap}` };
    }
    lengthPath = 'epochs';
  }

  const schedulerClass = values['lr_scheduler._component_'] as string | undefined;
  let schedule;
  let warmupSteps = 0;
  if (schedulerClass === undefined) {
    schedule = { ...NO_SCHEDULER };
  } else {
    const name = shortClassName(schedulerClass);
    const params = coerceParams(tree.get('lr_scheduler'), ['_component_']);
    const isTorch = schedulerClass.startsWith('torch.optim.lr_scheduler.');
    warmupSteps = (values['lr_scheduler.num_warmup_steps'] as number | undefined) ?? 0;
    schedule = {
      framework: isTorch ? ('pytorch' as const) : ('torchtune' as const),
      name,
      params,
      explicit: true,
      ...(isTorch ? torchSchedulerTraits(name, params) : { constantAfterWarmup: false, validationDriven: false }),
    };
  }

  const plan = buildPlan('torchtune', input, tree, {
    optimizer: torchOptimizer(optimizerName, {
      betas: values['optimizer.betas'] as [number, number] | undefined,
      eps: values['optimizer.eps'] as number | undefined,
      weightDecay: values['optimizer.weight_decay'] as number | undefined,
    }),
    baseLr: lr,
    schedule,
    warmup: { steps: warmupSteps },
    length,
    sources: {
      baseLr: 'optimizer.lr',
      schedule: schedulerClass ? 'lr_scheduler._component_' : undefined,
      warmup: 'lr_scheduler.num_warmup_steps',
      length: lengthPath,
      optimizer: 'optimizer._component_',
      beta1: 'optimizer.betas',
      beta2: 'optimizer.betas',
      epsilon: 'optimizer.eps',
    },
    assumptions,
  });
  return { plan, findings };
}

export const torchtuneDialect: Dialect = {
  id: 'torchtune',
  name: 'torchtune',
  recognize,
  fileNameHints: [/recipes\/configs\//, /torchtune/i],
  extract,
  decayEdits: torchtuneDecayEdits,
};
