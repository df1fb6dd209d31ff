import { family, type ScheduleFamily } from '../family';
import type { SchedulerParams } from '../torch/torchParams';

/** Ultralytics has two schedules: a one-cycle cosine (`cos_lr: true`) or a linear ramp down to `lrf`. */
export function ultralyticsFamily(name: string, params: SchedulerParams): ScheduleFamily {
  return params.cos_lr === true || name === 'cos' || name === 'cosine' ? family('cosine') : family('linear');
}
