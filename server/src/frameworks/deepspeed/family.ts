import { family, type ScheduleFamily } from '../family';
import { pytorchFamily } from '../torch/family';
import type { SchedulerParams } from '../torch/torchParams';

/** DeepSpeed's own scheduler names (deepspeed/runtime/lr_schedules.py). */
export const DEEPSPEED_SCHEDULERS = ['WarmupLR', 'WarmupDecayLR', 'WarmupCosineLR', 'OneCycle', 'LRRangeTest'] as const;

/** DeepSpeed's own schedulers (deepspeed/runtime/lr_schedules.py); torch classes are accepted too. */
export function deepspeedFamily(name: string, params: SchedulerParams): ScheduleFamily {
  if (name === 'WarmupCosineLR') return family('cosine');
  if (name === 'WarmupDecayLR') return family('linear');
  if (name === 'WarmupLR') return family('constant');
  if (name === 'OneCycle') return family('other', 'one-cycle');
  if (name === 'LRRangeTest') return family('other', 'LR range test');
  return pytorchFamily(name, params) ?? family('unknown', name);
}
