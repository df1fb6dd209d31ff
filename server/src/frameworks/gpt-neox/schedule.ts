/**
 * GPT-NeoX learning-rate schedule: Megatron's `AnnealingLR` as NeoX runs it.
 * Source: EleutherAI/gpt-neox megatron/learning_rates.py (`AnnealingLR.get_lr`), megatron/training.py
 * (`get_learning_rate_scheduler`), megatron/neox_arguments/neox_args.py (defaults) @ea7aefd8f8e183256992d9fede4d7c71a46d67a5;
 * the `max(1, t)` warmup of update 0 arrived in 19f294d524747c128cc1ce82098f60d086b78ca3 (2026-05-19);
 * `infinite_cosine` / `infinite_inv_sqrt` exist only on the unmerged branch `pr1194` @6968934ac65b2f2bbaf3fa1d09790f895f3d83ad.
 *
 * Contract with the dialect:
 * - `name`: `lr_decay_style` as written (default `linear`). NeoX validates it case-insensitively but compares exact
 *   lowercase strings, so `Cosine` runs as constant; a string that validation rejects is not drawn (null).
 * - `params` (NeoX keys, `-` already turned into `_`): `train_iters`, `lr_decay_iters`, `lr_decay_fraction`,
 *   `warmup` (0.01, a fraction of the horizon), `min_lr` (0.0); for the `infinite_*` styles also `constant_lr` (0.0),
 *   `cooldown_iters_perc` (0.0), `constant_iters_perc` (0.0), `timescale` (1.0).
 * - `baseLr`: `optimizer.params.lr` (0.001 when absent: the dialect's job). `totalSteps`: `train_iters`.
 *
 * Step index: the constructor calls step(0) and DeepSpeed steps the scheduler after each applied update, so update k
 * uses get_lr at t = k (fp16 overflow skips are not modeled). Horizon N = lr_decay_iters, else
 * floor(train_iters * lr_decay_fraction), else train_iters; N = max(1, N). W = warmup * N, a float never rounded.
 * - warmup (W > 0 and t <= W): lr * max(1, t) / W (pr1194: lr * t / W);
 * - t' = t - W, E = N - W: linear lr * (E - t') / E; cosine min_lr + (lr - min_lr) / 2 * (cos(pi t' / E) + 1);
 *   exponential lr * exp(-0.693 t' / E); anything else lr; all clamped below by max(., min_lr).
 * Past N the cosine climbs back (only the min_lr clamp applies); linear and exponential stay at min_lr.
 */
import { stepsAroundSorted } from '../../schedules/criticalSteps';
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { numberParam } from '../../schedules/scheduleParams';

/** The decay styles NeoX main accepts, and the two of branch `pr1194`. */
export const GPT_NEOX_DECAY_STYLES = ['constant', 'linear', 'cosine', 'exponential', 'infinite_cosine', 'infinite_inv_sqrt'] as const;

/** The decay horizon N NeoX hands AnnealingLR (training.py get_learning_rate_scheduler). */
export function gptNeoxHorizon(params: Readonly<Record<string, unknown>>, trainIters: number): number {
  const decayIters = numberParam(params, 'lr_decay_iters');
  const fraction = numberParam(params, 'lr_decay_fraction');
  const n = decayIters ?? (fraction !== undefined ? Math.floor(trainIters * fraction) : trainIters);
  return Math.max(1, n);
}

export function gptNeoxSchedule(input: ScheduleInput): Schedule | null {
  const style = input.name;
  if (!GPT_NEOX_DECAY_STYLES.some((s) => s === style.toLowerCase())) return null;
  const p = input.params;
  const eta = input.baseLr;
  const T = input.totalSteps;
  const N = gptNeoxHorizon(p, numberParam(p, 'train_iters') ?? T);
  const W = (numberParam(p, 'warmup') ?? 0.01) * N;
  const minLr = numberParam(p, 'min_lr') ?? 0.0;
  const E = N - W;
  const infinite = style === 'infinite_cosine' || style === 'infinite_inv_sqrt';
  const markers: ScheduleMarker[] = [];
  if (W > 0) markers.push(marker(Math.floor(W), 'warmup-end', 'warmup ends'));
  const breakpoints: number[] = [W];

  let decay: (tp: number) => number;
  if (infinite) {
    const constantLr = numberParam(p, 'constant_lr') ?? 0.0;
    const C = (numberParam(p, 'cooldown_iters_perc') ?? 0.0) * N;
    const K = (numberParam(p, 'constant_iters_perc') ?? 0.0) * N;
    const timescale = numberParam(p, 'timescale') ?? 1.0;
    const tail = N - W - C - K;
    const invF = (x: number): number => 1 / Math.sqrt(1 + timescale * x) - 1;
    const expFactor = -Math.log(minLr / constantLr) / tail;
    decay = (tp) => {
      if (tp <= C) {
        // Python raises ZeroDivisionError at t' = 0 when C = 0; the first decay step then never runs: drawn as constant_lr.
        if (C === 0) return Math.max(constantLr, minLr);
        if (style === 'infinite_cosine')
          return Math.max(constantLr + ((eta - constantLr) / 2.0) * (Math.cos((Math.PI * tp) / C) + 1), minLr);
        return eta + ((constantLr - eta) / invF(1)) * invF(tp / C); // returned without the min_lr clamp
      }
      const afterCooldown = tp - C;
      if (afterCooldown <= K) return Math.max(constantLr, minLr);
      return Math.max(constantLr * Math.exp(-1 * expFactor * (afterCooldown - K)), minLr);
    };
    breakpoints.push(W + C, W + C + K);
    if (C > 0) markers.push(marker(Math.ceil(W + C), 'phase-end', 'cooldown ends: constant_lr'));
    if (K > 0) markers.push(marker(Math.ceil(W + C + K), 'decay-start', 'exponential decay to min_lr'));
  } else {
    switch (style) {
      case 'linear':
        decay = (tp) => Math.max((eta * (E - tp)) / E, minLr);
        // the clamp takes over where eta * (E - t') / E = min_lr
        breakpoints.push(W + E * (1 - minLr / eta));
        break;
      case 'cosine':
        decay = (tp) => Math.max(minLr + ((eta - minLr) / 2.0) * (Math.cos((Math.PI * tp) / E) + 1), minLr);
        break;
      case 'exponential':
        decay = (tp) => Math.max(eta * Math.exp((-0.693 * tp) / E), minLr);
        break;
      default:
        // `constant`, and styles validation accepted case-insensitively that the scheduler does not know (`Cosine`).
        decay = () => Math.max(eta, minLr);
    }
  }
  const lrAt = (t: number): number => {
    if (W > 0 && t <= W) return (eta * Math.max(infinite ? t : 1, t)) / W;
    return decay(t - W);
  };
  const periodic = style === 'cosine';
  if (N > W && style !== 'constant') markers.push(marker(N, 'horizon', periodic ? 'min_lr reached (cosine rises after)' : 'decay horizon'));
  // The cosine past N is periodic (troughs at W + (2j+1)E, peaks at W + 2jE); list them lazily.
  const criticalSteps =
    periodic && E > 0
      ? (start: number, end: number, limit: number): number[] => {
          const points: number[] = [W];
          for (let j = Math.max(1, Math.floor((start - W) / E)); W + j * E < end + 1 && points.length < limit + 2; j++)
            points.push(W + j * E);
          return stepsAroundSorted(points, start, end, limit);
        }
      : undefined;
  return closedFormSchedule({ family: style, totalSteps: T, lrAt, breakpoints, markers, ...(criticalSteps ? { criticalSteps } : {}) });
}
