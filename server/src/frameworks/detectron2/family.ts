import { family, type ScheduleFamily } from '../family';

export function detectron2Family(name: string): ScheduleFamily {
  if (name === 'WarmupCosineLR') return family('cosine');
  if (name === 'WarmupMultiStepLR') return family('piecewise', 'multi-step milestones');
  if (name === 'WarmupStepWithFixedGammaLR') return family('other', 'step decay');
  return family('unknown', name);
}
