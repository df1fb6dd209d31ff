import { family, type ScheduleFamily } from '../family';
import { childScheduler, childSchedulers, linearLrDecays, numericParam, schedulerClassName, type SchedulerParams } from './torchParams';

/** torch.optim.lr_scheduler classes (also used by NeMo, torchtune and DeepSpeed for these names); null for others. */
export function pytorchFamily(name: string, params: SchedulerParams): ScheduleFamily | null {
  switch (name) {
    case 'CosineAnnealingLR':
      return family('cosine');
    case 'LinearLR':
      return linearLrDecays(params) ? family('linear') : family('other', 'linear ramp');
    case 'PolynomialLR':
      return (numericParam(params, 'power') ?? 1) === 1 ? family('linear') : family('other', 'polynomial decay');
    case 'MultiStepLR':
      return family('piecewise', 'multi-step milestones');
    case 'StepLR':
      return family('other', 'step decay');
    case 'ExponentialLR':
      return family('other', 'exponential decay');
    case 'CosineAnnealingWarmRestarts':
      return family('other', 'cosine with warm restarts');
    case 'OneCycleLR':
      return family('other', 'one-cycle');
    case 'CyclicLR':
      return family('other', 'cyclic');
    case 'ConstantLR':
      return family('constant');
    case 'ReduceLROnPlateau':
      return family('validation', 'reduce on plateau');
    case 'SequentialLR':
    case 'ChainedScheduler': {
      // A warmup child followed by the decay: the decay is the family.
      const last = childSchedulers(params).at(-1);
      const child = last ? childScheduler(last) : undefined;
      return child?.name ? pytorchFamily(schedulerClassName(child.name), child.params) : family('unknown');
    }
    default:
      return null;
  }
}
