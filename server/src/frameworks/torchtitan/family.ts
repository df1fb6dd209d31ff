import type { ScheduleFamily } from '../family';

/**
 * The family of a torchtitan schedule by its `decay_type` (pytorch/torchtitan torchtitan/components/lr_scheduler.py
 * @238fa9953e4aec2a62582121564273d7cbb1e9f1); `name` is for display, the type is in the params.
 */
export function torchtitanFamily(name: string, params: Readonly<Record<string, unknown>>): ScheduleFamily {
  const type = typeof params['decay_type'] === 'string' ? params['decay_type'] : name;
  if (type === 'cosine') return { kind: 'cosine', name: 'cosine' };
  if (type === 'linear') return { kind: 'linear', name: 'linear' };
  if (type === 'sqrt') return { kind: 'other', name: '1 - sqrt decay' };
  return { kind: 'unknown', name: type };
}
