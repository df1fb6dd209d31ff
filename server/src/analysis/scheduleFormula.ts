/**
 * One line that says how a schedule moves the learning rate, with this run's figures in it: the formula of its
 * family (cosine, linear, constant, piecewise), or null for families without one simple line.
 */
import type { TrainingPlan } from '../plan/trainingPlan';
import type { FamilyKind } from '../plan/scheduleFamily';
import type { CurvePoint } from '../schedules/schedule';
import { formatLr } from './describePlan';
import { scheduleOfPlan } from '../schedules';

/**
 * The LR the decay reaches at the end of the horizon (progress 1): the floor in the formula. The last step the optimizer
 * takes is one before it (HF cosine ends at 1.4e-11 after 2000 steps, its floor is 0), so the last sampled point is not it.
 */
function floorOf(plan: TrainingPlan): number | undefined {
  try {
    const schedule = scheduleOfPlan(plan);
    const lr = schedule?.lrAt(schedule.totalSteps);
    if (lr === undefined || !Number.isFinite(lr) || lr < 0 || lr > plan.baseLr) return undefined;
    // A floor a millionth of the peak or less is the float residue of a decay to 0 (Composer's cosine: 1e-10).
    return lr <= plan.baseLr * 1e-6 ? 0 : lr;
  } catch {
    return undefined;
  }
}

export function scheduleFormula(plan: TrainingPlan, family: FamilyKind, points: readonly CurvePoint[]): string | null {
  const peak = formatLr(plan.baseLr);
  const end = formatLr(floorOf(plan) ?? points.at(-1)?.lr ?? plan.baseLr);
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
