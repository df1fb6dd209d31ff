import type { ScheduleFamily } from '../family';

/** The family of an OLMo `scheduler.name` (allenai/OLMo olmo/optim.py @59a53e3f68e546330ca5a99ec626e58f9ab96494). */
export function olmoFamily(name: string): ScheduleFamily {
  switch (name) {
    case 'cosine_with_warmup':
      return { kind: 'cosine', name: 'cosine' };
    case 'linear_with_warmup':
      return { kind: 'linear', name: 'linear' };
    case 'cosine_linear_envelope':
      return { kind: 'other', name: 'cosine times a linear envelope' };
    case 'inverse_sqrt_with_warmup':
      return { kind: 'other', name: 'inverse square root' };
    case 'max_scheduler':
      return { kind: 'other', name: 'max of cosine and inverse square root' };
    case 'constant':
    case 'constant_with_warmup':
      return { kind: 'constant', name: 'constant' };
    default:
      return { kind: 'unknown', name };
  }
}
