/**
 * TF Model Garden learning-rate schedules (plan `schedule.framework: 'tf-model-garden'`), evaluated at
 * `optimizer.iterations` (update k uses lr(k)). Source: tensorflow/models official/modeling/optimization/
 * lr_schedule.py, optimizer_factory.py, configs/learning_rate_config.py, and the Keras schedules they wrap;
 * lr_schedule.py at commit 00b830c7ca64. TensorFlow evaluates these in float32; LR Lens computes the same formulas in
 * float64 (differences up to ~1e-7 relative).
 *
 * Contract with the dialects:
 * - `schedule.name`: `learning_rate.type`: constant, stepwise, exponential, polynomial, cosine, power, power_linear,
 *   power_with_offset, step_cosine_with_offset.
 * - `schedule.params`: the keys of the `learning_rate.<type>` sub-block as written: initial_learning_rate (falls
 *   back to `baseLr`), learning_rate (constant), boundaries, values, decay_steps, decay_rate, staircase (false),
 *   end_learning_rate (0.0001), power, cycle (false), alpha (0.0), offset (0), total_decay_steps,
 *   linear_decay_fraction (0.1), pre_offset_learning_rate (1e6); plus `warmup`: the optimizer config's warmup
 *   block as `{type: 'linear' | 'polynomial', warmup_steps, warmup_learning_rate (0), power (1)}` (or its
 *   `{type, linear: {...}}` / `{type, polynomial: {...}}` form).
 * - `length.steps`: trainer.train_steps (NOT linked to decay_steps: the schedule-horizon rule compares them).
 * Warmup wraps the decay evaluated at the GLOBAL step: decay_steps still count from 0.
 */
import { defined } from '../../defined';
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { booleanParam, numberListParam, numberParam, objectParam, stringParam } from '../../schedules/scheduleParams';

export function tfModelGardenSchedule(input: ScheduleInput): Schedule | null {
  const p = input.params;
  const init = numberParam(p, 'initial_learning_rate') ?? input.baseLr;
  const offset = numberParam(p, 'offset') ?? 0;
  const breakpoints: number[] = [];
  const markers: ScheduleMarker[] = [];
  let after: (step: number) => number;
  switch (input.name) {
    case 'constant': {
      const lr = numberParam(p, 'learning_rate') ?? input.baseLr;
      after = () => lr;
      break;
    }
    case 'stepwise': {
      const boundaries = numberListParam(p, 'boundaries');
      const values = numberListParam(p, 'values');
      if (!boundaries || !values || values.length !== boundaries.length + 1) return null;
      const finalValue = values[boundaries.length];
      if (finalValue === undefined) return null;
      after = (step) => {
        const s = step - offset;
        for (const [i, boundary] of boundaries.entries()) {
          if (s <= boundary) return defined(values[i], 'values has one entry more than boundaries');
        }
        return finalValue;
      };
      for (const b of boundaries) {
        breakpoints.push(b + 1 + offset);
        markers.push(marker(b + 1 + offset, 'milestone', `→ ${values[boundaries.indexOf(b) + 1]}`));
      }
      break;
    }
    case 'exponential': {
      const decaySteps = numberParam(p, 'decay_steps');
      const rate = numberParam(p, 'decay_rate');
      const staircase = booleanParam(p, 'staircase') ?? false;
      if (!decaySteps || rate === undefined) return null;
      after = (step) => {
        const ratio = (step - offset) / decaySteps;
        return init * rate ** (staircase ? Math.floor(ratio) : ratio);
      };
      break;
    }
    case 'polynomial': {
      const decaySteps = numberParam(p, 'decay_steps');
      const end = numberParam(p, 'end_learning_rate') ?? 0.0001;
      const power = numberParam(p, 'power') ?? 1.0;
      const cycle = booleanParam(p, 'cycle') ?? false;
      if (!decaySteps) return null;
      after = (step) => {
        let s = step - offset;
        let steps = decaySteps;
        if (cycle) steps = decaySteps * (s === 0 ? 1 : Math.ceil(s / decaySteps));
        else s = Math.min(s, decaySteps);
        return (init - end) * (1 - s / steps) ** power + end;
      };
      breakpoints.push(decaySteps + offset);
      // cycle: the jump to the next (longer) decay happens one step after each multiple of decay_steps
      if (cycle) for (let k = 1; k < 1000 && k * decaySteps < input.totalSteps; k++) breakpoints.push(k * decaySteps + offset + 1);
      break;
    }
    case 'cosine': {
      const decaySteps = numberParam(p, 'decay_steps');
      const alpha = numberParam(p, 'alpha') ?? 0.0;
      if (!decaySteps) return null;
      after = (step) => {
        const s = Math.min(step - offset, decaySteps);
        return init * ((1 - alpha) * 0.5 * (1 + Math.cos((Math.PI * s) / decaySteps)) + alpha);
      };
      breakpoints.push(decaySteps + offset);
      break;
    }
    case 'power': {
      const power = numberParam(p, 'power') ?? -0.5;
      after = (step) => init * Math.max(step, 1) ** power;
      break;
    }
    case 'power_linear': {
      const total = numberParam(p, 'total_decay_steps');
      const power = numberParam(p, 'power') ?? -0.5;
      const fraction = numberParam(p, 'linear_decay_fraction') ?? 0.1;
      if (total === undefined) return null;
      after = (step) => {
        const s = step - offset;
        let lr = init * Math.max(s, 1) ** power;
        if (total * fraction > 0) lr *= Math.min(1, (total - s) / (total * fraction));
        return Math.max(0, lr);
      };
      breakpoints.push(total - total * fraction + offset, total + offset);
      break;
    }
    case 'power_with_offset': {
      const power = numberParam(p, 'power') ?? -0.5;
      const pre = numberParam(p, 'pre_offset_learning_rate') ?? 1e6;
      after = (step) => Math.min(step <= offset ? pre : init * Math.max(step - offset, 1) ** power, pre);
      breakpoints.push(offset, offset + 1);
      break;
    }
    case 'step_cosine_with_offset': {
      const boundaries = numberListParam(p, 'boundaries');
      const values = numberListParam(p, 'values');
      if (!boundaries || !values || boundaries.length !== values.length || boundaries.length === 0) return null;
      after = (step) => {
        const s = step - offset;
        let i = 0;
        for (let nextStart = boundaries[1]; nextStart !== undefined && s >= nextStart; nextStart = boundaries[i + 1]) i++;
        const next = values[i + 1] ?? 0;
        const start = defined(boundaries[i], 'segment i is one of the boundaries');
        const value = defined(values[i], 'values has one entry per boundary');
        const len = (boundaries[i + 1] ?? start) - start;
        if (len <= 0) return value; // the last segment has length 0 (degenerate): its first value
        return ((value - next) * (Math.cos((Math.PI * (s - start)) / len) + 1)) / 2 + next;
      };
      for (const b of boundaries) breakpoints.push(b + offset);
      break;
    }
    default:
      return null;
  }

  const warmupBlock = objectParam(p.warmup);
  const warmupType = warmupBlock && stringParam(warmupBlock, 'type');
  const warmupArgs = warmupBlock && warmupType ? (objectParam(warmupBlock[warmupType]) ?? warmupBlock) : undefined;
  const W = warmupArgs ? (numberParam(warmupArgs, 'warmup_steps') ?? 0) : 0;
  let lrAt = after;
  if (warmupArgs && W > 0) {
    const final = after(W);
    if (warmupType === 'linear') {
      const warmupLr = numberParam(warmupArgs, 'warmup_learning_rate') ?? 0;
      lrAt = (step) => (step < W ? warmupLr + (step / W) * (final - warmupLr) : after(step));
    } else if (warmupType === 'polynomial') {
      const power = numberParam(warmupArgs, 'power') ?? 1;
      lrAt = (step) => (step < W ? final * (Math.max(step, 1) / W) ** power : after(step));
    } else {
      return null;
    }
    breakpoints.push(W);
    markers.push(marker(W, 'warmup-end', 'warmup ends'));
  }
  return closedFormSchedule({ family: input.name, totalSteps: input.totalSteps, lrAt, breakpoints, markers });
}
