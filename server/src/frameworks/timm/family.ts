import { family, type ScheduleFamily } from '../family';
import { numericParam, type SchedulerParams } from '../torch/torchParams';

export function timmFamily(name: string, params: SchedulerParams): ScheduleFamily {
  if (name === 'cosine') return family('cosine');
  if (name === 'poly') return (numericParam(params, 'decay_rate') ?? 0.1) === 1 ? family('linear') : family('other', 'polynomial decay');
  if (name === 'multistep') return family('piecewise', 'multi-step milestones');
  if (name === 'step') return family('other', 'step decay');
  if (name === 'tanh') return family('other', 'tanh decay');
  return family('unknown', name);
}
