/**
 * torchtitan's warmup-stable-decay LambdaLR (`[lr_scheduler]` of a torchtitan TOML).
 * Source: pytorch/torchtitan torchtitan/components/lr_scheduler.py `build_lr_schedulers` and
 * `linear_warmup_stable_decay`, torchtitan/train.py (`optimizers.step()` then `lr_schedulers.step()`)
 * @238fa9953e4aec2a62582121564273d7cbb1e9f1 (the last commit with TOML configs; the same formula is in
 * torchtitan/components/optimizer/lr_scheduler.py at b5bcd76c66d0acb1a08b176d9639425bc55e0b2a).
 *
 * Contract with the dialect:
 * - `name`: for display (the decay type, or the setting that stops the decay).
 * - `params`: `decay_type` (linear, sqrt or cosine; default linear), `warmup_steps` (200), `total_steps` (absent:
 *   training.steps), `decay_ratio` (absent: None), `min_lr_factor` (0.0), `training_steps` (training.steps, 10000).
 * - `baseLr`: `optimizer.lr` (8e-4). `totalSteps`: the updates the run makes (training.steps).
 *
 * Update k uses t = k (LambdaLR sets lambda(0) at construction; the scheduler steps after each optimizer step).
 * N = total_steps or training.steps; W = min(int(warmup_steps), N); D = round(N · decay_ratio) (Python round, half
 * to even), lowered to N − W when W + D > N, or N − W without a ratio; S = N + 1 − W − D (a virtual step: the last
 * real update never reaches the floor). lambda(t): t < W: (t + 1) / W; t < W + S: 1; else p = (t + 1 − W − S) / D
 * and m + (1 − m) · g(p) with g = 1 − p (linear), 1 − √p (sqrt), (1 + cos πp) / 2 (cosine). p is not clamped:
 * with total_steps < training.steps, linear and sqrt go below m and turn negative, cosine rises again.
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { numberParam, stringParam } from '../../schedules/scheduleParams';

export const TORCHTITAN_DECAY_TYPES = ['linear', 'sqrt', 'cosine'] as const;

/** Python 3's round() of a float to an integer: half to even. */
export function pythonRound(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The phase lengths torchtitan derives (`build_lr_schedulers`). */
export interface TorchtitanPhases {
  /** N: total_steps, else training.steps. */
  total: number;
  /** W: warmup steps, at most N. */
  warmup: number;
  /** S: stable steps, including the virtual one. */
  stable: number;
  /** D: decay steps. */
  decay: number;
}

export function torchtitanPhases(params: Readonly<Record<string, unknown>>, trainingSteps: number): TorchtitanPhases {
  if (params['legacy_warmup'] === true) {
    const warmup = Math.trunc(numberParam(params, 'warmup_steps') ?? 200);
    return { total: trainingSteps, warmup, stable: 0, decay: Math.max(1, trainingSteps - warmup) };
  }
  const total = numberParam(params, 'total_steps') ?? numberParam(params, 'training_steps') ?? trainingSteps;
  const warmup = Math.min(Math.trunc(numberParam(params, 'warmup_steps') ?? 200), total);
  const ratio = numberParam(params, 'decay_ratio');
  let decay = ratio === undefined ? total - warmup : pythonRound(total * ratio);
  if (ratio !== undefined && warmup + decay > total) decay = total - warmup;
  return { total, warmup, stable: total + 1 - warmup - decay, decay };
}

/**
 * torchtitan before 2025-03-11 (`[training] warmup_steps`): pytorch/torchtitan torchtitan/components/optimizer.py
 * `build_lr_schedulers` @3d6f73c4be22855467cc1e91280b86a4571a2e5e (the parent of 0da8901b, which moved warmup_steps to
 * `[lr_scheduler]`): W = int(warmup_steps), D = max(1, N − W); t < W: (t + 1)/(W + 1); else 1 − (t − W)/D (towards 0,
 * never reached within the run).
 */
function legacySchedule(input: ScheduleInput): Schedule {
  const N = input.totalSteps;
  const W = Math.trunc(numberParam(input.params, 'warmup_steps') ?? 200);
  const D = Math.max(1, N - W);
  const eta = input.baseLr;
  const lrAt = (t: number): number => eta * (t < W ? (t + 1) / (W + 1) : 1 - (t - W) / D);
  const markers = W > 0 ? [marker(W, 'warmup-end', 'warmup ends (peak LR)')] : [];
  return closedFormSchedule({ family: 'linear', totalSteps: N, lrAt, breakpoints: [W - 1, W], markers });
}

export function torchtitanSchedule(input: ScheduleInput): Schedule | null {
  if (input.params['legacy_warmup'] === true) return legacySchedule(input);
  const type = stringParam(input.params, 'decay_type') ?? input.name;
  if (!TORCHTITAN_DECAY_TYPES.some((t) => t === type)) return null;
  const { warmup: W, stable: S, decay: D } = torchtitanPhases(input.params, input.totalSteps);
  const m = numberParam(input.params, 'min_lr_factor') ?? 0;
  const eta = input.baseLr;
  const shape = (p: number): number => (type === 'linear' ? 1 - p : type === 'sqrt' ? 1 - Math.sqrt(p) : 0.5 * (1 + Math.cos(Math.PI * p)));
  const factor = (t: number): number => {
    if (t < W) return (t + 1) / W;
    if (t < W + S) return 1;
    // torchtitan asserts decay_steps != 0 here; with D = 0 this branch is reached only past N + 1, beyond any run.
    if (D === 0) return 1;
    return m + (1 - m) * shape((t + 1 - W - S) / D);
  };
  const markers: ScheduleMarker[] = [];
  if (W > 0) markers.push(marker(W - 1, 'warmup-end', 'warmup ends (peak LR)'));
  if (D > 0 && S > 1) markers.push(marker(W + S, 'decay-start', 'decay starts'));
  const end = W + S + D - 1;
  if (D > 0) markers.push(marker(end, 'horizon', `min_lr_factor floor (${m} × lr)`));
  return closedFormSchedule({
    family: type,
    totalSteps: input.totalSteps,
    lrAt: (t) => eta * factor(t),
    breakpoints: [W - 1, W, W + S - 1, W + S, end],
    markers,
  });
}
