/**
 * MosaicML Composer schedulers and llm-foundry's registry names (plan `schedule.framework: 'composer'`). Every
 * scheduler returns a multiplier alpha of the optimizer's lr. Source: mosaicml/composer composer/optim/scheduler.py,
 * composer/core/time.py, composer/trainer/trainer.py; mosaicml/llm-foundry llmfoundry/optim/scheduler.py;
 * scheduler.py read at commit 6405188805a0.
 *
 * Off-by-one kept: Composer steps the scheduler before advancing the timestamp, so batch k (0-based) trains with
 * alpha(max(k - 1, 0)): batches 0 and 1 both use alpha(0) (0 under warmup).
 *
 * Contract with the dialects:
 * - `schedule.name`: a Composer class name (`CosineAnnealingWithWarmupScheduler`) or an llm-foundry name
 *   (`cosine_with_warmup`, `constant_with_warmup`, `linear_decay_with_warmup`, `inv_sqrt_with_warmup`; also
 *   `polynomial_with_warmup`, `multistep_with_warmup` and plain `step`, `multistep`, `constant`, `linear_decay`,
 *   `exponential`, `cosine_decay`, `cosine_warmrestart`, `polynomial`).
 * - `schedule.params`: the scheduler's kwargs as written (time strings left as strings: `100ba`, `1ep`, `0.05dur`):
 *   t_warmup (required by the warmup variants), t_max ('1dur'), alpha_f (0), alpha_i (1), alpha (1), power
 *   (2 for the warmup variant), gamma (0.1), step_size, milestones, t_0, t_mult (1), decay_period ('1ep'),
 *   t_scale, t_cooldown, alpha_f_decay (0), alpha_f_cooldown (0); plus trainer values `max_duration` (an int means
 *   epochs; falls back to `length.steps` batches), `scale_schedule_ratio` (1.0) and, where a time is in samples,
 *   `global_train_batch_size` (samples per batch).
 * - `length.stepsPerEpoch`: batches per epoch (dataloader_len), needed for `ep` times. `length.steps`: batches.
 * Times in tokens, and in samples without global_train_batch_size, cannot be drawn (the builder returns null).
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import { composerTimeToBatches, parseComposerTime, type ComposerTimeContext } from '../../schedules/composerTime';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { numberParam, type Params } from '../../schedules/scheduleParams';

const NAMES: Readonly<Record<string, string>> = {
  cosine_with_warmup: 'CosineAnnealingWithWarmupScheduler',
  cosine_decay_with_warmup: 'CosineAnnealingWithWarmupScheduler',
  constant_with_warmup: 'ConstantWithWarmupScheduler',
  linear_decay_with_warmup: 'LinearWithWarmupScheduler',
  inv_sqrt_with_warmup: 'InverseSquareRootWithWarmupScheduler',
  polynomial_with_warmup: 'PolynomialWithWarmupScheduler',
  multistep_with_warmup: 'MultiStepWithWarmupScheduler',
  step: 'StepScheduler',
  multistep: 'MultiStepScheduler',
  constant: 'ConstantScheduler',
  linear_decay: 'LinearScheduler',
  exponential: 'ExponentialScheduler',
  cosine_decay: 'CosineAnnealingScheduler',
  cosine_warmrestart: 'CosineAnnealingWarmRestartsScheduler',
  polynomial: 'PolynomialScheduler',
};

export function composerClassName(name: string): string {
  return NAMES[name] ?? name.split('.').pop() ?? name;
}

/** Composer's `_cosine_anneal(x, min_y, max_y)`, x clipped to [0, 1]. */
function cosineAnneal(x: number, minY = 0, maxY = 1): number {
  const clipped = Math.min(1, Math.max(0, x));
  return minY + ((maxY - minY) * (1 + Math.cos(clipped * Math.PI))) / 2;
}

interface Alpha {
  alpha: (t: number) => number;
  /** Breakpoints in alpha-time (batches of the timestamp). */
  breakpoints: number[];
  markers: ScheduleMarker[];
}

function alphaOf(className: string, p: Params, context: ComposerTimeContext): Alpha | null {
  const ssr = context.ssr ?? 1;
  const time = (key: string, fallback?: string, scaled = true): number | undefined => {
    const parsed = parseComposerTime(p[key] ?? fallback, 'ep');
    return parsed && composerTimeToBatches(parsed, context, scaled ? ssr : 1);
  };
  const num = (key: string, fallback: number) => numberParam(p, key) ?? fallback;
  const none: ScheduleMarker[] = [];

  const warmupVariant = (peakAfter: (frac: number) => number, peak: number): Alpha | null => {
    const tWarmup = time('t_warmup', undefined, false);
    const tMax = time('t_max', '1dur');
    if (tWarmup === undefined || tMax === undefined) return null;
    return {
      alpha: (t) => {
        if (t < tWarmup) return Math.min(1, t / tWarmup) * peak;
        const frac = Math.min(1, tMax > tWarmup ? (t - tWarmup) / (tMax - tWarmup) : 0);
        return peakAfter(frac);
      },
      breakpoints: [tWarmup, tMax],
      markers: tWarmup > 0 ? [marker(tWarmup, 'warmup-end', 'warmup ends')] : none,
    };
  };

  switch (className) {
    case 'StepScheduler': {
      const stepSize = time('step_size');
      const gamma = num('gamma', 0.1);
      if (!stepSize) return null;
      return { alpha: (t) => gamma ** Math.trunc(t / stepSize), breakpoints: [], markers: none }; // monotone: no breakpoints needed
    }
    case 'MultiStepScheduler':
    case 'MultiStepWithWarmupScheduler': {
      const raw = p.milestones;
      const milestones = (Array.isArray(raw) ? raw : []).map((m) => {
        const parsed = parseComposerTime(m, 'ep');
        return parsed && composerTimeToBatches(parsed, context, ssr);
      });
      if (milestones.length === 0 || milestones.some((m) => m === undefined)) return null;
      const ms = (milestones as number[]).sort((a, b) => a - b);
      const gamma = num('gamma', 0.1);
      const multiStep = (t: number) => gamma ** ms.filter((m) => t >= m).length;
      const markers = ms.map((m) => marker(m, 'milestone', `× ${gamma}`));
      if (className === 'MultiStepScheduler') return { alpha: multiStep, breakpoints: ms, markers };
      const tWarmup = time('t_warmup', undefined, false);
      if (tWarmup === undefined) return null;
      return {
        alpha: (t) => (t < tWarmup ? Math.min(1, t / tWarmup) : multiStep(t)),
        breakpoints: [tWarmup, ...ms],
        markers: [marker(tWarmup, 'warmup-end', 'warmup ends'), ...markers],
      };
    }
    case 'ConstantScheduler': {
      const alpha = num('alpha', 1.0);
      const tMax = time('t_max', '1dur');
      if (tMax === undefined) return null;
      return { alpha: (t) => (t < tMax ? alpha : 1.0), breakpoints: [tMax], markers: none };
    }
    case 'LinearScheduler': {
      const alphaI = num('alpha_i', 1.0);
      const alphaF = num('alpha_f', 0.0);
      const tMax = time('t_max', '1dur');
      if (tMax === undefined) return null;
      return { alpha: (t) => alphaI + Math.min(1, t / tMax) * (alphaF - alphaI), breakpoints: [tMax], markers: none };
    }
    case 'ExponentialScheduler': {
      const gamma = numberParam(p, 'gamma');
      const period = time('decay_period', '1ep');
      if (gamma === undefined || !period) return null;
      return { alpha: (t) => gamma ** (t / period), breakpoints: [], markers: none };
    }
    case 'CosineAnnealingScheduler': {
      const tMax = time('t_max', '1dur');
      const alphaF = num('alpha_f', 0.0);
      if (!tMax) return null;
      return { alpha: (t) => cosineAnneal(t / tMax, alphaF), breakpoints: [tMax], markers: none };
    }
    case 'CosineAnnealingWarmRestartsScheduler': {
      const t0 = time('t_0');
      const tMult = num('t_mult', 1.0);
      const alphaF = num('alpha_f', 0.0);
      if (!t0) return null;
      const cycleOf = (t: number) => {
        let len = t0;
        let end = t0;
        while (end <= t && len > 0) {
          len = Math.trunc(tMult * len);
          end += len;
        }
        return { start: end - len, len };
      };
      const restarts: number[] = [];
      for (let len = t0, end = t0; restarts.length < 1000 && len > 0; len = Math.trunc(tMult * len), end += len) restarts.push(end);
      return {
        alpha: (t) => {
          const { start, len } = cycleOf(t);
          return cosineAnneal((t - start) / len, alphaF);
        },
        breakpoints: restarts,
        markers: restarts.slice(0, 200).map((r, k) => marker(r, 'restart', `restart ${k + 1}`)),
      };
    }
    case 'PolynomialScheduler': {
      const power = numberParam(p, 'power');
      const tMax = time('t_max', '1dur');
      const alphaF = num('alpha_f', 0.0);
      if (power === undefined || !tMax) return null;
      return { alpha: (t) => alphaF + (1 - alphaF) * (1 - Math.min(1, t / tMax)) ** power, breakpoints: [tMax], markers: none };
    }
    case 'CosineAnnealingWithWarmupScheduler': {
      const alphaF = num('alpha_f', 0.0);
      return warmupVariant((frac) => cosineAnneal(frac, alphaF), 1.0);
    }
    case 'LinearWithWarmupScheduler': {
      const alphaI = num('alpha_i', 1.0);
      const alphaF = num('alpha_f', 0.0);
      return warmupVariant((frac) => alphaI + frac * (alphaF - alphaI), alphaI);
    }
    case 'ConstantWithWarmupScheduler': {
      const alpha = num('alpha', 1.0);
      return warmupVariant((frac) => alpha + frac * (alpha - alpha), alpha);
    }
    case 'PolynomialWithWarmupScheduler': {
      const power = num('power', 2.0);
      const alphaF = num('alpha_f', 0.0);
      return warmupVariant((frac) => alphaF + (1 - alphaF) * (1 - frac) ** power, 1.0);
    }
    case 'InverseSquareRootWithWarmupScheduler': {
      const tWarmup = time('t_warmup', undefined, false);
      const tScale = time('t_scale', undefined, false);
      const tCooldown = time('t_cooldown', undefined, false);
      const tMax = time('t_max', '1dur');
      const alphaFDecay = num('alpha_f_decay', 0.0);
      const alphaFCooldown = num('alpha_f_cooldown', 0.0);
      if (tWarmup === undefined || tScale === undefined || tCooldown === undefined || tMax === undefined) return null;
      const shift = tScale - tWarmup;
      const cooldownStart = Math.max(tWarmup, tMax - tCooldown);
      const decay = (t: number) => alphaFDecay + (1 - alphaFDecay) / Math.sqrt((t + shift) / tScale);
      return {
        alpha: (t) => {
          if (t < tWarmup) return t / tWarmup;
          if (t < cooldownStart) return decay(t);
          const alphaI = decay(cooldownStart);
          if (tCooldown === 0) return alphaI;
          return alphaI + Math.min(1, (t - cooldownStart) / tCooldown) * (alphaFCooldown - alphaI);
        },
        breakpoints: [tWarmup, cooldownStart, tMax],
        markers: [marker(tWarmup, 'warmup-end', 'warmup ends'), marker(cooldownStart, 'decay-start', 'cooldown starts')],
      };
    }
    default:
      return null;
  }
}

export function composerSchedule(input: ScheduleInput): Schedule | null {
  const className = composerClassName(input.name);
  const maxDuration = parseComposerTime(input.params.max_duration, 'ep') ?? { value: input.totalSteps, unit: 'ba' as const };
  const context: ComposerTimeContext = {
    maxDuration,
    dataloaderLen: numberParam(input.params, 'dataloader_len') ?? input.stepsPerEpoch,
    ssr: numberParam(input.params, 'scale_schedule_ratio') ?? 1.0,
    samplesPerBatch: numberParam(input.params, 'global_train_batch_size'),
  };
  const alpha = alphaOf(className, input.params, context);
  if (!alpha) return null;
  const base = input.baseLr;
  return closedFormSchedule({
    family: className,
    totalSteps: input.totalSteps,
    // batch k trains with alpha(max(k - 1, 0)): the scheduler steps before the timestamp advances.
    lrAt: (k) => base * alpha.alpha(Math.max(k - 1, 0)),
    breakpoints: [1, ...alpha.breakpoints.map((b) => b + 1)],
    markers: alpha.markers.map((m) => ({ ...m, step: m.step + 1 })),
  });
}
