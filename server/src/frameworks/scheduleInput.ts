import type { TrainingPlan } from '../plan/trainingPlan';
import type { ScheduleInput } from '../schedules/closedFormSchedule';

/** The plan fields the framework schedule builders read. */
export function scheduleInputOf(plan: TrainingPlan): ScheduleInput {
  return {
    name: plan.schedule.name,
    params: plan.schedule.params,
    baseLr: plan.baseLr,
    warmupSteps: plan.warmup.steps,
    totalSteps: plan.length.steps,
    stepsPerEpoch: plan.length.stepsPerEpoch,
    unit: plan.length.unit,
  };
}
