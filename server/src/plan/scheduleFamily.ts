import { family, type ScheduleFamily } from '../frameworks/family';
import { scheduleVocabulary } from '../frameworks/registry';
import { schedulerClassName } from '../frameworks/torch/torchParams';
import type { TrainingPlan } from './trainingPlan';

export type { FamilyKind, ScheduleFamily } from '../frameworks/family';

/** The family of the schedule a plan runs (each framework module classifies its own scheduler names). */
export function scheduleFamilyOf(plan: TrainingPlan): ScheduleFamily {
  const name = schedulerClassName(plan.schedule.name);
  if (plan.schedule.validationDriven) return family('validation', 'reduce on plateau');
  if (plan.schedule.constantAfterWarmup) return family('constant');
  return scheduleVocabulary(plan.schedule.framework).family(name, plan.schedule.params);
}

/** The family of a scheduler name in the vocabulary of a plan's schedule (a name completion offers, say). */
export function familyOfName(plan: TrainingPlan, name: string): ScheduleFamily {
  return scheduleVocabulary(plan.schedule.framework).family(schedulerClassName(name), plan.schedule.params);
}
