import { family, type ScheduleFamily } from '../family';
import { numericParam, type SchedulerParams } from '../torch/torchParams';

/** transformers `SchedulerType` names (also axolotl's `lr_scheduler`). */
export function huggingFaceFamily(name: string, params: SchedulerParams): ScheduleFamily {
  switch (name) {
    case 'linear':
      return family('linear');
    case 'cosine':
    case 'cosine_with_min_lr':
    case 'cosine_warmup_with_min_lr':
      return family('cosine');
    case 'polynomial':
      return (numericParam(params, 'power') ?? 1) === 1 ? family('linear') : family('other', 'polynomial decay');
    case 'constant':
    case 'constant_with_warmup':
      return family('constant');
    case 'reduce_lr_on_plateau':
      return family('validation', 'reduce on plateau');
    case 'cosine_with_restarts':
      return family('other', 'cosine with hard restarts');
    case 'inverse_sqrt':
      return family('other', 'inverse square root');
    case 'warmup_stable_decay':
      return family('other', 'warmup-stable-decay');
    case 'one_cycle':
      return family('other', 'one-cycle');
    case 'rex':
      return family('other', 'REX');
    default:
      return family('unknown', name);
  }
}
