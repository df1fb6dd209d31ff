/**
 * torchtune learning-rate schedulers (plan `schedule.framework: 'torchtune'`). Source:
 * pytorch/torchtune torchtune/training/lr_schedulers.py (older releases torchtune/modules/lr_schedulers.py) and the
 * recipes' `_setup_lr_scheduler` (lr_schedulers.py at commit 56bfafa9, recipes at 01067f61).
 *
 * Contract with the dialects:
 * - `schedule.name`: `get_cosine_schedule_with_warmup` (a dotted `_component_` path is accepted), or `constant` when
 *   the config has no `lr_scheduler` (torchtune then keeps the optimizer's LR). A `_component_` naming a
 *   torch.optim.lr_scheduler class belongs to framework `pytorch` instead.
 * - `schedule.params`: the `lr_scheduler` block's keys: `num_warmup_steps` (required by torchtune; falls back to
 *   `warmup.steps`), `num_cycles` (0.5).
 * - `length.steps` = num_training_steps = epochs * steps_per_epoch, steps_per_epoch = floor(len(dataloader) /
 *   gradient_accumulation_steps) capped by max_steps_per_epoch (the dialect computes it); unit `step`.
 * LambdaLR: optimizer update t (0-based) uses base * lambda(t); W = num_warmup_steps, T = num_training_steps:
 *   t < W: t / max(1, W); else max(0, 0.5 * (1 + cos(pi * num_cycles * 2 * (t - W) / max(1, T - W)))).
 * Note torchtune logs the LR after scheduler.step(), i.e. the value for the next update.
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import type { Schedule } from '../../schedules/schedule';
import { numberParam } from '../../schedules/scheduleParams';
import { schedulerClassName } from '../torch/torchParams';

export const TORCHTUNE_SCHEDULERS = ['get_cosine_schedule_with_warmup', 'constant'] as const;

export function torchtuneSchedule(input: ScheduleInput): Schedule | null {
  const name = schedulerClassName(input.name);
  const T = input.totalSteps;
  if (name === 'constant') return closedFormSchedule({ family: name, totalSteps: T, lrAt: () => input.baseLr });
  if (name !== 'get_cosine_schedule_with_warmup') return null;
  const W = numberParam(input.params, 'num_warmup_steps') ?? input.warmupSteps;
  const cycles = numberParam(input.params, 'num_cycles') ?? 0.5;
  const span = Math.max(1, T - W);
  const lambda = (t: number): number => {
    if (t < W) return t / Math.max(1, W);
    const progress = (t - W) / span;
    return Math.max(0, 0.5 * (1 + Math.cos(Math.PI * cycles * 2 * progress)));
  };
  // Extrema of the cosine where 2 * num_cycles * progress is an integer: t = W + k * span / (2 * num_cycles).
  const extrema: number[] = [];
  for (let k = 1; cycles > 0 && W + (k * span) / (2 * cycles) < 2 * T + 1 && k < 10_000; k++) extrema.push(W + (k * span) / (2 * cycles));
  return closedFormSchedule({
    family: name,
    totalSteps: T,
    lrAt: (t) => input.baseLr * lambda(t),
    breakpoints: [W, ...extrema],
    markers: W > 0 ? [marker(W, 'warmup-end', 'warmup ends')] : [],
  });
}
