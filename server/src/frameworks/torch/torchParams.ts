/**
 * Readers shared by the framework modules: a number as users write it, and for torch.optim.lr_scheduler classes
 * in a plan (families, horizons) the class name of a dotted path, a numeric parameter, and the children of a
 * SequentialLR / ChainedScheduler.
 */
import { toNumber } from '../../dialects/numbers';

/** A finite number, written as a YAML number or a numeric string (`'1e-4'`, `3e-4` under YAML 1.1), else undefined. */
export function finiteNumber(value: unknown): number | undefined {
  const n = toNumber(value);
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A number among values a dialect has validated (`readSettings`), else undefined. */
export function numberValue(values: Readonly<Record<string, unknown>>, key: string): number | undefined {
  const value = values[key];
  return typeof value === 'number' ? value : undefined;
}

export type SchedulerParams = Readonly<Record<string, unknown>>;

/** `torch.optim.lr_scheduler.CosineAnnealingLR` → `CosineAnnealingLR`. */
export function schedulerClassName(name: string): string {
  return name.split('.').pop() ?? name;
}

/** A finite number written as a number or a numeric string (`"1e-3"`), else undefined. */
export function numericParam(params: SchedulerParams, key: string): number | undefined {
  const value = params[key];
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A child scheduler of a SequentialLR / ChainedScheduler, written `{name, params}` or `{class_path, init_args}`. */
export interface ChildScheduler {
  /** The class name as written (dotted path or bare name), undefined when the child names none. */
  name: string | undefined;
  params: SchedulerParams;
}

/** The `schedulers:` children of a SequentialLR / ChainedScheduler, in order. */
export function childSchedulers(params: SchedulerParams): Array<Record<string, unknown>> {
  return Array.isArray(params.schedulers) ? (params.schedulers as Array<Record<string, unknown>>) : [];
}

/** How one child names its class and its arguments (LightningCLI `class_path`/`init_args` or `name`/`params`). */
export function childScheduler(child: Record<string, unknown>): ChildScheduler {
  const name = typeof child.class_path === 'string' ? child.class_path : typeof child.name === 'string' ? child.name : undefined;
  return { name, params: (child.init_args ?? child.params ?? {}) as SchedulerParams };
}

/** LinearLR decays (rather than ramps up) when its end factor is below its start factor (torch defaults 1 and 1/3). */
export function linearLrDecays(params: SchedulerParams): boolean {
  return (numericParam(params, 'end_factor') ?? 1) < (numericParam(params, 'start_factor') ?? 1 / 3);
}
