/**
 * Ultralytics YOLO trainer LR (plan `schedule.framework: 'ultralytics'`): an epoch-level LambdaLR plus a per-batch
 * linear warmup that overrides it. Source: ultralytics/ultralytics ultralytics/engine/trainer.py (`_setup_scheduler`,
 * `_do_train`), ultralytics/utils/torch_utils.py `one_cycle`, cfg/default.yaml (trainer.py at commit 00016300).
 * Current trainer behavior (scheduler stepped at the START of each epoch; warmup while ni < nw).
 *
 * Contract with the dialects:
 * - `schedule.name`: `cos` when `cos_lr: true`, else `linear` (the name is informational; `cos_lr` decides).
 * - `schedule.params` (trainer keys as written, defaults from default.yaml): `lrf` (0.01), `cos_lr` (false),
 *   `epochs` (100), `warmup_epochs` (3.0); `batches_per_epoch` (nb = len(train_loader), falls back to
 *   `length.stepsPerEpoch`).
 * - `baseLr`: lr0 (or what `optimizer: auto` chose: the dialect's job). Drawn: the weight/BN groups, whose warmup
 *   starts at 0 (the bias group starts at warmup_bias_lr).
 * - `length.unit` `step` with nb known: t = batch index ni (counts batches, not optimizer steps), T = epochs * nb,
 *   warmup drawn. `length.unit` `epoch` (nb unknown): t = epoch, lr = lr0 * lf(t), warmup not drawn.
 * lf(x) linear: max(1 - x/epochs, 0) * (1 - lrf) + lrf; cos: max((1 - cos(x*pi/epochs))/2, 0) * (lrf - 1) + 1.
 * Warmup: we = min(warmup_epochs, max(epochs - 1, 0)); nw = round(we * nb) (Python round, half to even) if we > 0;
 * ni < nw: lr = interp(ni, [0, nw], [0, lr0 * lf(epoch)]). After the last warmup batch the LR stays at that value
 * until the next epoch's scheduler step (a small plateau below the epoch's LR).
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import { mergeSteps, periodicBreakpointSteps, stepsAroundBreakpoints } from '../../schedules/criticalSteps';
import type { Schedule } from '../../schedules/schedule';
import { booleanParam, numberParam } from '../../schedules/scheduleParams';

/** Python 3 round(): half to even. */
export function pythonRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

export function ultralyticsSchedule(input: ScheduleInput): Schedule | null {
  const p = input.params;
  const lrf = numberParam(p, 'lrf') ?? 0.01;
  const cosLr = booleanParam(p, 'cos_lr') ?? input.name === 'cos';
  const epochs = numberParam(p, 'epochs') ?? 100;
  const warmupEpochs = numberParam(p, 'warmup_epochs') ?? 3.0;
  if (!(epochs > 0)) return null;
  const lf = cosLr
    ? (x: number) => Math.max((1 - Math.cos((x * Math.PI) / epochs)) / 2, 0) * (lrf - 1) + 1
    : (x: number) => Math.max(1 - x / epochs, 0) * (1.0 - lrf) + lrf;
  const base = input.baseLr;
  const family = cosLr ? 'cos' : 'linear';
  const nb = numberParam(p, 'batches_per_epoch') ?? input.stepsPerEpoch;
  if (input.unit === 'epoch' || nb === undefined) {
    return closedFormSchedule({ family, totalSteps: input.totalSteps, lrAt: (e) => base * lf(e), breakpoints: [epochs] });
  }
  const we = Math.min(warmupEpochs, Math.max(epochs - 1, 0));
  const nw = we > 0 ? pythonRound(we * nb) : 0;
  const epochLr = (epoch: number) => base * lf(epoch);
  const warmupLr = (ni: number, epoch: number) => (epochLr(epoch) / nw) * ni;
  const heldEpoch = Math.floor((nw - 1) / nb);
  return closedFormSchedule({
    family,
    totalSteps: input.totalSteps,
    lrAt: (ni) => {
      const epoch = Math.floor(ni / nb);
      if (ni < nw) return warmupLr(ni, epoch);
      if (nw > 0 && epoch === heldEpoch) return warmupLr(nw - 1, heldEpoch);
      return epochLr(epoch);
    },
    criticalSteps: (start, end, limit) =>
      mergeSteps([stepsAroundBreakpoints([nw], start, end, limit), periodicBreakpointSteps(0, nb, start, end, limit)], limit),
    markers: nw > 0 ? [marker(nw, 'warmup-end', 'warmup ends')] : [],
  });
}
