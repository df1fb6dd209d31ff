import type { ScheduleHorizon } from '../horizon';
import { HORIZON_TOLERANCE } from '../../plan/scheduleHorizon';
import type { TrainingPlan } from '../../plan/trainingPlan';

/**
 * The horizon a decay fix should also write: the schedule's own horizon key and the run's length, when the plan's
 * horizon disagrees with the run as `schedule-horizon` judges it (a known length, beyond the tolerance). Shared by
 * the decay fixes of gpt-neox, olmo, nanotron and maxtext, whose horizon is a key of its own.
 */
export function horizonToWrite(plan: TrainingPlan, horizon: (plan: TrainingPlan) => ScheduleHorizon | null): ScheduleHorizon | null {
  if (plan.length.assumed) return null;
  const h = horizon(plan);
  if (!h || Math.abs(h.value - h.expected) <= Math.max(1, HORIZON_TOLERANCE * h.expected)) return null;
  return h;
}
