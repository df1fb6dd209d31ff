import { TORCH_OPTIMIZER_DEFAULTS } from '../../dialects/torchDefaults';

/** The torch.optim.lr_scheduler classes LR Lens classifies (the shared `pytorch` vocabulary), by class name. */
export const TORCH_SCHEDULER_CLASSES = [
  'CosineAnnealingLR',
  'LinearLR',
  'PolynomialLR',
  'MultiStepLR',
  'StepLR',
  'ExponentialLR',
  'CosineAnnealingWarmRestarts',
  'OneCycleLR',
  'CyclicLR',
  'ConstantLR',
  'ReduceLROnPlateau',
  'SequentialLR',
  'ChainedScheduler',
] as const;

/** The torch.optim classes whose constructor defaults LR Lens knows (dialects/torchDefaults.ts). */
export const TORCH_OPTIMIZER_CLASSES: readonly string[] = Object.keys(TORCH_OPTIMIZER_DEFAULTS);
