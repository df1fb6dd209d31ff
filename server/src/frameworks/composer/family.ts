import { family, familyFromTable, type FamilyTable, type ScheduleFamily } from '../family';

/** Composer schedulers, by their YAML name and by their class name. */
const COMPOSER_FAMILIES: FamilyTable = {
  cosine_with_warmup: 'cosine',
  CosineAnnealingWithWarmupScheduler: 'cosine',
  cosine_decay: 'cosine',
  cosine_decay_with_warmup: 'cosine',
  CosineAnnealingScheduler: 'cosine',
  linear_decay_with_warmup: 'linear',
  LinearWithWarmupScheduler: 'linear',
  linear_decay: 'linear',
  LinearScheduler: 'linear',
  constant: 'constant',
  constant_with_warmup: 'constant',
  ConstantScheduler: 'constant',
  ConstantWithWarmupScheduler: 'constant',
  multistep: ['piecewise', 'multi-step milestones'],
  multistep_with_warmup: ['piecewise', 'multi-step milestones'],
  MultiStepScheduler: ['piecewise', 'multi-step milestones'],
  MultiStepWithWarmupScheduler: ['piecewise', 'multi-step milestones'],
  step: ['other', 'step decay'],
  StepScheduler: ['other', 'step decay'],
  exponential: ['other', 'exponential decay'],
  ExponentialScheduler: ['other', 'exponential decay'],
  inv_sqrt_with_warmup: ['other', 'inverse square root'],
  InverseSquareRootWithWarmupScheduler: ['other', 'inverse square root'],
  cosine_warmrestart: ['other', 'cosine with warm restarts'],
  CosineAnnealingWarmRestartsScheduler: ['other', 'cosine with warm restarts'],
  polynomial: ['other', 'polynomial decay'],
  PolynomialScheduler: ['other', 'polynomial decay'],
  polynomial_with_warmup: ['other', 'polynomial decay'],
  PolynomialWithWarmupScheduler: ['other', 'polynomial decay'],
};

/** Composer scheduler names (llm-foundry YAML names and class names). */
export const COMPOSER_SCHEDULER_NAMES: readonly string[] = Object.keys(COMPOSER_FAMILIES);

export function composerFamily(name: string): ScheduleFamily {
  return familyFromTable(COMPOSER_FAMILIES, name) ?? family('unknown', name);
}
