/**
 * detectron2 decay fix: `SOLVER.LR_SCHEDULER_NAME: WarmupCosineLR` (cosine over SOLVER.MAX_ITER, warmup keys and
 * BASE_LR_END untouched). detectron2's config-built schedulers have no linear decay, so there is no linear fix.
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { setPath } from '../../fixes/pathEdits';

export function detectron2DecayEdits(input: DialectInput, _plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  if (family !== 'cosine') return [];
  return setPath(input, ['SOLVER', 'LR_SCHEDULER_NAME'], 'WarmupCosineLR', { beside: 'BASE_LR' });
}
