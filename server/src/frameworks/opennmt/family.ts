import { family, type ScheduleFamily } from '../family';

/** OpenNMT-py `decay_method`: noam, noamwd, rsqrt, or (none) exponential step decay. */
export function openNmtFamily(name: string): ScheduleFamily {
  if (name === 'noam' || name === 'noamwd') return family('other', 'Noam');
  if (name === 'rsqrt') return family('other', 'inverse square root');
  return family('other', 'exponential step decay');
}
