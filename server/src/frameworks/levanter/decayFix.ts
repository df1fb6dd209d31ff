/**
 * levanter decay fix: `optimizer.lr_schedule: cosine` or `linear` (decay to min_lr_ratio × learning_rate over the
 * cycle after warmup; stanford-crfm/levanter src/levanter/optim/config.py @9263f81e8b453241332c2c0b2d2001bfb2d2241c);
 * a `min_lr_ratio` of 1 (no decay) becomes 0.1, levanter's default.
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { float, setPaths, type EditValue } from '../../fixes/pathEdits';

export function levanterDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const changes: Array<readonly [string, EditValue]> = [['optimizer.lr_schedule', family]];
  const ratio = plan.schedule.params['min_lr_ratio'];
  if (ratio === 1) changes.push(['optimizer.min_lr_ratio', float(0.1)]);
  return setPaths(input, changes, { beside: 'learning_rate' });
}
