import type { ScheduleHorizon } from '../frameworks/horizon';
import { scheduleVocabulary } from '../frameworks/registry';
import type { TrainingPlan } from './trainingPlan';

export type { ScheduleHorizon } from '../frameworks/horizon';

/** Relative disagreement tolerated between a schedule's horizon and the run's length (rounding, off-by-one). */
export const HORIZON_TOLERANCE = 0.02;

/** The schedule's horizon parameter and the value the run's length implies, when the plan has one. */
export function scheduleHorizon(plan: TrainingPlan): ScheduleHorizon | null {
  return scheduleVocabulary(plan.schedule.framework).horizon(plan);
}
