/**
 * NVIDIA NeMo schedulers (plan `schedule.framework: 'nemo'`), torch `_LRScheduler`s returning absolute LRs; Lightning
 * steps them after every optimizer step, so update k (0-based) uses f(step = k). Source: NVIDIA/NeMo
 * nemo/core/optim/lr_scheduler.py.
 *
 * Contract with the dialects:
 * - `schedule.name`: `model.optim.sched.name` (case-sensitive class name): CosineAnnealing, WarmupPolicy,
 *   WarmupHoldPolicy, WarmupAnnealing, SquareAnnealing, SquareRootAnnealing, InverseSquareRootAnnealing,
 *   T5InverseSquareRootAnnealing, PolynomialDecayAnnealing, PolynomialHoldDecayAnnealing, NoamAnnealing,
 *   NoamHoldAnnealing, WarmupHoldAnnealOneMinusSquareRoot, WarmupHoldAnnealLinear; torch names registered by NeMo
 *   (StepLR, ExponentialLR, CyclicLR, ReduceLROnPlateau, ...) are delegated to the PyTorch builder.
 * - `schedule.params`: the `sched` block's keys: warmup_steps | warmup_ratio, hold_steps | hold_ratio,
 *   constant_steps | constant_ratio, max_steps (falls back to `length.steps`: NeMo copies trainer.max_steps or
 *   computes it), min_lr (0; SquareAnnealing 1e-5), d_model (Noam), decay_rate (0.5), power (1.0), cycle (false).
 * - `baseLr`: `optim.lr` (a scale factor for NoamAnnealing; ignored by T5InverseSquareRootAnnealing).
 * Warmup shapes differ: most use (step+1)/(W+1) (never 0); CosineAnnealing with constant_steps > 0 uses step/W
 * (0 at step 0) and its "constant" tail sits at min_lr.
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import { pytorchSchedule } from '../../schedules/pytorch';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { booleanParam, numberParam } from '../../schedules/scheduleParams';

const TORCH_DELEGATES = new Set([
  'StepLR',
  'MultiStepLR',
  'ExponentialLR',
  'CyclicLR',
  'ReduceLROnPlateau',
  'LambdaLR',
  'CosineAnnealingLR',
  'OneCycleLR',
  'PolynomialLR',
]);

function polyDecay(initialLr: number, step: number, decaySteps: number, power: number, minLr: number, cycle: boolean): number {
  let steps = decaySteps;
  let s = step;
  if (cycle) {
    const multiplier = s === 0 ? 1.0 : Math.ceil(s / steps);
    steps *= multiplier;
  } else {
    s = Math.min(s, steps);
  }
  const p = s / steps;
  return (initialLr - minLr) * Math.pow(1.0 - p, power) + minLr;
}

export function nemoSchedule(input: ScheduleInput): Schedule | null {
  const name = input.name;
  if (TORCH_DELEGATES.has(name)) {
    const schedule = pytorchSchedule({ name, params: input.params, baseLr: input.baseLr, totalSteps: input.totalSteps });
    return schedule;
  }
  const p = input.params;
  const base = input.baseLr;
  const maxSteps = numberParam(p, 'max_steps') ?? input.totalSteps;
  const warmupSteps = numberParam(p, 'warmup_steps');
  const warmupRatio = numberParam(p, 'warmup_ratio');
  const W = warmupSteps ?? (warmupRatio !== undefined ? Math.trunc(warmupRatio * maxSteps) : 0);
  const holdSteps = numberParam(p, 'hold_steps');
  const holdRatio = numberParam(p, 'hold_ratio');
  const H = holdSteps !== undefined ? holdSteps + W : holdRatio !== undefined ? Math.trunc(holdRatio * maxSteps) + W : 0;
  const constantSteps = numberParam(p, 'constant_steps');
  const constantRatio = numberParam(p, 'constant_ratio');
  const C = constantSteps ?? (constantRatio !== undefined ? Math.trunc(constantRatio * maxSteps) : 0);
  const minLr = numberParam(p, 'min_lr') ?? (name === 'SquareAnnealing' ? 1e-5 : 0.0);
  const power = numberParam(p, 'power') ?? 1.0;
  const cycle = booleanParam(p, 'cycle') ?? false;
  const decayRate = numberParam(p, 'decay_rate') ?? 0.5;
  const warmupLr = (step: number) => base * ((step + 1) / (W + 1));
  const markers: ScheduleMarker[] = W > 0 ? [marker(W, 'warmup-end', 'warmup ends')] : [];
  const breakpoints = [W, W + 1, maxSteps, maxSteps + 1];

  /** WarmupPolicy.get_lr around a subclass's _get_lr. */
  const warmupPolicy = (getLr: (step: number) => number) => (step: number) => {
    if (step <= W && W > 0) return warmupLr(step);
    if (step > maxSteps) return minLr;
    return getLr(step);
  };
  /** WarmupHoldPolicy.get_lr around a subclass's _get_lr. */
  const warmupHoldPolicy = (getLr: (step: number) => number) => (step: number) => {
    if (step <= W && W > 0) return warmupLr(step);
    if (step >= W && step < H) return base;
    if (step > maxSteps) return minLr;
    return getLr(step);
  };
  if (H > W) {
    breakpoints.push(H);
    markers.push(marker(H, 'decay-start', 'hold ends'));
  }

  let lrAt: ((step: number) => number) | undefined;
  switch (name) {
    case 'CosineAnnealing': {
      if (base < minLr) return null;
      if (C === 0) {
        lrAt = (step) => {
          if (W > 0 && step <= W) return warmupLr(step);
          if (step > maxSteps) return minLr;
          const mult = 0.5 * (1 + Math.cos((Math.PI * (step - W)) / (maxSteps - W)));
          return (base - minLr) * mult + minLr;
        };
      } else {
        const decaySteps = maxSteps - (C + W);
        if (!(base > minLr)) return null;
        const megatron = (step: number) => {
          if (W > 0 && step <= W) return (base * step) / W;
          if (step > W + decaySteps) return minLr;
          const coeff = 0.5 * (Math.cos(Math.PI * ((step - W) / decaySteps)) + 1.0);
          return minLr + coeff * (base - minLr);
        };
        lrAt = (step) => (step > maxSteps ? minLr : megatron(step));
        breakpoints.push(W + decaySteps, W + decaySteps + 1);
        markers.push(marker(W + decaySteps + 1, 'milestone', 'min_lr held (constant_steps)'));
      }
      break;
    }
    case 'WarmupPolicy':
      lrAt = warmupPolicy(() => base);
      break;
    case 'WarmupHoldPolicy':
      lrAt = warmupHoldPolicy(() => base);
      break;
    case 'WarmupAnnealing':
      lrAt = warmupPolicy((step) => minLr + (1 - (step - W) / (maxSteps - W)) * (base - minLr));
      break;
    case 'SquareAnnealing':
      lrAt = warmupPolicy((step) => Math.max(base * ((maxSteps - W - (step - W)) / (maxSteps - W)) ** 2, minLr));
      break;
    case 'SquareRootAnnealing':
      lrAt = warmupPolicy((step) => Math.max(base * ((maxSteps - step) / maxSteps) ** 0.5, minLr));
      break;
    case 'InverseSquareRootAnnealing':
      lrAt = warmupPolicy((step) => base / ((step + 1) / (W + 1)) ** 0.5);
      break;
    case 'PolynomialDecayAnnealing':
      lrAt = warmupPolicy((step) => polyDecay(base, step - W, maxSteps - W, power, minLr, cycle));
      if (cycle) for (let k = 1; k < 1000 && W + k * (maxSteps - W) < maxSteps; k++) breakpoints.push(W + k * (maxSteps - W) + 1);
      break;
    case 'PolynomialHoldDecayAnnealing':
      lrAt = warmupHoldPolicy((step) => polyDecay(base, step - H, maxSteps - Math.max(W, H), power, minLr, cycle));
      break;
    case 'NoamHoldAnnealing': {
      if (W <= 0) return null; // "Noam scheduler cannot be used without warmup steps"
      const hold = H > 0 ? H - W : 0;
      lrAt = warmupHoldPolicy((step) => Math.max((base * Math.max(1, W ** decayRate)) / Math.max(1, (step - hold) ** decayRate), minLr));
      break;
    }
    case 'WarmupHoldAnnealOneMinusSquareRoot':
      lrAt = warmupHoldPolicy((step) => Math.max(minLr, base * (1 - Math.sqrt((step - H) / (maxSteps - H)))));
      break;
    case 'WarmupHoldAnnealLinear':
      lrAt = warmupHoldPolicy((step) => base - ((base - minLr) * (step - H)) / (maxSteps - H));
      break;
    case 'NoamAnnealing': {
      const dModel = numberParam(p, 'd_model');
      if (dModel === undefined || base < minLr) return null;
      const normalize = dModel ** -0.5;
      lrAt = (lastEpoch) => {
        const step = Math.max(1, lastEpoch);
        const mult = W > 0 ? normalize * Math.min(step ** -0.5, step * W ** -1.5) : normalize * step ** -0.5;
        const out = base * mult;
        return step > W ? Math.max(out, minLr) : out;
      };
      break;
    }
    case 'T5InverseSquareRootAnnealing': {
      if (constantSteps === undefined || constantSteps <= 0) return null; // NeMo computes 1/constant_steps**0.5 from the argument
      const constantLr = 1 / constantSteps ** 0.5;
      lrAt = (step) => (step <= C ? constantLr : step > maxSteps ? minLr : 1 / step ** 0.5);
      breakpoints.push(C, C + 1);
      break;
    }
    default:
      return null;
  }
  return closedFormSchedule({ family: name, totalSteps: input.totalSteps, lrAt, breakpoints, markers });
}
