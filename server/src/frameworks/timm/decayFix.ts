/**
 * timm decay fix: `sched: cosine`, or `sched: poly` with `decay_rate: 1.0` (timm's poly power) for linear decay; both
 * over `epochs`, warmup keys untouched.
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { float, setPath, setPaths } from '../../fixes/pathEdits';

export function timmDecayEdits(input: DialectInput, _plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  if (family === 'cosine') return setPaths(input, [['sched', 'cosine']], { beside: 'lr' });
  return [...setPath(input, ['sched'], 'poly', { beside: 'lr' }), ...setPath(input, ['decay_rate'], float(1), { beside: 'sched' })];
}
