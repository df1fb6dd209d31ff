import type { ScheduleFamily } from '../family';

/** The family of a NeoX `lr_decay_style` (exact lowercase names; anything else runs as constant). */
export function gptNeoxFamily(name: string): ScheduleFamily {
  switch (name) {
    case 'cosine':
      return { kind: 'cosine', name: 'cosine' };
    case 'linear':
      return { kind: 'linear', name: 'linear' };
    case 'exponential':
      return { kind: 'other', name: 'exponential decay (halves over the horizon)' };
    case 'infinite_cosine':
    case 'infinite_inv_sqrt':
      return { kind: 'other', name: `${name.replace('_', ' ').replace('_', ' ')} (cooldown, constant, exponential tail)` };
    default:
      return { kind: 'constant', name: 'constant' };
  }
}
