import type { ScheduleFamily } from '../family';
import { GPT_NEOX_DECAY_STYLES } from './schedule';

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
    case 'constant':
      return { kind: 'constant', name: 'constant' };
    default:
      // A style NeoX validated case-insensitively (`Cosine`) runs as constant; OneBitAdam's DeepSpeed schedule is unknown here.
      return GPT_NEOX_DECAY_STYLES.some((s) => s === name.toLowerCase())
        ? { kind: 'constant', name: 'constant' }
        : { kind: 'unknown', name };
  }
}
