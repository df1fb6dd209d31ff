import type { ScheduleFamily } from '../family';

/** The family of a nanotron `lr_decay_style` (huggingface/nanotron src/nanotron/helpers.py @2411b022a75fb7f7561a1bb4166706da5e1b76de). */
export function nanotronFamily(name: string): ScheduleFamily {
  if (name === 'cosine') return { kind: 'cosine', name: 'cosine' };
  if (name === 'linear') return { kind: 'linear', name: 'linear' };
  if (name === '1-sqrt') return { kind: 'other', name: '1 - sqrt decay' };
  return { kind: 'unknown', name };
}
