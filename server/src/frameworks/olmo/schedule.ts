/**
 * OLMo learning-rate schedulers (the `scheduler:` block of an OLMo training YAML).
 * Source: allenai/OLMo olmo/optim.py (Scheduler subclasses, `build_scheduler`), olmo/config.py (defaults),
 * olmo/train.py (`max_steps`, `max_tokens`, `scheduler_current`, `scheduler_max`, the step loop)
 * @59a53e3f68e546330ca5a99ec626e58f9ab96494.
 *
 * Contract with the dialect:
 * - `name`: `scheduler.name` (default `cosine_with_warmup`).
 * - `params`: `t_warmup` (100), `alpha_f` (0.1), `t_max` (none), `warmup_min_lr` (none: 0.1 * lr), `units`
 *   (`steps`), plus what the dialect derived: `max_steps` (the horizon in steps from `max_duration`, see
 *   duration.ts; falls back to `totalSteps`) and `tokens_per_step` (global_train_batch_size * max_sequence_length,
 *   needed when units is `tokens`).
 * - `baseLr`: `optimizer.learning_rate` (1.0e-4). `totalSteps`: the updates the run makes (`stop_at`, which
 *   defaults to max_steps + 10).
 *
 * Step index: `global_step` is incremented before the batch and the LR is set just before `optim.step()`, so
 * update k uses s = k + 1 (units `tokens`: s = (k + 1) * tokens_per_step, the tokens including this batch).
 * t_warmup and t_max are truncated with int(). Horizon M = t_max, else max_steps (steps) or max_tokens (tokens).
 * Warmup (s < W): wmin + (lr - wmin) * min(s, W) / W. After it, with x = (s - W) / (M - W) and lr_f = alpha_f * lr:
 * cosine lr_f + (lr - lr_f) * (1 + cos(pi x)) / 2, linear lr - (lr - lr_f) * x, both lr_f from s >= M;
 * inverse_sqrt lr * sqrt(W / max(W, s)); constant lr (t_warmup ignored); constant_with_warmup lr;
 * cosine_linear_envelope lr_f + (1 - x) * (lr - lr_f) * (1 + cos(pi x)) / 2; max_scheduler the max of cosine and
 * inverse_sqrt built from the same block.
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { numberParam, stringParam } from '../../schedules/scheduleParams';

export const OLMO_SCHEDULERS = [
  'cosine_with_warmup',
  'linear_with_warmup',
  'inverse_sqrt_with_warmup',
  'max_scheduler',
  'constant',
  'cosine_linear_envelope',
  'constant_with_warmup',
] as const;

/** Python's int() of a float: truncation toward zero. */
function pyInt(value: number): number {
  return Math.trunc(value);
}

type Lr = (s: number) => number;

export function olmoSchedule(input: ScheduleInput): Schedule | null {
  const name = input.name;
  if (!OLMO_SCHEDULERS.some((n) => n === name)) return null;
  const p = input.params;
  const eta = input.baseLr;
  const units = stringParam(p, 'units') ?? 'steps';
  if (units !== 'steps' && units !== 'tokens') return null;
  const tokensPerStep = numberParam(p, 'tokens_per_step');
  const perStep = units === 'tokens' ? tokensPerStep : 1;
  if (perStep === undefined || !(perStep > 0)) return null;
  const maxSteps = numberParam(p, 'max_steps') ?? input.totalSteps;
  const W = pyInt(numberParam(p, 't_warmup') ?? 100);
  const tMax = numberParam(p, 't_max');
  // units tokens: max_tokens = max_steps * B * L from scratch (an int max_duration); a "…T" duration gives its tokens.
  const M = tMax !== undefined ? pyInt(tMax) : units === 'tokens' ? (numberParam(p, 'max_tokens') ?? maxSteps * perStep) : maxSteps;
  const alphaF = numberParam(p, 'alpha_f') ?? 0.1;
  const wmin = numberParam(p, 'warmup_min_lr') ?? eta * 0.1;
  const etaMin = eta * alphaF;
  // _linear_warmup asserts 0 <= warmup_min_lr < initial_lr: the run fails, nothing to draw.
  const warmup: Lr = (s) => wmin + ((eta - wmin) * Math.min(s, W)) / W;
  const needsWarmupCheck = name !== 'constant' && W > 0;
  if (needsWarmupCheck && !(wmin >= 0 && wmin < eta)) return null;

  const cosine: Lr = (s) => {
    if (s < W) return warmup(s);
    if (s >= M) return etaMin;
    return etaMin + ((eta - etaMin) * (1 + Math.cos((Math.PI * (s - W)) / (M - W)))) / 2;
  };
  const inverseSqrt: Lr = (s) => (s < W ? warmup(s) : eta * Math.sqrt(W / Math.max(W, s)));
  let lr: Lr;
  switch (name) {
    case 'cosine_with_warmup':
      lr = cosine;
      break;
    case 'linear_with_warmup':
      lr = (s) => (s < W ? warmup(s) : s >= M ? etaMin : eta - (eta - etaMin) * ((s - W) / (M - W)));
      break;
    case 'inverse_sqrt_with_warmup':
      lr = inverseSqrt;
      break;
    case 'max_scheduler':
      lr = (s) => Math.max(cosine(s), inverseSqrt(s));
      break;
    case 'cosine_linear_envelope':
      lr = (s) => {
        if (s < W) return warmup(s);
        if (s >= M) return etaMin;
        const x = (s - W) / (M - W);
        return etaMin + (1 - x) * (((eta - etaMin) * (1 + Math.cos(Math.PI * x))) / 2);
      };
      break;
    case 'constant_with_warmup':
      lr = (s) => (s < W ? warmup(s) : eta);
      break;
    default:
      lr = () => eta;
  }
  // update k sees s = (k + 1) * perStep; a step index u where s crosses a position b is b / perStep - 1.
  const toStep = (position: number): number => position / perStep - 1;
  const hasWarmup = name !== 'constant' && W > 0;
  const hasHorizon =
    name === 'cosine_with_warmup' || name === 'linear_with_warmup' || name === 'cosine_linear_envelope' || name === 'max_scheduler';
  const markers: ScheduleMarker[] = [];
  if (hasWarmup) markers.push(marker(Math.max(0, Math.ceil(toStep(W))), 'warmup-end', 'warmup ends'));
  if (hasHorizon) markers.push(marker(Math.max(0, Math.ceil(toStep(M))), 'horizon', `alpha_f floor (${alphaF} × lr)`));
  const breakpoints = [hasWarmup ? toStep(W) : NaN, hasHorizon ? toStep(M) : NaN];
  return closedFormSchedule({ family: name, totalSteps: input.totalSteps, lrAt: (k) => lr((k + 1) * perStep), breakpoints, markers });
}
