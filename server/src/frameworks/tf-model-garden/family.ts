import { family, type ScheduleFamily } from '../family';
import { numericParam, type SchedulerParams } from '../torch/torchParams';

export function tfModelGardenFamily(name: string, params: SchedulerParams): ScheduleFamily {
  if (name === 'cosine') return family('cosine');
  if (name === 'polynomial') return (numericParam(params, 'power') ?? 1) === 1 ? family('linear') : family('other', 'polynomial decay');
  if (name === 'stepwise') return family('piecewise', 'stepwise boundaries');
  if (name === 'exponential') return family('other', 'exponential decay');
  if (name === 'step_cosine_with_offset') return family('other', 'step cosine');
  if (name.startsWith('power')) return family('other', 'power decay');
  return family('unknown', name);
}
