import type { TrainingPlan } from '../plan/trainingPlan';
import { SCHEDULE_VOCABULARIES, scheduleVocabulary, type ScheduleVocabularyId } from '../frameworks/registry';
import type { Schedule } from './schedule';

export { scheduleInputOf } from '../frameworks/scheduleInput';

/**
 * Builds the schedule a plan will run, for plans whose `schedule.framework` is this builder's key.
 * Returns null when the schedule cannot be drawn (unknown name, missing parameters).
 * Each framework's schedule module documents the params it reads (the contract with its dialect).
 */
export type ScheduleBuilder = (plan: TrainingPlan) => Schedule | null;

/** One builder per scheduler vocabulary (`schedule.framework` of the plan), from the framework registry. */
export const SCHEDULE_BUILDERS: Readonly<Record<ScheduleVocabularyId, ScheduleBuilder>> = Object.fromEntries(
  Object.entries(SCHEDULE_VOCABULARIES).map(([key, vocabulary]) => [key, vocabulary.build]),
) as Record<ScheduleVocabularyId, ScheduleBuilder>;

/** The schedule a plan's framework will run, or null when LR Lens cannot draw it. */
export function scheduleOfPlan(plan: TrainingPlan): Schedule | null {
  return scheduleVocabulary(plan.schedule.framework).build(plan);
}
