/**
 * DeepSpeed LR schedules from a ds_config `scheduler` block (plan `schedule.framework: 'deepspeed'`). The counter
 * `last_batch_iteration` starts at -1 (the constructor writes f(-1)) and the engine steps once per optimizer step,
 * so update k (0-based, no fp16 overflow skips) uses f(k - 1). Source: deepspeedai/DeepSpeed
 * deepspeed/runtime/lr_schedules.py, runtime/engine.py (commit edaa7221267).
 *
 * Contract with the dialects:
 * - `schedule.name`: `scheduler.type`: WarmupLR, WarmupDecayLR, WarmupCosineLR, OneCycle, LRRangeTest; any other
 *   type is looked up in torch.optim.lr_scheduler (delegated to the PyTorch builder, stepped the torch way).
 * - `schedule.params`: `scheduler.params` as written ("auto" values resolved by the dialect from the HF Trainer:
 *   warmup_min_lr 0, warmup_max_lr = learning_rate, warmup_num_steps = W, total_num_steps = T):
 *   WarmupLR: warmup_min_lr (0), warmup_max_lr (optimizer lr), warmup_num_steps (1000), warmup_type ('log');
 *   WarmupDecayLR: + total_num_steps (required), warmup_max_lr (0.001);
 *   WarmupCosineLR: total_num_steps (required), warmup_min_ratio (0), warmup_num_steps (1000), cos_min_ratio (1e-4),
 *     warmup_type ('log') — ratios of the optimizer lr;
 *   OneCycle: cycle_min_lr, cycle_max_lr (required), decay_lr_rate (0), cycle_first_step_size (2000),
 *     cycle_second_step_size (= first), decay_step_size (0) (stair counts not drawn);
 *   LRRangeTest: lr_range_test_min_lr (1e-3), lr_range_test_step_size (2000), lr_range_test_step_rate (1.0),
 *     lr_range_test_staircase (false).
 * - `baseLr`: the optimizer's lr (`optimizer.params.lr`).
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import { pytorchSchedule } from '../../schedules/pytorch';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { booleanParam, numberParam, stringParam } from '../../schedules/scheduleParams';

export function deepspeedSchedule(input: ScheduleInput): Schedule | null {
  const p = input.params;
  const base = input.baseLr;
  const markers: ScheduleMarker[] = [];
  let f: ((i: number) => number) | undefined; // f(last_batch_iteration), i >= -1
  const breakpoints: number[] = [];

  const warmupNum = Math.max(2, numberParam(p, 'warmup_num_steps') ?? 1000);
  const warmupType = stringParam(p, 'warmup_type') === 'linear' ? 'linear' : 'log';
  const inverseLog = 1 / Math.log(warmupNum);
  const warmupGamma = (i: number) => (warmupType === 'log' ? inverseLog * Math.log(i + 1) : i / warmupNum);

  switch (input.name) {
    case 'WarmupLR':
    case 'WarmupDecayLR': {
      const minLr = numberParam(p, 'warmup_min_lr') ?? 0.0;
      const maxLr = numberParam(p, 'warmup_max_lr') ?? (input.name === 'WarmupDecayLR' ? 0.001 : base);
      const delta = maxLr - minLr;
      const total = numberParam(p, 'total_num_steps');
      if (input.name === 'WarmupDecayLR' && total === undefined) return null;
      /** Where WarmupDecayLR reaches 0; WarmupLR stays at its peak. */
      const decayTotal = input.name === 'WarmupDecayLR' ? total : undefined;
      f = (i) => {
        if (i < 0) return minLr;
        let gamma: number;
        if (i < warmupNum) gamma = warmupGamma(i);
        else if (decayTotal === undefined) gamma = 1.0;
        else gamma = Math.max(0.0, (decayTotal - i) / Math.max(1.0, decayTotal - warmupNum));
        return minLr + delta * gamma;
      };
      breakpoints.push(warmupNum + 1);
      markers.push(marker(warmupNum + 1, 'warmup-end', 'warmup ends'));
      if (total !== undefined) breakpoints.push(total + 1);
      break;
    }
    case 'WarmupCosineLR': {
      const total = numberParam(p, 'total_num_steps');
      if (total === undefined) return null;
      const warmupMinRatio = numberParam(p, 'warmup_min_ratio') ?? 0.0;
      const cosMinRatio = numberParam(p, 'cos_min_ratio') ?? 0.0001;
      f = (i) => {
        if (i < 0) return 0.0;
        let ratio: number;
        if (i < warmupNum) {
          ratio = warmupMinRatio + warmupGamma(i) * (1 - warmupMinRatio);
        } else {
          const progress = Math.min(1.0, (i - warmupNum + 1) / Math.max(1, total - warmupNum));
          ratio = Math.max(0.0, cosMinRatio + ((1 - cosMinRatio) * (1 + Math.cos(Math.PI * progress))) / 2);
        }
        return base * ratio;
      };
      breakpoints.push(warmupNum, warmupNum + 1, total + 1);
      markers.push(marker(warmupNum, 'warmup-end', 'warmup ends'));
      break;
    }
    case 'OneCycle': {
      const minLr = numberParam(p, 'cycle_min_lr');
      const maxLr = numberParam(p, 'cycle_max_lr');
      if (minLr === undefined || maxLr === undefined) return null;
      const first = numberParam(p, 'cycle_first_step_size') ?? 2000;
      const second = numberParam(p, 'cycle_second_step_size') ?? first;
      const decayRate = numberParam(p, 'decay_lr_rate') ?? 0.0;
      const decayStep = numberParam(p, 'decay_step_size') ?? 0;
      const totalSize = first + second;
      const stepRatio = first / totalSize;
      f = (i) => {
        if (i < totalSize) {
          const b = i + 1;
          const cycle = Math.floor(1 + b / totalSize);
          const x = 1 + b / totalSize - cycle;
          const scale = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
          return minLr + (maxLr - minLr) * scale;
        }
        if (decayStep === 0 || decayRate === 0) return minLr;
        return minLr / (1 + (decayRate * (i - totalSize + 1)) / decayStep);
      };
      breakpoints.push(first, totalSize);
      markers.push(marker(first, 'phase-end', 'peak (cycle_max_lr)'), marker(totalSize, 'decay-start', 'cycle ends'));
      break;
    }
    case 'LRRangeTest': {
      const minLr = numberParam(p, 'lr_range_test_min_lr') ?? 1e-3;
      const stepSize = numberParam(p, 'lr_range_test_step_size') ?? 2000;
      const stepRate = numberParam(p, 'lr_range_test_step_rate') ?? 1.0;
      const staircase = booleanParam(p, 'lr_range_test_staircase') ?? false;
      f = (i) => {
        const interval = staircase ? Math.floor((i + 1) / stepSize) : (i + 1) / stepSize;
        return minLr * (1 + stepRate * interval);
      };
      break;
    }
    default:
      return pytorchSchedule({ name: input.name, params: p, baseLr: base, totalSteps: input.totalSteps });
  }
  const lr = f;
  return closedFormSchedule({
    family: input.name,
    totalSteps: input.totalSteps,
    lrAt: (k) => lr(k - 1),
    breakpoints,
    markers,
  });
}
