/**
 * PyTorch optimizer and scheduler facts shared by the dialects that name torch classes (torchtune
 * `_component_`, Lightning `class_path`, Hydra `_target_`, DeepSpeed's torch fall-back).
 * Source: pytorch/pytorch torch/optim/adam.py, adamw.py, sgd.py (constructor defaults) and
 * torch/optim/lr_scheduler.py (commit 008f727e).
 */
import { toNumber } from './numbers';
import { toNumberList } from './numberLists';
import { UNKNOWN } from './interpolation';
import type { PlanDraft } from './planBuilder';

type OptimizerDefaults = { betas?: [number, number]; eps?: number; weight_decay: number };
const ADAM_DEFAULTS: OptimizerDefaults = { betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0 };
const ADAMW_DEFAULTS: OptimizerDefaults = { betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0.01 };

export const TORCH_OPTIMIZER_DEFAULTS: Readonly<Record<string, OptimizerDefaults>> = {
  Adam: ADAM_DEFAULTS,
  AdamW: ADAMW_DEFAULTS,
  NAdam: { betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0 },
  RAdam: { betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0 },
  Adamax: { betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0 },
  SGD: { weight_decay: 0 },
};

/** Torch's defaults for an optimizer class (short name; bitsandbytes' AdamW variants behave like AdamW). */
export function torchOptimizerDefaults(shortName: string): { betas?: [number, number]; eps?: number; weight_decay: number } {
  const exact = TORCH_OPTIMIZER_DEFAULTS[shortName];
  if (exact) return exact;
  if (/adamw/i.test(shortName)) return ADAMW_DEFAULTS;
  if (/adam/i.test(shortName)) return ADAM_DEFAULTS;
  return { weight_decay: 0 };
}

/** A draft's optimizer for a torch optimizer class: what the config writes, else torch's defaults for the class. */
export function torchOptimizer(
  name: string,
  written: { betas?: readonly number[] | undefined; eps?: number | undefined; weightDecay?: number | undefined },
): PlanDraft['optimizer'] {
  const defaults = torchOptimizerDefaults(name);
  return {
    name,
    beta1: written.betas?.[0] ?? defaults.betas?.[0],
    beta2: written.betas?.[1] ?? defaults.betas?.[1],
    epsilon: written.eps ?? defaults.eps,
    weightDecay: written.weightDecay ?? defaults.weight_decay,
  };
}

/**
 * A run with no scheduler at all, in torch vocabulary: `ConstantLR(factor=1)` keeps the optimizer's LR, so
 * the curve can be drawn; `explicit: false` says the config named no schedule.
 */
export const NO_SCHEDULER = {
  framework: 'pytorch',
  name: 'ConstantLR',
  params: { factor: 1, total_iters: 0 },
  explicit: false,
  constantAfterWarmup: true,
  validationDriven: false,
} as const;

/** Multiplicative decays that do nothing when their factor is 1 (`StepLR` with `gamma: 1` is constant in effect). */
const GAMMA_SCHEDULERS = ['StepLR', 'MultiStepLR', 'ExponentialLR'];

/** What a torch scheduler class does to the LR after any warmup, from its name and arguments. */
export function torchSchedulerTraits(
  name: string,
  params: Record<string, unknown>,
): { constantAfterWarmup: boolean; validationDriven: boolean } {
  const gamma = params.gamma === undefined ? (name === 'ExponentialLR' ? undefined : 0.1) : toNumber(params.gamma);
  const constant =
    (GAMMA_SCHEDULERS.includes(name) && gamma === 1) ||
    (name === 'ConstantLR' && toNumber(params.factor) === 1) ||
    (name === 'LinearLR' && toNumber(params.start_factor) === 1 && (params.end_factor === undefined || toNumber(params.end_factor) === 1));
  return { constantAfterWarmup: constant, validationDriven: name === 'ReduceLROnPlateau' };
}

/** Scheduler arguments with numbers as the loader reads them ('1e-4' → 0.0001, '(30, 60)' → [30, 60]). */
export function coerceParams(params: unknown, skip: readonly string[] = []): Record<string, unknown> {
  if (!params || typeof params !== 'object' || Array.isArray(params)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (skip.includes(key)) continue;
    out[key] = coerceValue(value);
  }
  return out;
}

/** Written where a value cannot be known from the file (OmegaConf's own missing marker). */
export const UNKNOWN_PARAM = '???';

export function coerceValue(value: unknown): unknown {
  if (value === UNKNOWN) return UNKNOWN_PARAM;
  if (typeof value === 'string') {
    const n = toNumber(value);
    if (typeof n === 'number') return n;
    const list = toNumberList(value);
    return Array.isArray(list) ? list : value;
  }
  if (Array.isArray(value)) return value.map(coerceValue);
  return value;
}
