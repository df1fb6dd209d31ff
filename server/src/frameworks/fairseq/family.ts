import { family, type ScheduleFamily } from '../family';
import { numericParam, type SchedulerParams } from '../torch/torchParams';

export function fairseqFamily(name: string, params: SchedulerParams): ScheduleFamily {
  if (name === 'cosine')
    return (numericParam(params, 't_mult') ?? 1) === 1 ? family('cosine') : family('other', 'cosine with growing restarts');
  if (name === 'polynomial_decay')
    return (numericParam(params, 'power') ?? 1) === 1 ? family('linear') : family('other', 'polynomial decay');
  if (name === 'fixed')
    return Array.isArray(params.lr) && params.lr.length > 1
      ? family('piecewise', 'per-epoch LR list')
      : family('other', 'forced annealing');
  if (name === 'step') return family('other', 'step decay');
  if (name === 'inverse_sqrt') return family('other', 'inverse square root');
  if (name === 'tri_stage') return family('other', 'tri-stage');
  return family('unknown', name);
}
