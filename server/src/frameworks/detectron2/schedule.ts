/**
 * detectron2 LR schedules (plan `schedule.framework: 'detectron2'`): `LRMultiplier` over fvcore ParamSchedulers,
 * iteration i (0-based) uses BASE_LR * M(where = i / MAX_ITER). Source: facebookresearch/detectron2
 * detectron2/solver/build.py, detectron2/solver/lr_scheduler.py, detectron2/config/defaults.py; facebookresearch/fvcore
 * fvcore/common/param_scheduler.py (fvcore at commit 3378afe0d71d, detectron2 at 02b5c4e295e9).
 *
 * Contract with the dialects:
 * - `schedule.name`: SOLVER.LR_SCHEDULER_NAME: WarmupMultiStepLR (default), WarmupCosineLR,
 *   WarmupStepWithFixedGammaLR.
 * - `schedule.params`: the SOLVER keys as written, with or without the `SOLVER.` prefix, defaults from defaults.py:
 *   MAX_ITER (40000; falls back to `length.steps`), STEPS ([30000]; steps > MAX_ITER are dropped), GAMMA (0.1),
 *   BASE_LR_END (0.0), NUM_DECAYS (3), WARMUP_FACTOR (0.001), WARMUP_ITERS (1000), WARMUP_METHOD ('linear' |
 *   'constant'), RESCALE_INTERVAL (false).
 * - `baseLr`: SOLVER.BASE_LR (after auto_scale_workers, the dialect's job). `length.steps`: MAX_ITER.
 * Warmup is not re-normalized (RESCALE_INTERVAL false): the cosine spans [0, MAX_ITER] and the warmup ends on the
 * main schedule's value at WARMUP_ITERS; boundaries use fvcore's 1e-6 epsilon.
 */
import { defined } from '../../defined';
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { booleanParam, numberListParam, numberParam, stringParam } from '../../schedules/scheduleParams';

const WHERE_EPSILON = 1e-6;

function solver(key: string): string[] {
  return [`SOLVER.${key}`, key, key.toLowerCase()];
}

function bisectRight(sorted: readonly number[], x: number): number {
  let count = 0;
  for (const m of sorted) if (m <= x) count++;
  return count;
}

export function detectron2Schedule(input: ScheduleInput): Schedule | null {
  const p = input.params;
  const n = (key: string) => numberParam(p, ...solver(key));
  const maxIter = n('MAX_ITER') ?? input.totalSteps;
  const gamma = n('GAMMA') ?? 0.1;
  const warmupFactor = n('WARMUP_FACTOR') ?? 0.001;
  const warmupIters = n('WARMUP_ITERS') ?? 1000;
  const method = stringParam(p, ...solver('WARMUP_METHOD')) ?? 'linear';
  const rescale = booleanParam(p, ...solver('RESCALE_INTERVAL')) ?? false;
  if (!(maxIter > 0) || (method !== 'linear' && method !== 'constant')) return null;

  let main: (where: number) => number;
  const breakpoints: number[] = [];
  const markers: ScheduleMarker[] = [];
  switch (input.name) {
    case 'WarmupMultiStepLR': {
      const steps = (numberListParam(p, ...solver('STEPS')) ?? [30000]).filter((s) => s <= maxIter);
      let previous: number | undefined;
      for (const s of steps) {
        if (previous !== undefined && !(s > previous)) return null; // fvcore: strictly ascending
        previous = s;
      }
      if (steps.some((s) => s >= maxIter)) return null; // fvcore: milestones must be < num_updates
      const values = Array.from({ length: steps.length + 1 }, (_, k) => gamma ** k);
      main = (where) => {
        if (where > 1.0) return Number.NaN; // fvcore raises past the end
        return defined(values[bisectRight(steps, Math.trunc((where + WHERE_EPSILON) * maxIter))], 'values has one entry more than steps');
      };
      for (const s of steps) {
        breakpoints.push(s);
        markers.push(marker(s, 'milestone', `× ${gamma}`));
      }
      break;
    }
    case 'WarmupCosineLR': {
      const end = (n('BASE_LR_END') ?? 0.0) / input.baseLr;
      if (end < 0 || end > 1) return null;
      main = (where) => end + 0.5 * (1 - end) * (1 + Math.cos(Math.PI * where));
      breakpoints.push(maxIter, 2 * maxIter);
      break;
    }
    case 'WarmupStepWithFixedGammaLR': {
      const numDecays = n('NUM_DECAYS') ?? 3;
      const values = Array.from({ length: numDecays + 1 }, (_, k) => 1.0 * gamma ** k);
      main = (where) => values[Math.trunc((where + WHERE_EPSILON) * values.length)] ?? Number.NaN;
      for (let k = 1; k <= numDecays; k++) breakpoints.push((k * maxIter) / values.length);
      break;
    }
    default:
      return null;
  }
  // WarmupParamScheduler + CompositeParamScheduler([warmup, main], lengths [wl, 1 - wl]).
  const wl = Math.min(warmupIters / maxIter, 1.0);
  const endValue = rescale ? main(0.0) : main(wl);
  const startValue = warmupFactor * main(0.0);
  const warmup = (w: number) => (method === 'constant' ? startValue : endValue * w + startValue * (1 - w));
  const multiplier = (where: number): number => {
    if (wl > 0 && !(where + WHERE_EPSILON > wl)) return warmup(where / wl);
    if (!rescale) return main(where);
    return main((where - wl) / (1 - wl));
  };
  if (warmupIters > 0) {
    breakpoints.push(warmupIters);
    markers.push(marker(warmupIters, 'warmup-end', 'warmup ends'));
  }
  return closedFormSchedule({
    family: input.name,
    totalSteps: input.totalSteps,
    lrAt: (i) => input.baseLr * multiplier(i / maxIter),
    breakpoints,
    markers,
  });
}
