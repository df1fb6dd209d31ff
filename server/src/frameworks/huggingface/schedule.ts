/**
 * Hugging Face `transformers.get_scheduler` schedules (src/transformers/optimization.py), evaluated as the
 * Trainer runs them: `lr(t) = base_lr * lr_lambda(t)` with t = optimizer steps already taken (0-based).
 * W = num_warmup_steps, T = num_training_steps. Source: huggingface/transformers optimization.py (commit 005edacb).
 */
import { stepsAroundSorted } from '../../schedules/criticalSteps';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';

export const HUGGING_FACE_SCHEDULERS = [
  'linear',
  'cosine',
  'cosine_with_restarts',
  'polynomial',
  'constant',
  'constant_with_warmup',
  'inverse_sqrt',
  'reduce_lr_on_plateau',
  'cosine_with_min_lr',
  'cosine_warmup_with_min_lr',
  'warmup_stable_decay',
] as const;

export type HuggingFaceScheduler = (typeof HUGGING_FACE_SCHEDULERS)[number];

export function isHuggingFaceScheduler(name: string): name is HuggingFaceScheduler {
  return (HUGGING_FACE_SCHEDULERS as readonly string[]).includes(name);
}

/** Schedulers whose LR never changes after warmup. */
export const HUGGING_FACE_CONSTANT_SCHEDULERS: readonly HuggingFaceScheduler[] = ['constant', 'constant_with_warmup'];

export interface HuggingFaceScheduleInput {
  name: HuggingFaceScheduler;
  baseLr: number;
  warmupSteps: number;
  totalSteps: number;
  /** `lr_scheduler_kwargs` as written (only the keys get_scheduler forwards are read). */
  kwargs: Readonly<Record<string, unknown>>;
}

function num(kwargs: Readonly<Record<string, unknown>>, key: string): number | undefined {
  const value = kwargs[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function str(kwargs: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = kwargs[key];
  return typeof value === 'string' ? value : undefined;
}

/** linear warmup from 0 used by every HF warmup schedule except the two noted in the table. */
function warmupFactor(t: number, W: number): number {
  return t / Math.max(1, W);
}

/**
 * The schedule's multiplier of base_lr at step t, or a reason the framework would refuse the configuration
 * (thrown as an Error by the caller's validation; here returned via `problems`).
 */
export function huggingFaceLrLambda(input: HuggingFaceScheduleInput): (t: number) => number {
  const { name, warmupSteps: W, totalSteps: T, kwargs } = input;
  switch (name) {
    case 'constant':
      return () => 1;
    case 'constant_with_warmup':
      return (t) => (t < W ? warmupFactor(t, W) : 1);
    case 'linear':
      return (t) => (t < W ? warmupFactor(t, W) : Math.max(0, (T - t) / Math.max(1, T - W)));
    case 'cosine':
    case 'cosine_with_min_lr': {
      const numCycles = num(kwargs, 'num_cycles') ?? 0.5;
      // `cosine` takes no floor (a `min_lr_rate` there is a TypeError in transformers, reported by the dialect).
      const minLrRate = name === 'cosine' ? 0 : minLrRateOf(input);
      return (t) => {
        if (t < W) return warmupFactor(t, W);
        const progress = (t - W) / Math.max(1, T - W);
        const factor = 0.5 * (1 + Math.cos(Math.PI * numCycles * 2 * progress));
        return Math.max(0, factor * (1 - minLrRate) + minLrRate);
      };
    }
    case 'cosine_warmup_with_min_lr': {
      const numCycles = num(kwargs, 'num_cycles') ?? 0.5;
      const minLrRate = minLrRateOf(input);
      const warmupLrRate = num(kwargs, 'warmup_lr_rate');
      return (t) => {
        if (t < W) {
          if (warmupLrRate === undefined) return (t + 1) / Math.max(1, W);
          return warmupLrRate + ((1 - warmupLrRate) * t) / Math.max(1, W - 1);
        }
        const progress = (t - W + 1) / Math.max(1, T - W);
        const factor = 0.5 * (1 + Math.cos(Math.PI * numCycles * 2 * progress));
        return Math.max(0, factor * (1 - minLrRate) + minLrRate);
      };
    }
    case 'cosine_with_restarts': {
      const numCycles = num(kwargs, 'num_cycles') ?? 1;
      return (t) => {
        if (t < W) return warmupFactor(t, W);
        const progress = (t - W) / Math.max(1, T - W);
        if (progress >= 1) return 0;
        return Math.max(0, 0.5 * (1 + Math.cos(Math.PI * ((numCycles * progress) % 1))));
      };
    }
    case 'polynomial': {
      const lrEnd = num(kwargs, 'lr_end') ?? 1e-7;
      const power = num(kwargs, 'power') ?? 1;
      const lrInit = input.baseLr;
      return (t) => {
        if (t < W) return warmupFactor(t, W);
        if (t > T) return lrEnd / lrInit;
        const decaySteps = T - W;
        const pctRemaining = 1 - (t - W) / decaySteps;
        return ((lrInit - lrEnd) * pctRemaining ** power + lrEnd) / lrInit;
      };
    }
    case 'inverse_sqrt': {
      // get_scheduler forwards only num_warmup_steps: lr_scheduler_kwargs.timescale is silently ignored.
      const timescale = W || 10_000;
      return (t) => (t < W ? warmupFactor(t, W) : 1 / Math.sqrt((t + timescale - W) / timescale));
    }
    case 'warmup_stable_decay': {
      const D = num(kwargs, 'num_decay_steps') ?? 0;
      const S = num(kwargs, 'num_stable_steps') ?? T - W - D;
      const warmupType = str(kwargs, 'warmup_type') ?? 'linear';
      const decayType = str(kwargs, 'decay_type') ?? 'cosine';
      const minLrRatio = num(kwargs, 'min_lr_ratio') ?? 0;
      const numCycles = num(kwargs, 'num_cycles') ?? 0.5;
      return (t) => {
        if (t < W) {
          const p = t / Math.max(1, W);
          const f = warmupType === 'cosine' ? 0.5 * (1 - Math.cos(Math.PI * p)) : warmupType === '1-sqrt' ? 1 - Math.sqrt(1 - p) : p;
          return Math.max(0, f * (1 - minLrRatio) + minLrRatio);
        }
        if (t < W + S) return 1;
        if (t < W + S + D) {
          const p = (t - W - S) / Math.max(1, D);
          const f =
            decayType === 'linear' ? 1 - p : decayType === '1-sqrt' ? 1 - Math.sqrt(p) : 0.5 * (1 + Math.cos(Math.PI * numCycles * 2 * p));
          return Math.max(0, f * (1 - minLrRatio) + minLrRatio);
        }
        return minLrRatio;
      };
    }
    case 'reduce_lr_on_plateau':
      return () => 1;
  }
}

function minLrRateOf(input: HuggingFaceScheduleInput): number {
  const minLr = num(input.kwargs, 'min_lr');
  if (minLr !== undefined) return minLr / input.baseLr;
  return num(input.kwargs, 'min_lr_rate') ?? 0;
}

export function huggingFaceSchedule(input: HuggingFaceScheduleInput): Schedule {
  const lambda = huggingFaceLrLambda(input);
  const markers: ScheduleMarker[] = [];
  if (input.warmupSteps > 0 && input.name !== 'constant' && input.name !== 'reduce_lr_on_plateau') {
    markers.push({ step: Math.min(input.warmupSteps, input.totalSteps), kind: 'warmup-end', label: 'warmup ends' });
  }
  if (input.name === 'warmup_stable_decay') {
    const D = num(input.kwargs, 'num_decay_steps') ?? 0;
    const S = num(input.kwargs, 'num_stable_steps') ?? input.totalSteps - input.warmupSteps - D;
    markers.push({ step: input.warmupSteps + S, kind: 'decay-start', label: 'decay starts' });
  }
  if (input.name === 'cosine_with_restarts') {
    const cycles = num(input.kwargs, 'num_cycles') ?? 1;
    const span = input.totalSteps - input.warmupSteps;
    for (let k = 1; k < cycles; k++) {
      markers.push({ step: input.warmupSteps + Math.ceil((k * span) / cycles), kind: 'restart', label: `restart ${k}` });
    }
  }
  const breakpoints = huggingFaceBreakpoints(input)
    .filter((b) => Number.isFinite(b))
    .sort((x, y) => x - y);
  return {
    family: input.name,
    totalSteps: input.totalSteps,
    lrAt: (t) => input.baseLr * lambda(t),
    criticalSteps: (start, end, limit) => stepsAroundSorted(breakpoints, start, end, limit),
    markers: markers.filter((m) => m.step >= 0 && m.step < input.totalSteps),
    validationDriven: input.name === 'reduce_lr_on_plateau',
  };
}

/** At most this many periodic breakpoints (cosine extrema, restarts) are listed. */
const MAX_BREAKPOINTS = 100_000;

/**
 * Real positions between which the schedule's lambda is monotone: warmup end, horizon, and the extrema / restarts of
 * the cosine families (where 2 * num_cycles * progress, or num_cycles * progress for restarts, is an integer).
 */
function huggingFaceBreakpoints(input: HuggingFaceScheduleInput): number[] {
  const { name, warmupSteps: W, totalSteps: T, kwargs } = input;
  const points = [W, W - 1, T, T + 1];
  const span = Math.max(1, T - W);
  const periodic = (first: number, period: number) => {
    if (!(period > 0)) return;
    for (let k = 1; first + k * period < 4 * T + 1 && k < MAX_BREAKPOINTS; k++) points.push(first + k * period);
  };
  switch (name) {
    case 'cosine':
    case 'cosine_with_min_lr':
      periodic(W, span / (2 * (num(kwargs, 'num_cycles') ?? 0.5)));
      break;
    case 'cosine_warmup_with_min_lr':
      periodic(W - 1, span / (2 * (num(kwargs, 'num_cycles') ?? 0.5)));
      break;
    case 'cosine_with_restarts':
      periodic(W, span / (num(kwargs, 'num_cycles') ?? 1));
      break;
    case 'warmup_stable_decay': {
      const D = num(kwargs, 'num_decay_steps') ?? 0;
      const S = num(kwargs, 'num_stable_steps') ?? T - W - D;
      points.push(W + S, W + S + D);
      if ((str(kwargs, 'decay_type') ?? 'cosine') === 'cosine' && D > 0) {
        const period = D / (2 * (num(kwargs, 'num_cycles') ?? 0.5));
        for (let k = 1; W + S + k * period < W + S + D && k < MAX_BREAKPOINTS; k++) points.push(W + S + k * period);
      }
      break;
    }
    default:
      break;
  }
  return points;
}
