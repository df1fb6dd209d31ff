/**
 * One line that says how a schedule moves the learning rate, with this run's figures in it: the formula of its
 * family (cosine, linear, constant, piecewise), or null for families without one simple line.
 */
import type { TrainingPlan } from '../plan/trainingPlan';
import type { FamilyKind } from '../plan/scheduleFamily';
import type { CurvePoint } from '../schedules/schedule';
import { formatLr } from './describePlan';

export function scheduleFormula(plan: TrainingPlan, family: FamilyKind, points: readonly CurvePoint[]): string | null {
  const peak = formatLr(plan.baseLr);
  const end = formatLr(points.at(-1)?.lr ?? plan.baseLr);
  const T = plan.length.steps;
  const w = plan.warmup.steps;
  const unit = plan.length.unit === 'epoch' ? 'epoch' : 'step';
  const warmup = w > 0 ? `linear warmup over ${w} ${unit}${w === 1 ? '' : 's'}, then ` : '';
  const progress = w > 0 ? `(t − ${w}) / ${T - w}` : `t / ${T}`;
  switch (family) {
    case 'cosine':
      return `${warmup}lr(t) = ${end} + (${peak} − ${end}) · ½ · (1 + cos(π · ${progress}))`;
    case 'linear':
      return `${warmup}lr(t) = ${peak} + (${end} − ${peak}) · ${progress}`;
    case 'constant':
      return `${warmup}lr(t) = ${peak} for every ${unit}`;
    case 'piecewise':
      return `${warmup}lr(t) = ${peak} × the factor of each milestone passed, ending at ${end}`;
    default:
      return null;
  }
}
