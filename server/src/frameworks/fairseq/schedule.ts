/**
 * fairseq LR schedulers (plan `schedule.framework: 'fairseq'`), absolute LRs set per update: the update taking
 * num_updates from n to n+1 uses f(n) (fp16 overflow skips are not modeled). Source: facebookresearch/fairseq
 * fairseq/optim/lr_scheduler/*.py, fairseq/trainer.py (commit 3d262bb2569).
 *
 * Contract with the dialects:
 * - `schedule.name`: `lr_scheduler._name` / `--lr-scheduler`: inverse_sqrt, polynomial_decay, cosine, tri_stage,
 *   fixed, step, reduce_lr_on_plateau.
 * - `schedule.params`: the lr_scheduler block's keys plus the `optimization.*` values the schedulers read:
 *   `lr` (optimization.lr, a list or a number; default [0.25]), `max_update` (0 = unlimited),
 *   inverse_sqrt: warmup_updates (4000), warmup_init_lr (-1 -> 0 if warmup else lr);
 *   polynomial_decay: warmup_updates (0), end_learning_rate (0.0), power (1.0), total_num_update (= max_update);
 *   cosine: warmup_updates (0), warmup_init_lr (-1 -> min_lr), min_lr (0.0), t_mult (1.0), lr_period_updates
 *     (-1 -> max_update - warmup_updates), lr_shrink (0.1);
 *   tri_stage: warmup_steps, hold_steps, decay_steps (0) or phase_ratio [3 floats], init_lr_scale (0.01),
 *     final_lr_scale (0.01);
 *   fixed: force_anneal (none), lr_shrink (0.1), warmup_updates (0) — uses the epoch (1-based), derived from
 *     `length.stepsPerEpoch` when lr lists or force_anneal need it;
 *   step: warmup_updates (0), warmup_init_lr (-1 -> min_lr), min_lr (0.0), lr_deacy_period (25000, sic), lr_decay (0.5).
 * - `baseLr` is not read (fairseq's lr[0] is): the dialect should set baseLr = lr[0] for the other rules.
 */
import { defined } from '../../defined';
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { numberListParam, numberParam } from '../../schedules/scheduleParams';
import { geometricCycle } from '../../schedules/geometricCycle';

export function fairseqSchedule(input: ScheduleInput): Schedule | null {
  const p = input.params;
  const lrs = numberListParam(p, 'lr') ?? [input.baseLr];
  const [lr] = lrs;
  if (lr === undefined) return null; // (the dialect reads no empty list)
  const maxUpdate = numberParam(p, 'max_update') ?? 0;
  const perEpoch = input.stepsPerEpoch;
  const total = input.totalSteps;
  const markers: ScheduleMarker[] = [];
  const done = (lrAt: (n: number) => number, breakpoints: number[]) =>
    closedFormSchedule({ family: input.name, totalSteps: total, lrAt, breakpoints, markers });

  switch (input.name) {
    case 'inverse_sqrt': {
      if (lrs.length > 1) return null; // "Cannot use a fixed learning rate schedule with inverse_sqrt"
      const W = numberParam(p, 'warmup_updates') ?? 4000;
      let init = numberParam(p, 'warmup_init_lr') ?? -1;
      if (init < 0) init = W > 0 ? 0 : lr;
      const lrStep = W > 0 ? (lr - init) / W : 0;
      const decayFactor = lr * Math.sqrt(W);
      if (W > 0) markers.push(marker(W, 'warmup-end', 'warmup ends'));
      return done((n) => (n < W ? init + n * lrStep : decayFactor / Math.sqrt(n)), [W]);
    }
    case 'polynomial_decay': {
      const W = numberParam(p, 'warmup_updates') ?? 0;
      const end = numberParam(p, 'end_learning_rate') ?? 0.0;
      const power = numberParam(p, 'power') ?? 1.0;
      const totalNum = numberParam(p, 'total_num_update') ?? maxUpdate;
      if (!(totalNum > 0)) return null;
      // step_begin_epoch sets lr = lr_list[min(epoch, len - 1)] with the 1-based epoch: only a list needs epochs.
      if (lrs.length > 1 && !perEpoch) return null;
      const lrOf = (n: number) =>
        lrs.length > 1 && perEpoch
          ? defined(lrs[Math.min(1 + Math.floor(n / perEpoch), lrs.length - 1)], 'an epoch past the list reads its last lr')
          : lr;
      if (W > 0) markers.push(marker(W, 'warmup-end', 'warmup ends'));
      return done(
        (n) => {
          const peak = lrOf(n);
          if (W > 0 && n <= W) return peak * (n / W);
          if (n >= totalNum) return end;
          return (peak - end) * (1 - (n - W) / (totalNum - W)) ** power + end;
        },
        [W, totalNum],
      );
    }
    case 'cosine': {
      if (lrs.length > 1) return null;
      const W = numberParam(p, 'warmup_updates') ?? 0;
      const maxLr = lr;
      let minLr = numberParam(p, 'min_lr') ?? 0.0;
      if (maxLr < minLr) minLr = maxLr;
      let init = numberParam(p, 'warmup_init_lr') ?? -1;
      if (init < 0) init = minLr;
      const tMult = numberParam(p, 't_mult') ?? 1.0;
      const periodUpdates = numberParam(p, 'lr_period_updates') ?? -1;
      const period = periodUpdates > 0 ? periodUpdates : maxUpdate - W;
      if (!(period > 0)) return null;
      const lrShrink = numberParam(p, 'lr_shrink') ?? 0.1;
      const lrStep = W > 0 ? (maxLr - init) / W : 1;
      const restarts: number[] = [];
      for (let i = 1, start = period, len = period * tMult; W + start < 4 * total + 1 && i < 10_000; i++, start += len, len *= tMult) {
        restarts.push(W + start);
        if (W + start < total) markers.push(marker(W + start, 'restart', `restart ${i}`));
      }
      if (W > 0) markers.push(marker(W, 'warmup-end', 'warmup ends'));
      return done(
        (n) => {
          if (n < W) return init + n * lrStep;
          const c = n - W;
          const { index: i, length: tI, offset: tCurr } = geometricCycle(c, period, tMult);
          const shrink = lrShrink ** i;
          const lo = minLr * shrink;
          const hi = maxLr * shrink;
          return lo + 0.5 * (hi - lo) * (1 + Math.cos((Math.PI * tCurr) / tI));
        },
        [W, ...restarts],
      );
    }
    case 'tri_stage': {
      if (lrs.length > 1) return null;
      const ratio = numberListParam(p, 'phase_ratio');
      let [W, H, D] = [numberParam(p, 'warmup_steps') ?? 0, numberParam(p, 'hold_steps') ?? 0, numberParam(p, 'decay_steps') ?? 0];
      if (ratio) {
        if (ratio.length !== 3 || !(maxUpdate > 0)) return null;
        [W, H, D] = ratio.map((r) => Math.trunc(maxUpdate * r)) as [number, number, number];
      }
      if (!(D > 0)) return null; // decay_factor divides by decay_steps
      const initScale = numberParam(p, 'init_lr_scale') ?? 0.01;
      const finalScale = numberParam(p, 'final_lr_scale') ?? 0.01;
      const init = initScale * lr;
      const final = finalScale * lr;
      const warmupRate = W !== 0 ? (lr - init) / W : 0;
      const decayFactor = -Math.log(finalScale) / D;
      markers.push(marker(W, 'warmup-end', 'warmup ends'), marker(W + H, 'decay-start', 'decay starts'));
      return done(
        (n) => {
          if (n < W) return init + warmupRate * n;
          if (n < W + H) return lr;
          if (n <= W + H + D) return lr * Math.exp(-decayFactor * (n - W - H));
          return final;
        },
        [W, W + H, W + H + D, W + H + D + 1],
      );
    }
    case 'fixed': {
      const forceAnneal = numberParam(p, 'force_anneal');
      const lrShrink = numberParam(p, 'lr_shrink') ?? 0.1;
      const W = numberParam(p, 'warmup_updates') ?? 0;
      const needsEpoch = lrs.length > 1 || forceAnneal !== undefined;
      if (needsEpoch && !perEpoch) return null;
      const lastLr = defined(lrs[lrs.length - 1], 'lrs is not empty');
      const epochLr = (epoch: number) =>
        forceAnneal === undefined || epoch < forceAnneal
          ? defined(lrs[Math.min(epoch - 1, lrs.length - 1)], 'epochs count from 1; later ones read the last lr')
          : lastLr * lrShrink ** (epoch + 1 - forceAnneal);
      const epochOf = (n: number) => (perEpoch ? 1 + Math.floor(n / perEpoch) : 1);
      if (W > 0) markers.push(marker(W, 'warmup-end', 'warmup ends'));
      const epochBounds =
        needsEpoch && perEpoch ? Array.from({ length: Math.min(10_000, Math.ceil(total / perEpoch) + 1) }, (_, e) => e * perEpoch) : [];
      return done(
        (n) => {
          const e = epochLr(epochOf(n));
          return W > 0 && n < W ? ((n + 1) / W) * e : e;
        },
        [W, ...epochBounds],
      );
    }
    case 'step': {
      if (lrs.length > 1) return null;
      const W = numberParam(p, 'warmup_updates') ?? 0;
      const minLr = numberParam(p, 'min_lr') ?? 0.0;
      let init = numberParam(p, 'warmup_init_lr') ?? -1;
      if (init < 0) init = minLr;
      const period = numberParam(p, 'lr_deacy_period', 'lr_decay_period') ?? 25000;
      const decay = numberParam(p, 'lr_decay') ?? 0.5;
      if (W > 0) markers.push(marker(W, 'warmup-end', 'warmup ends'));
      return done((n) => (n < W ? init + (n * (lr - init)) / W : Math.max(lr * decay ** Math.floor((n - W) / period), minLr)), [W]);
    }
    case 'reduce_lr_on_plateau': {
      const W = numberParam(p, 'warmup_updates') ?? 0;
      let init = numberParam(p, 'warmup_init_lr') ?? -1;
      if (init < 0) init = W > 0 ? 0 : lr;
      return closedFormSchedule({
        family: input.name,
        totalSteps: total,
        lrAt: (n) => (W > 0 && n <= W ? init + (n * (lr - init)) / W : lr),
        breakpoints: [W],
        validationDriven: true,
      });
    }
    default:
      return null;
  }
}
