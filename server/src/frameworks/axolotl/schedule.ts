/**
 * Axolotl schedulers (plan `schedule.framework: 'axolotl'`). Axolotl runs the Hugging Face Trainer, so update t
 * (0-based optimizer steps done) uses lr(t). Source: axolotl-ai-cloud/axolotl src/axolotl/utils/schedulers.py,
 * core/trainers/mixins/scheduler.py, core/builders/base.py (commit 067b021c).
 *
 * Contract with the dialects:
 * - `schedule.name`: the config's `lr_scheduler` (Axolotl default `cosine`): `one_cycle`, `rex`, or any Hugging Face
 *   `lr_scheduler_type` name (passed through to get_scheduler).
 * - `schedule.params` (top-level Axolotl keys, as written):
 *   `cosine_min_lr_ratio`, `cosine_constant_lr_ratio`, `lr_quadratic_warmup` (these three act only when the name is
 *   `cosine`); `lr_scheduler_kwargs` (object, forwarded to get_scheduler / OneCycleLR);
 *   `jagged_restart_steps`, `jagged_restart_warmup_steps` (10), `jagged_restart_anneal_steps` (1) (ReLoRA wrapper,
 *   floor scale `cosine_min_lr_ratio` or 0.001).
 * - `warmup.steps`: Axolotl's W, already resolved by the dialect (warmup_steps, else int(warmup_ratio*T), else
 *   min(int(0.03*T), 100); W == 1 becomes 2). `length.steps`: T (Axolotl forces it into HF max_steps).
 * - `baseLr`: `learning_rate`.
 * Priority (create_scheduler): one_cycle > rex > cosine+lr_quadratic_warmup > cosine+min+constant ratio >
 * cosine+min ratio (truthy: 0 falls through) > plain HF.
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import { mergeSteps, periodicBreakpointSteps } from '../../schedules/criticalSteps';
import { huggingFaceSchedule, isHuggingFaceScheduler } from '../huggingface/schedule';
import { pytorchSchedule } from '../../schedules/pytorch';
import type { Schedule } from '../../schedules/schedule';
import { booleanParam, numberParam, objectParam } from '../../schedules/scheduleParams';

export function axolotlSchedule(input: ScheduleInput): Schedule | null {
  const inner = axolotlInnerSchedule(input);
  const restartEvery = numberParam(input.params, 'jagged_restart_steps');
  if (!inner || !restartEvery || restartEvery <= 0) return inner;
  return jaggedRestarts(inner, input, restartEvery);
}

function axolotlInnerSchedule(input: ScheduleInput): Schedule | null {
  const { name, params, baseLr, warmupSteps: W, totalSteps: T } = input;
  const kwargs = objectParam(params.lr_scheduler_kwargs) ?? {};
  const minRatio = numberParam(params, 'cosine_min_lr_ratio');
  const constantRatio = numberParam(params, 'cosine_constant_lr_ratio');
  const warmup = (t: number) => t / Math.max(1, W);
  const warmupMarker = W > 0 ? [marker(W, 'warmup-end', 'warmup ends')] : [];

  if (name === 'one_cycle') {
    // OneCycleLR(max_lr=learning_rate, total_steps=T, pct_start=W/T, anneal_strategy='cos', **lr_scheduler_kwargs)
    const schedule = pytorchSchedule({
      name: 'OneCycleLR',
      params: { max_lr: baseLr, total_steps: T, pct_start: W / T, anneal_strategy: 'cos', ...kwargs },
      baseLr,
      totalSteps: T,
    });
    return schedule && { ...schedule, family: name };
  }
  if (name === 'rex') {
    // RexLR(max_lr=lr, min_lr=lr*cosine_min_lr_ratio, total_steps=T, num_warmup_steps=W), built with last_epoch=0:
    // update t evaluates s = t + 1.
    const minLr = baseLr * (minRatio ?? 0);
    const R = T - W;
    const m = minLr / baseLr;
    return closedFormSchedule({
      family: name,
      totalSteps: T,
      lrAt: (t) => {
        const s = t + 1;
        if (W > 0 && s >= 1 && s <= W) return (baseLr * s) / W;
        const a = s - W;
        if (a >= R || R <= 0) return minLr;
        const z = (R - (a % R)) / R;
        return baseLr * (m + ((1 - m) * z) / (0.1 + 0.9 * z));
      },
      breakpoints: [W - 1, T - 1],
      markers: warmupMarker.map((w) => ({ ...w, step: W - 1 })),
    });
  }
  if (name === 'cosine' && booleanParam(params, 'lr_quadratic_warmup') === true) {
    // get_cosine_schedule_with_quadratic_warmup: (t/W)^2, then HF cosine (num_cycles .5) to 0.
    return closedFormSchedule({
      family: 'cosine (quadratic warmup)',
      totalSteps: T,
      lrAt: (t) =>
        baseLr * (t < W ? warmup(t) ** 2 : Math.max(0, 0.5 * (1 + Math.cos(Math.PI * 0.5 * 2 * ((t - W) / Math.max(1, T - W)))))),
      breakpoints: [W, T],
      markers: warmupMarker,
    });
  }
  if (name === 'cosine' && minRatio && constantRatio !== undefined) {
    // get_cosine_schedule_with_warmup_decay_constant: cosine reaches min at C = int(T * constant_ratio), then flat.
    const C = Math.trunc(T * constantRatio);
    return closedFormSchedule({
      family: 'cosine (min lr, constant tail)',
      totalSteps: T,
      lrAt: (t) => {
        if (t < W) return baseLr * warmup(t);
        const progress = (Math.min(t, C) - W) / Math.max(1, C - W);
        return baseLr * (Math.max(0, (1 - minRatio) * 0.5 * (1 + Math.cos(Math.PI * 2 * 0.5 * progress))) + minRatio);
      },
      breakpoints: [W, C],
      markers: [...warmupMarker, marker(C, 'milestone', 'minimum reached, held')],
    });
  }
  if (name === 'cosine' && minRatio) {
    // get_cosine_schedule_with_min_lr: no clamp, no num_cycles.
    return closedFormSchedule({
      family: 'cosine (min lr)',
      totalSteps: T,
      lrAt: (t) => {
        if (t < W) return baseLr * warmup(t);
        const progress = (t - W) / Math.max(1, T - W);
        return baseLr * ((1 - minRatio) * 0.5 * (1 + Math.cos(Math.PI * progress)) + minRatio);
      },
      breakpoints: [W, T, 2 * T - W],
      markers: warmupMarker,
    });
  }
  if (!isHuggingFaceScheduler(name)) return null;
  return huggingFaceSchedule({ name, baseLr, warmupSteps: W, totalSteps: T, kwargs });
}

/** JaggedLRRestartScheduler (ReLoRA): multiplies the inner LR by a saw-tooth scale restarting every R steps. */
function jaggedRestarts(inner: Schedule, input: ScheduleInput, R: number): Schedule {
  const warmup = numberParam(input.params, 'jagged_restart_warmup_steps') ?? 10;
  const anneal = numberParam(input.params, 'jagged_restart_anneal_steps') ?? 1;
  const minScale = numberParam(input.params, 'cosine_min_lr_ratio') || 0.001;
  const scale = (t: number): number => {
    if (t < R - anneal) return 1;
    const q = t % R;
    const c = q < warmup ? Math.min(1, q / warmup) : q > R - anneal ? Math.min(1, (R - q) / anneal) : 1;
    return c * (1 - minScale) + minScale;
  };
  const innerCritical = inner.criticalSteps;
  return {
    family: `${inner.family} + jagged restarts`,
    totalSteps: inner.totalSteps,
    lrAt: (t) => inner.lrAt(t) * scale(t),
    criticalSteps: innerCritical
      ? (start, end, limit) =>
          mergeSteps(
            [
              innerCritical(start, end, limit),
              mergeSteps(
                [
                  periodicBreakpointSteps(0, R, start, end, limit),
                  periodicBreakpointSteps(warmup, R, start, end, limit),
                  periodicBreakpointSteps(R - anneal, R, start, end, limit),
                ],
                limit,
              ),
            ],
            limit,
          )
      : undefined,
    markers: [
      ...inner.markers,
      ...Array.from({ length: Math.min(500, Math.floor((inner.totalSteps - 1) / R)) }, (_, k) =>
        marker((k + 1) * R, 'restart', `ReLoRA restart ${k + 1}`),
      ),
    ],
    validationDriven: inner.validationDriven,
  };
}
