/**
 * timm (pytorch-image-models) schedulers (plan `schedule.framework: 'timm'`). Stateless: `_get_lr(t)` with t the
 * epoch index (default, all updates of epoch e use _get_lr(e)) or, with `sched_on_updates`, the optimizer update
 * index. Source: huggingface/pytorch-image-models timm/scheduler/{scheduler,cosine_lr,tanh_lr,poly_lr,step_lr,
 * multistep_lr,plateau_lr,scheduler_factory}.py, train.py (commit aa4b5850).
 *
 * Contract with the dialects:
 * - `schedule.name`: the `sched` value: `cosine`, `tanh`, `poly`, `step`, `multistep`, `plateau` (class names
 *   CosineLRScheduler etc. accepted).
 * - `schedule.params`: train.py argument names as written in an args YAML; unspecified keys take train.py's CLI
 *   defaults: `epochs` (300), `warmup_epochs` (5), `warmup_lr` (1e-5), `min_lr` (0), `decay_epochs` (90),
 *   `decay_milestones` ([90, 180, 270]), `decay_rate` (0.1; also poly's power), `cooldown_epochs` (0),
 *   `lr_cycle_mul` (1.0), `lr_cycle_decay` (0.5), `lr_cycle_limit` (1), `lr_k_decay` (1.0), `warmup_prefix`
 *   (false), `sched_on_updates` (false), `updates_per_epoch` (falls back to `length.stepsPerEpoch`; required when
 *   sched_on_updates). `lr_noise` is random and not drawn.
 * - `baseLr`: the resolved `lr` (train.py derives it from lr_base * global_batch / lr_base_size when unset: the
 *   dialect's job). `length.steps`: epochs (+ cooldown) in unit `epoch`, or updates in unit `step` when
 *   sched_on_updates. `warmup.steps` is not read (warmup_epochs is).
 * Gotchas kept: warmup_prefix false means the cosine includes the warmup (LR at warmup end is below base);
 * after cycle_limit cycles the LR stays at min_lr (no rise, unlike torch); multistep decays one step early
 * (bisect_right(milestones, t + 1)); warmup starts at warmup_lr, not 0.
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { booleanParam, numberListParam, numberParam } from '../../schedules/scheduleParams';
import { geometricCycle } from '../../schedules/geometricCycle';

const CLASS_NAMES: Readonly<Record<string, string>> = {
  CosineLRScheduler: 'cosine',
  TanhLRScheduler: 'tanh',
  PolyLRScheduler: 'poly',
  StepLRScheduler: 'step',
  MultiStepLRScheduler: 'multistep',
  PlateauLRScheduler: 'plateau',
};

export const TIMM_SCHEDULERS = ['cosine', 'tanh', 'poly', 'step', 'multistep', 'plateau'] as const;

function bisectRight(sorted: readonly number[], x: number): number {
  let count = 0;
  for (const m of sorted) if (m <= x) count++;
  return count;
}

export function timmSchedule(input: ScheduleInput): Schedule | null {
  const sched = CLASS_NAMES[input.name] ?? input.name;
  const p = input.params;
  const onUpdates = booleanParam(p, 'sched_on_updates') ?? false;
  const perEpoch = onUpdates ? (numberParam(p, 'updates_per_epoch') ?? input.stepsPerEpoch) : 1;
  if (perEpoch === undefined || perEpoch <= 0) return null;
  const base = input.baseLr;
  const tInitial = (numberParam(p, 'epochs', 'num_epochs') ?? 300) * perEpoch;
  const warmupT = (numberParam(p, 'warmup_epochs') ?? 5) * perEpoch;
  const warmupLrInit = numberParam(p, 'warmup_lr') ?? 1e-5;
  const lrMin = numberParam(p, 'min_lr') ?? 0;
  const decayRate = numberParam(p, 'decay_rate') ?? 0.1;
  const cycleMul = numberParam(p, 'lr_cycle_mul') ?? 1.0;
  const cycleDecay = numberParam(p, 'lr_cycle_decay') ?? 0.5;
  const cycleLimit = numberParam(p, 'lr_cycle_limit') ?? 1;
  const k = numberParam(p, 'lr_k_decay') ?? 1.0;
  const prefix = booleanParam(p, 'warmup_prefix') ?? false;
  const shift = (t: number) => (prefix ? t - warmupT : t);

  let main: (t: number) => number;
  const breakpoints: number[] = [warmupT];
  const markers: ScheduleMarker[] = warmupT > 0 ? [marker(warmupT, 'warmup-end', 'warmup ends')] : [];
  switch (sched) {
    case 'cosine':
    case 'tanh':
    case 'poly': {
      if (!(tInitial > 0)) return null;
      const shape =
        sched === 'cosine'
          ? (lrMax: number, tCurr: number, tI: number) => lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos((Math.PI * tCurr ** k) / tI ** k))
          : sched === 'tanh'
            ? (lrMax: number, tCurr: number, tI: number) => {
                const tr = tCurr / tI;
                return lrMin + 0.5 * (lrMax - lrMin) * (1 - Math.tanh(-7 * (1 - tr) + 3 * tr));
              }
            : (lrMax: number, tCurr: number, tI: number) => lrMin + (lrMax - lrMin) * (1 - tCurr ** k / tI ** k) ** decayRate;
      main = (raw) => {
        const t = shift(raw);
        const { index: i, length: tI, offset: tCurr } = geometricCycle(t, tInitial, cycleMul);
        if (i >= cycleLimit) return lrMin;
        return shape(base * cycleDecay ** i, tCurr, tI);
      };
      const offset = prefix ? warmupT : 0;
      for (
        let c = 0, start = 0, len = tInitial;
        c <= cycleLimit && c < 10_000 && start < 4 * input.totalSteps + 1;
        c++, start += len, len *= cycleMul
      ) {
        breakpoints.push(offset + start);
        if (c > 0)
          markers.push(
            marker(offset + start, c < cycleLimit ? 'restart' : 'milestone', c < cycleLimit ? `cycle ${c + 1}` : 'cycles done: min_lr'),
          );
      }
      break;
    }
    case 'step': {
      const decayT = (numberParam(p, 'decay_epochs') ?? 90) * perEpoch;
      if (!(decayT > 0)) return null;
      main = (raw) => base * decayRate ** Math.floor(shift(raw) / decayT);
      for (let j = 1; j * decayT + (prefix ? warmupT : 0) < input.totalSteps && j < 10_000; j++) {
        breakpoints.push(j * decayT + (prefix ? warmupT : 0));
        markers.push(marker(j * decayT + (prefix ? warmupT : 0), 'milestone', `× ${decayRate}`));
      }
      break;
    }
    case 'multistep': {
      const milestones = (numberListParam(p, 'decay_milestones') ?? [90, 180, 270]).map((m) => m * perEpoch).sort((a, b) => a - b);
      main = (raw) => base * decayRate ** bisectRight(milestones, shift(raw) + 1);
      for (const m of milestones) {
        const at = m - 1 + (prefix ? warmupT : 0);
        breakpoints.push(at);
        markers.push(marker(at, 'milestone', `× ${decayRate} (one step before milestone ${m})`));
      }
      break;
    }
    case 'plateau':
      return closedFormSchedule({
        family: sched,
        totalSteps: input.totalSteps,
        lrAt: (t) => (warmupT > 0 && t <= warmupT ? warmupLrInit + t * ((base - warmupLrInit) / warmupT) : base),
        breakpoints,
        markers,
        validationDriven: true,
      });
    default:
      return null;
  }
  // tanh without warmup_prefix warms up to its own value at warmup_t; the others to the base lr.
  const warmupTarget = sched === 'tanh' && !prefix ? main(warmupT) : base;
  const warmupStep = warmupT > 0 ? (warmupTarget - warmupLrInit) / warmupT : 0;
  return closedFormSchedule({
    family: sched,
    totalSteps: input.totalSteps,
    lrAt: (t) => (t < warmupT ? warmupLrInit + t * warmupStep : main(t)),
    breakpoints,
    markers,
  });
}
