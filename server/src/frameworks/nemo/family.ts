import { family, familyFromTable, type FamilyTable, type ScheduleFamily } from '../family';
import { pytorchFamily } from '../torch/family';
import type { SchedulerParams } from '../torch/torchParams';

/** NeMo's own schedulers (nemo/core/optim/lr_scheduler.py); torch classes are accepted too. */
const NEMO_FAMILIES: FamilyTable = {
  CosineAnnealing: 'cosine',
  WarmupAnnealing: 'linear',
  WarmupHoldAnnealLinear: 'linear',
  WarmupPolicy: 'constant',
  WarmupHoldPolicy: 'constant',
  SquareAnnealing: ['other', 'square annealing'],
  SquareRootAnnealing: ['other', 'square-root annealing'],
  InverseSquareRootAnnealing: ['other', 'inverse square root'],
  T5InverseSquareRootAnnealing: ['other', 'inverse square root'],
  NoamAnnealing: ['other', 'Noam'],
  NoamHoldAnnealing: ['other', 'Noam'],
  PolynomialDecayAnnealing: ['other', 'polynomial decay'],
  PolynomialHoldDecayAnnealing: ['other', 'polynomial decay'],
  WarmupHoldAnnealOneMinusSquareRoot: ['other', '1 - sqrt annealing'],
};

/** NeMo's own scheduler names. */
export const NEMO_SCHEDULERS: readonly string[] = Object.keys(NEMO_FAMILIES);

export function nemoFamily(name: string, params: SchedulerParams): ScheduleFamily {
  return familyFromTable(NEMO_FAMILIES, name) ?? pytorchFamily(name, params) ?? family('unknown', name);
}
