/**
 * OpenNMT-py learning-rate decay (plan `schedule.framework: 'opennmt'`): lr = learning_rate * decay_fn(step) with
 * `_decay_step` starting at 1, so update k (0-based) uses decay_fn(k + 1) (AMP-skipped steps still advance it).
 * Source: OpenNMT/OpenNMT-py onmt/utils/optimizers.py (make_learning_rate_decay_fn, noam_decay, noamwd_decay,
 * rsqrt_decay, exponential_decay), onmt/opts.py (commit 97111d97551c).
 *
 * Contract with the dialects:
 * - `schedule.name`: `decay_method`: noam, noamwd, rsqrt, or none (default; with start_decay_steps set, which is
 *   the default 50000, `none` still decays exponentially).
 * - `schedule.params` (flat opts keys, defaults from opts.py): warmup_steps (4000), hidden_size (required for noam /
 *   noamwd; older configs: rnn_size, model_dim), learning_rate_decay (0.5), decay_steps (10000),
 *   start_decay_steps (50000; null disables the exponential decay of `none`).
 * - `baseLr`: `learning_rate` (default 1.0; a scale factor for noam: peak = lr * hidden^-0.5 * warmup^-0.5).
 *   `length.steps`: train_steps (optimizer updates).
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { numberParam } from '../../schedules/scheduleParams';

export function openNmtSchedule(input: ScheduleInput): Schedule | null {
  const p = input.params;
  const warmup = numberParam(p, 'warmup_steps') ?? 4000;
  const rate = numberParam(p, 'learning_rate_decay') ?? 0.5;
  const decaySteps = numberParam(p, 'decay_steps') ?? 10000;
  const startDecay = p.start_decay_steps === null ? undefined : (numberParam(p, 'start_decay_steps') ?? 50000);
  const modelSize = numberParam(p, 'hidden_size', 'rnn_size', 'model_dim');
  const noam = (size: number) => (step: number) => size ** -0.5 * Math.min(step ** -0.5, step * warmup ** -1.5);
  const exponential = (start: number) => (step: number) => rate ** Math.floor(Math.max(step - start + decaySteps, 0) / decaySteps);
  const markers: ScheduleMarker[] = [];
  const breakpoints: number[] = [];
  let decay: (step: number) => number;
  switch (input.name) {
    case 'noam':
      if (modelSize === undefined || modelSize <= 0) return null;
      decay = noam(modelSize);
      markers.push(marker(warmup - 1, 'warmup-end', 'peak (step == warmup_steps)'));
      breakpoints.push(warmup - 1);
      break;
    case 'noamwd':
      if (modelSize === undefined || modelSize <= 0 || startDecay === undefined) return null;
      {
        const noamOf = noam(modelSize);
        const exponentialOf = exponential(startDecay);
        decay = (step) => noamOf(step) * exponentialOf(step);
      }
      breakpoints.push(warmup - 1);
      for (let s = startDecay; s <= input.totalSteps && breakpoints.length < 10_000; s += decaySteps) breakpoints.push(s - 1);
      break;
    case 'rsqrt':
      decay = (step) => 1 / Math.sqrt(Math.max(step, warmup));
      breakpoints.push(warmup - 1);
      break;
    case 'none':
      decay = startDecay === undefined ? () => 1 : exponential(startDecay);
      if (startDecay !== undefined) {
        for (let s = startDecay; s <= input.totalSteps && markers.length < 500; s += decaySteps)
          markers.push(marker(s - 1, 'milestone', `× ${rate}`));
      }
      break;
    default:
      return null;
  }
  return closedFormSchedule({
    family: input.name,
    totalSteps: input.totalSteps,
    lrAt: (k) => input.baseLr * decay(k + 1),
    breakpoints,
    markers,
  });
}
