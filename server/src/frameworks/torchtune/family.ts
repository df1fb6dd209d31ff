import { family, type ScheduleFamily } from '../family';

export function torchtuneFamily(name: string): ScheduleFamily {
  return name === 'get_cosine_schedule_with_warmup' ? family('cosine') : name === 'constant' ? family('constant') : family('unknown', name);
}
